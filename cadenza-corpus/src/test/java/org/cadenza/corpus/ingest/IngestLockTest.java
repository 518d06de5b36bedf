package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.WorkspaceBusyException;
import org.cadenza.corpus.WorkspaceLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two ingests on one workspace: the second is refused at once, naming the workspace and since when the first runs,
 * and changes nothing. The lock is held by the test (in this JVM, or in a child JVM that says when it holds it), so
 * nothing depends on timing.
 */
class IngestLockTest extends IngestFixture {

    @BeforeEach
    void corpus() throws Exception {
        TestMedia.midi(root.resolve("Bach/a.mid"), 0, 60, 62);
        TestMedia.midi(root.resolve("Haydn/b.mid"), 0, 64, 65);
    }

    private static void assertRefused(Workspace ws, Path root, Instant since) {
        WorkspaceBusyException e = assertThrows(WorkspaceBusyException.class,
                () -> new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE));
        assertEquals("another ingest is running on " + ws.dir() + " since " + since + "; wait for it to finish",
                e.getMessage());
        assertEquals(Optional.of(since), e.since());
        assertEquals(List.of(), ws.catalog().runs(), "the refused ingest recorded nothing");
        assertEquals(List.of(), ws.catalog().files());
    }

    @Test
    void aSecondIngestInThisProcessIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        try (Workspace ws = Workspace.open(wsDir)) {
            try (WorkspaceLock held = WorkspaceLock.ingest(ws)) {
                assertEquals(wsDir.toAbsolutePath().resolve(WorkspaceLock.INGEST_LOCK_FILE), held.file());
                assertRefused(ws, root, held.since());
            }
            // released: the next ingest runs
            IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(2, r.ingested(), r.toText());
            // and releases the lock when done
            WorkspaceLock.ingest(ws).close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSecondIngestIsRefusedWhileAnotherProcessHoldsTheLock() throws Exception {
        Workspace.open(wsDir).close(); // created here, so that the two processes do not both create the catalog
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldIngestLockMain.class.getName(), wsDir.toString())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        try (Workspace ws = Workspace.open(wsDir)) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine(); // blocks until the child holds the lock
            assertNotNull(line, () -> "the child ended without taking the lock: " + stderr());
            assertTrue(line.startsWith("locked "), line);
            Instant since = Instant.parse(line.substring("locked ".length()));
            assertRefused(ws, root, since);

            child.getOutputStream().close(); // the child releases the lock and exits
            assertEquals(0, child.waitFor(), this::stderr);
            IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(2, r.ingested(), r.toText());
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    private String stderr() {
        try {
            return java.nio.file.Files.readString(tmp.resolve("child.err"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
