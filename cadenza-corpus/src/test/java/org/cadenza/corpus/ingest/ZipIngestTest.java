package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cadenza ingest x.zip}: a zip given directly is read as a folder holding only that zip. */
class ZipIngestTest {

    @TempDir
    Path tmp;

    @Test
    void aZipGivenDirectlyIsCataloguedByTheComposerFoldersInside() throws Exception {
        byte[] fugue = TestMedia.midiBytes(0, 60, 62, 64);
        Path zip = TestMedia.zip(tmp.resolve("downloads/Mozart.zip"),
                "Bach/wtc/fugue1.mid", fugue,
                "J.S. Bach/fugue1-again.mid", fugue,
                "Chopin/op10/etude1.mid", TestMedia.midiBytes(0, 48, 60, 72),
                "Chopin/broken.mid", "not MIDI at all".getBytes(StandardCharsets.UTF_8),
                "k545.mid", TestMedia.midiBytes(0, 72, 76, 79),
                "readme.txt", "text".getBytes(StandardCharsets.UTF_8));
        byte[] zipBefore = Files.readAllBytes(zip);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestReport r = new Ingestor().ingest(ws, zip, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(5, r.found(), r.toText());
            assertEquals(3, r.ingested(), r.toText());
            assertEquals(1, r.duplicates().size(), r.toText());
            assertEquals(1, r.quarantined().size(), r.toText());
            assertEquals(1, r.skippedNonMusic(), "readme.txt");

            Map<String, CatalogFile> files = ws.catalog().files().stream()
                    .collect(Collectors.toMap(CatalogFile::displayPath, f -> f));
            CatalogFile bach = files.get(zip + "!Bach/wtc/fugue1.mid");
            assertEquals(FileStatus.INGESTED, bach.status());
            assertEquals("bach", bach.composerId());
            assertEquals("Bach", bach.composerWritten());
            assertEquals("bach/wtc/fugue1", bach.pieceId());
            assertEquals(MediaKind.MIDI, bach.kind());
            assertTrue(Path.of(bach.storedPath()).startsWith(ws.sourcesDir().toRealPath()), bach.storedPath());
            assertEquals(FileStatus.DUPLICATE, files.get(zip + "!J.S. Bach/fugue1-again.mid").status());
            CatalogFile etude = files.get(zip + "!Chopin/op10/etude1.mid");
            assertEquals("chopin/op10/etude1", etude.pieceId());
            assertEquals(FileStatus.QUARANTINED, files.get(zip + "!Chopin/broken.mid").status());
            // a member at the top takes its composer from the zip's name, as a zip lying in a folder's root does
            assertEquals("mozart/k545", files.get(zip + "!k545.mid").pieceId());

            IngestReport again = new Ingestor().ingest(ws, zip, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(5, again.alreadyCatalogued(), again.toText());
            assertEquals(0, again.ingested(), again.toText());
        }
        assertTrue(java.util.Arrays.equals(zipBefore, Files.readAllBytes(zip)), "the zip is never modified");
    }

    @Test
    void anUnsafeZipGivenDirectlyIsQuarantinedWithTheReason() throws Exception {
        Path zip = TestMedia.zip(tmp.resolve("evil.zip"),
                "Haydn/good.mid", TestMedia.midiBytes(0, 60, 61),
                "../escape.mid", TestMedia.midiBytes(0, 60, 62));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestReport r = new Ingestor().ingest(ws, zip, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(1, r.quarantined().size(), r.toText());
            assertTrue(r.quarantined().get(0).detail().contains(".."), r.toText());
            assertEquals(MediaKind.ARCHIVE, ws.catalog().files().get(0).kind());
            assertTrue(Files.notExists(tmp.resolve("escape.mid")));
        }
    }

    @Test
    void otherFilesAreStillRefusedByName() throws Exception {
        Path pdf = Files.writeString(tmp.resolve("scores.pdf"), "%PDF");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> new Ingestor().ingest(ws, pdf, IngestOptions.DEFAULTS, ProgressListener.NONE));
            assertTrue(e.getMessage().contains(".zip archive") && e.getMessage().contains("got a .pdf file"),
                    e.getMessage());
        }
    }
}
