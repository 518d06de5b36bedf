package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kill -9} in the middle of an ingest: the catalog stays intact, finished files are kept, a rerun resumes.
 *
 * <p>No timing is involved: the child ingest prints a line as each file is catalogued and, after
 * {@value #BEFORE_KILL} files, waits to be killed, so the kill always lands mid-run after exactly that many
 * committed rows, however slow or busy the machine is.
 */
class KillDuringIngestTest {

    static final int FILES = 20;
    static final int BEFORE_KILL = 5;
    /** How long the child may take to catalogue its first files on a very busy machine. */
    static final long DEADLINE_SECONDS = 120;

    /**
     * The child JVM: an ingest (2 threads) that prints {@code catalogued N} after the N-th file's row is committed
     * (the ingest calls {@code advance} after the commit) and, from file {@code args[2]} on, blocks until it is killed.
     */
    public static final class BlockingIngest {

        private BlockingIngest() {
        }

        /** Arguments: workspace folder, music folder, files to catalogue before waiting for the kill. */
        public static void main(String[] args) {
            int stopAfter = Integer.parseInt(args[2]);
            try (Workspace ws = Workspace.open(Path.of(args[0]))) {
                new Ingestor().ingest(ws, Path.of(args[1]), IngestOptions.builder().optThreads(2).build(),
                        new ProgressListener() {
                            private int done;

                            @Override
                            public void start(String task, long total) {
                            }

                            @Override
                            public void advance(String item, boolean ok) {
                                done++;
                                System.out.println("catalogued " + done);
                                System.out.flush();
                                if (done >= stopAfter) {
                                    waitForTheKill();
                                }
                            }

                            @Override
                            public void finish() {
                            }
                        });
            }
            System.out.println("finished");
        }

        /** Blocks the ingest; an orphan left by a dead test JVM ends itself after 10 minutes. */
        private static void waitForTheKill() {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);
        }
    }

    @Test
    void killedIngestLosesNothingFinishedAndResumes(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("music");
        for (int i = 0; i < FILES; i++) {
            TestMedia.midi(root.resolve((i % 2 == 0 ? "Bach" : "Haydn") + "/f" + i + ".mid"), 0, 50 + i, 60 + i);
        }
        Path wsDir = tmp.resolve("ws");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                BlockingIngest.class.getName(), wsDir.toString(), root.toString(), Integer.toString(BEFORE_KILL)));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the stream closes when the child is killed
            } finally {
                lines.add("<end of output>");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            String wanted = "catalogued " + BEFORE_KILL;
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("the child did not catalogue " + BEFORE_KILL + " files in " + DEADLINE_SECONDS + " s:\n" + log);
                }
                log.append(line).append('\n');
                if (line.equals(wanted)) {
                    break;
                }
                if (line.equals("<end of output>") || line.equals("finished")) {
                    fail("the child ended before it could be killed:\n" + log);
                }
            }
            assertTrue(child.isAlive(), "the child waits for the kill:\n" + log);
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix
            child.waitFor();
        }

        try (Workspace ws = Workspace.open(wsDir)) {
            assertEquals("ok", ws.catalog().query("PRAGMA integrity_check").get(0).values().iterator().next());
            // the child committed each row before printing its line, and catalogued nothing more while it waited
            int kept = ws.catalog().files().size();
            assertEquals(BEFORE_KILL, kept, "rows after the kill");
            assertTrue(ws.catalog().runs().get(0).finished().isEmpty(), "the killed run never finished");
            IngestReport resumed = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(kept, resumed.alreadyCatalogued(), resumed.toText());
            assertEquals(FILES - kept, resumed.ingested(), resumed.toText());
            assertEquals(FILES, ws.catalog().files(FileStatus.INGESTED).size());
        }
    }
}
