package org.cadenza.corpus.ingest;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders of an ingest test, in its temporary folder: {@link #root}, the music to ingest ({@code music}, which
 * the test fills), and {@link #wsDir}, the workspace ({@code ws}, not made yet).
 */
abstract class IngestFixture {

    @TempDir
    Path tmp;
    Path root;
    Path wsDir;

    @BeforeEach
    void folders() {
        root = tmp.resolve("music");
        wsDir = tmp.resolve("ws");
    }
}
