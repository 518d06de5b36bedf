package org.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} in the middle of a render loses nothing that was finished and corrupts nothing: the rerun
 * renders only what is missing, and every file ends up rendered exactly once.
 */
class KillResumeTest {

    private static Process cadenza(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
        int files = 24;
        for (int i = 0; i < files; i++) {
            // long enough (30 s each) that the kill lands mid-run
            TestMidi.melody(music.resolve((i % 2 == 0 ? "haydn" : "handel") + "/piece" + i + ".mid"), 48 + i, 60, 0);
        }
        Path ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());

        Path log = tmp.resolve("first.log");
        Process first = cadenza(log, "render", ws.toString(), "--threads", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rendered(ws) < 2 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(first.isAlive(), "the first run must still be working when killed: " + Files.readString(log));
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
        long beforeResume = rendered(ws);
        assertTrue(beforeResume >= 2 && beforeResume < files, "killed after " + beforeResume + " files");

        CommandLineTest.Result resume = CommandLineTest.cadenza("render", ws.toString());
        assertEquals(ExitCode.OK, resume.code(), resume.output());
        assertEquals(files, rendered(ws), "every file rendered once: " + resume.output());
        assertTrue(resume.output().contains((files - beforeResume) + " done")
                        || resume.output().contains((files - beforeResume - 1) + " done"),
                "only the missing files are rendered (one may have been finished between the count and the kill): "
                        + resume.output());

        CommandLineTest.Result status = CommandLineTest.cadenza("status", ws.toString());
        assertEquals(ExitCode.OK, status.code(), status.output());
    }
}
