package org.cadenza.cli;

import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} in the middle of a render loses nothing that was finished and corrupts nothing: the rerun
 * renders only what is missing, and every file ends up rendered exactly once.
 *
 * <p>No fixed sleeps: the test reads the child's progress bar as it is printed and kills it as soon as the bar
 * shows {@value #BEFORE_KILL} files done (with a generous deadline for a busy machine); the files finished before
 * the kill are counted once the child is dead, so the count cannot race with the child.
 */
class KillResumeTest {

    static final int FILES = 24;
    static final int BEFORE_KILL = 2;
    static final long DEADLINE_SECONDS = 180;
    /** The progress bar's "done/total" (e.g. {@code render  8% [=>   ] 2/24 (0:00:02 / 0:00:22)}). */
    static final Pattern PROGRESS = Pattern.compile("\\b(\\d+)/" + FILES + "\\b");

    private static Process cadenza(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * Reads the child's output (stdout and stderr) as it comes, keeps it for messages, and tells when its progress
     * bar first shows {@code done} files.
     */
    private static final class ProgressWatch {
        final StringBuilder log = new StringBuilder();
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);

        ProgressWatch(Process child, int done) {
            Thread reader = new Thread(() -> {
                try (Reader in = new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)) {
                    char[] buffer = new char[4096];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        synchronized (log) {
                            log.append(buffer, 0, n);
                            Matcher m = PROGRESS.matcher(log);
                            while (m.find()) {
                                if (Integer.parseInt(m.group(1)) >= done) {
                                    reached.countDown();
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    // the pipe closes when the child is killed
                } finally {
                    ended.countDown();
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        String log() {
            synchronized (log) {
                return log.toString();
            }
        }
    }

    private static long rendered(Path ws) throws IOException {
        Path audio = ws.resolve("audio");
        if (!Files.isDirectory(audio)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(audio)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".flac")).count();
        }
    }

    @Test
    void renderKilledMidwayResumesWithoutRedoingFinishedFiles(@TempDir Path tmp) throws Exception {
        Path music = tmp.resolve("music");
        for (int i = 0; i < FILES; i++) {
            // long enough (30 s each) that the kill lands mid-run
            TestMidi.melody(music.resolve((i % 2 == 0 ? "haydn" : "handel") + "/piece" + i + ".mid"), 48 + i, 60, 0);
        }
        Path ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());

        Process first = cadenza("render", ws.toString(), "--threads", "1");
        ProgressWatch watch = new ProgressWatch(first, BEFORE_KILL);
        try {
            boolean reached = watch.reached.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
            assertTrue(reached, "the first run did not show " + BEFORE_KILL + " files done in " + DEADLINE_SECONDS
                    + " s: " + watch.log());
            assertTrue(first.isAlive(), "the first run must still be working when killed: " + watch.log());
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
        }
        watch.ended.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        // counted after the child is dead: exactly the files whose FLAC was completed (each is written atomically)
        long beforeResume = rendered(ws);
        assertTrue(beforeResume >= BEFORE_KILL && beforeResume < FILES, "killed after " + beforeResume + " files: "
                + watch.log());

        CommandLineTest.Result resume = CommandLineTest.ok("render", ws.toString());
        assertEquals(FILES, rendered(ws), "every file rendered once: " + resume.output());
        assertTrue(resume.output().contains((FILES - beforeResume) + " done"),
                "only the missing " + (FILES - beforeResume) + " files are rendered: " + resume.output());

        CommandLineTest.Result status = CommandLineTest.ok("status", ws.toString());
    }
}
