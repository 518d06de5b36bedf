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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Empty files are quarantined as empty, never called duplicates of each other. */
class EmptyFilesIngestTest {

    @TempDir
    Path tmp;

    @Test
    void emptyFilesAreQuarantinedAsEmptyBeforeAnyDuplicateCheck() throws Exception {
        Path root = tmp.resolve("music");
        TestMedia.midi(root.resolve("Bach/real.mid"), 0, 60, 62);
        Files.createDirectories(root.resolve("Haydn"));
        Files.createFile(root.resolve("Bach/prelude.mid"));
        Files.createFile(root.resolve("Bach/prelude.wav"));
        Files.createFile(root.resolve("Haydn/empty.flac"));
        TestMedia.zip(root.resolve("Mozart/set.zip"), "k1.mid", new byte[0]);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(List.of(), r.duplicates(), r.toText());
            assertEquals(1, r.ingested(), r.toText());
            assertEquals(4, r.quarantined().size(), r.toText());
            for (IngestReport.Entry e : r.quarantined()) {
                assertEquals(Ingestor.EMPTY_FILE, e.detail(), e.path());
            }
            List<CatalogFile> empty = ws.catalog().files(FileStatus.QUARANTINED);
            assertEquals(4, empty.size());
            for (CatalogFile f : empty) {
                assertEquals("empty file (0 bytes)", f.reason().orElseThrow(), f.displayPath());
                assertTrue(f.duplicateOf().isEmpty(), f.displayPath());
            }
            assertEquals(0, ws.catalog().files(FileStatus.DUPLICATE).size());

            // a rerun finds them all catalogued, still quarantined as empty
            IngestReport again = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(5, again.alreadyCatalogued(), again.toText());
            assertEquals(0, again.duplicates().size(), again.toText());
            assertEquals(4, ws.catalog().files(FileStatus.QUARANTINED).size());
        }
    }
}
