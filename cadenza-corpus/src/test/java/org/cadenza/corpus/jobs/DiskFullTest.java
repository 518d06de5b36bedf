package org.cadenza.corpus.jobs;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.io.DiskFullException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk stops a job with one {@link DiskFullException}; it is never recorded against a file. */
class DiskFullTest {

    @TempDir
    Path tmp;

    /** Caps the catalog at its current size, as a full disk would: the next page SQLite needs is refused. */
    private static void fillUp(Catalog catalog) {
        long pages = ((Number) catalog.query("PRAGMA page_count").get(0).values().iterator().next()).longValue();
        catalog.query("PRAGMA max_page_count = " + pages);
    }

    private static CatalogFile.Builder file(int i) {
        String name = "f" + i + ".mid";
        return CatalogFile.builder().setSourcePath(name).setAbsolutePath("/data/" + name).setStoredPath("/data/" + name)
                .setSha256(String.format("%064x", i)).setBytes(100).setKind(MediaKind.MIDI).setComposerId("bach")
                .setComposerWritten("Bach").setPieceId("bach/" + i)
                .ingested().optSeconds(1.0);
    }

    @Test
    void aFullCatalogIsADiskFullNamingTheCatalog() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Catalog c = ws.catalog();
            fillUp(c);
            DiskFullException e = assertThrows(DiskFullException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    c.insertFile(file(i).setPieceId("bach/" + "x".repeat(500) + i).build(), 0);
                }
            });
            assertEquals(c.file(), e.file());
            assertTrue(e.getCause().getMessage().contains("SQLITE_FULL"), e.getCause().getMessage());
        }
    }

    @Test
    void anIngestOnAFullDiskStopsWithoutQuarantiningAnything() throws Exception {
        Path root = tmp.resolve("music");
        for (int i = 0; i < 40; i++) {
            TestMedia.midi(root.resolve("Bach/" + "long-name-".repeat(20) + i + ".mid"), 0, 60 + i % 12);
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            fillUp(ws.catalog());
            assertThrows(DiskFullException.class,
                    () -> new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE));
            ws.catalog().query("PRAGMA max_page_count = 1073741823");
            assertEquals(0, ws.catalog().files(org.cadenza.corpus.catalog.FileStatus.QUARANTINED).size());
            assertEquals(List.of(), ws.catalog().problems());
        }
    }

    @Test
    void aJobStopsAtTheFirstFullDiskAndRecordsNoFailure() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            Catalog c = ws.catalog();
            AtomicInteger started = new AtomicInteger();
            List<JobRunner.Item> items = new ArrayList<>();
            items.add(new JobRunner.Item("ok.mid", "aa", () -> {
                started.incrementAndGet();
                return true;
            }));
            items.add(new JobRunner.Item("full.mid", "bb", () -> {
                started.incrementAndGet();
                throw new UncheckedIOException("FeatureCache: cannot write /ws/features/x.bin: No space left on device",
                        new IOException("No space left on device"));
            }));
            for (int i = 0; i < 50; i++) {
                items.add(new JobRunner.Item("later" + i + ".mid", "cc" + i, () -> {
                    started.incrementAndGet();
                    return true;
                }));
            }
            DiskFullException e = assertThrows(DiskFullException.class, () -> JobRunner.run(c, Stage.FEATURES,
                    "k", "", "features k", items, 1, ProgressListener.NONE));
            assertEquals(ws.dir(), e.file(), "no file named by the platform: the workspace is");
            assertTrue(started.get() < items.size(), "items after the full disk are not started: " + started.get());
            assertEquals(List.of(), c.stageFailures(Stage.FEATURES), "a full disk is not the file's failure");
            assertEquals(List.of(), c.problems());
        }
    }

    @Test
    void aDiskFullExceptionFromTheWorkPassesThroughAsItIs() {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            DiskFullException full = new DiskFullException(ws.dir().resolve("audio/k/bb.flac"),
                    new IOException("No space left on device"));
            List<JobRunner.Item> items = List.of(new JobRunner.Item("full.mid", "bb", () -> {
                throw full;
            }));
            assertSame(full, assertThrows(DiskFullException.class, () -> JobRunner.run(ws.catalog(), Stage.RENDER,
                    "k", "", "render k", items, 2, ProgressListener.NONE)));
        }
    }
}
