package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A labels CSV kept apart from the music (a benchmark's split.csv) is read against the root the user names. */
class CsvRootTest {

    @Test
    void relativePathsResolveAgainstTheGivenRoot(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("datasets/asap");
        TestMedia.midi(data.resolve("bach/Fugue/a.mid"), 0, 60, 62, 64);
        TestMedia.midi(data.resolve("chopin/Etude/b.mid"), 0, 48, 50);
        Path split = Files.createDirectories(tmp.resolve("benchmarks/split")).resolve("split.csv");
        Files.writeString(split, "path,composer,piece_id,split\n"
                + "bach/Fugue/a.mid,bach,bach/Fugue,train\n"
                + "chopin/Etude/b.mid,chopin,chopin/Etude,test\n");

        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestReport withoutRoot = new Ingestor().ingest(ws, split, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(2, withoutRoot.missing().size(), "beside the CSV there is no music");

            IngestReport report = new Ingestor().ingest(ws, split,
                    IngestOptions.builder().optCsvRoot(data).build(), ProgressListener.NONE);
            assertEquals(2, report.ingested());
            List<CatalogFile> files = ws.catalog().files(FileStatus.INGESTED);
            assertEquals(2, files.size());
            CatalogFile chopin = files.stream().filter(f -> f.composerId().equals("chopin")).findFirst().orElseThrow();
            assertEquals("test", chopin.split().orElseThrow());
            assertEquals("chopin/Etude", chopin.pieceId());
        }
    }
}
