package org.cadenza.corpus;

import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.corpus.catalog.StageFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cadenza status}: every quarantined and failed file is listed with its reason. */
class StatusReportTest {

    @TempDir
    Path tmp;

    private static CatalogFile.Builder file(String name, String sha, String composer) {
        return CatalogFile.builder().setSourcePath("music/" + name).setAbsolutePath("/data/music/" + name)
                .setStoredPath("/data/music/" + name).setSha256(sha).setBytes(100).setKind(MediaKind.MIDI)
                .setComposerId(composer).setComposerWritten(composer).setPieceId(composer + "/" + name);
    }

    @Test
    void failuresAndQuarantineCarryTheirReasons() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Catalog c = ws.catalog();
            long run = c.startRun("test");
            c.insertFile(file("a.mid", "aa", "bach").ingested().optSeconds(60).build(), run);
            c.insertFile(file("b.mid", "bb", "chopin").ingested().optSeconds(30).build(), run);
            c.insertFile(file("c.mid", "cc", "chopin").quarantined("truncated MIDI file: track 0 ends early").build(),
                    run);
            c.insertFile(CatalogFile.builder().setSourcePath("music/set.zip").setAbsolutePath("/data/music/set.zip")
                    .optArchiveMember("Liszt/d.mid").setStoredPath("/ws/sources/zz/Liszt/d.mid").setSha256("dd")
                    .setBytes(100).setKind(MediaKind.MIDI).setComposerId("liszt").setComposerWritten("Liszt")
                    .setPieceId("liszt/d").ingested().optSeconds(10).build(), run);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            c.recordStageFailure(new StageFailure("bb", Stage.FEATURES, "mel-128", "gervill-1",
                    "no rendered audio for these render settings", run, t));
            c.recordStageFailure(new StageFailure("bb", Stage.RENDER, "gervill-1", "",
                    "rendering took longer than the limit of 600 s", run, t));
            c.recordStageFailure(new StageFailure("dd", Stage.RENDER, "gervill-1", "", "renders to silence", run, t));

            StatusReport status = ws.status();
            assertEquals(2, status.total().failed());
            assertEquals(List.of(
                    new StatusReport.FailureEntry("music/b.mid", "chopin", "render", "gervill-1",
                            "rendering took longer than the limit of 600 s"),
                    new StatusReport.FailureEntry("music/b.mid", "chopin", "features", "mel-128",
                            "no rendered audio for these render settings"),
                    new StatusReport.FailureEntry("music/set.zip!Liszt/d.mid", "liszt", "render", "gervill-1",
                            "renders to silence")), status.failures());
            assertEquals(List.of(new StatusReport.QuarantineEntry("music/c.mid", "chopin",
                    "truncated MIDI file: track 0 ends early")), status.quarantine());

            String text = status.toText();
            assertTrue(text.contains("  music/c.mid [chopin]: truncated MIDI file: track 0 ends early"), text);
            assertTrue(text.contains("failed (3; the next run of the job retries them):"), text);
            assertTrue(text.contains("  music/b.mid [chopin] render: rendering took longer than the limit of 600 s"),
                    text);
            assertTrue(text.contains("  music/b.mid [chopin] features: no rendered audio for these render settings"),
                    text);
            assertTrue(text.contains("  music/set.zip!Liszt/d.mid [liszt] render: renders to silence"), text);
            String json = status.toJson();
            assertTrue(json.contains("\"reason\" : \"renders to silence\""), json);
        }
    }

    @Test
    void noFailuresSaysSo() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ws.catalog().insertFile(file("a.mid", "aa", "bach").ingested().build(), 0);
            StatusReport status = ws.status();
            assertEquals(List.of(), status.failures());
            assertTrue(status.toText().contains("failed: none"), status.toText());
        }
    }
}
