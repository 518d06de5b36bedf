package org.cadenza.cli;

import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands end to end on small MIDI files built here, through {@link Main#run}. */
class CommandLineTest {

    /** Runs the command line and returns (exit code, stdout + stderr, stdout alone). */
    static Result cadenza(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        PrintStream captureOut = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
                stdout.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
                stdout.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(captureOut);
        System.setErr(capture);
        try {
            var cl = CadenzaCommand.commandLine();
            cl.setOut(new java.io.PrintWriter(captureOut, true));
            cl.setErr(new java.io.PrintWriter(capture, true));
            int code = cl.execute(args);
            return new Result(code, buffer.toString(StandardCharsets.UTF_8), stdout.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Runs the command line, which must succeed (exit code 0; else the output is the failure's message). */
    static Result ok(String... args) {
        Result r = cadenza(args);
        assertEquals(ExitCode.OK, r.code(), r.output());
        return r;
    }

    /** @param output stdout and stderr as they came; @param stdout stdout alone */
    record Result(int code, String output, String stdout) {
    }

    @Test
    void everyCommandExplainsItself() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("ingest"), List.of("render"), List.of("features"),
                List.of("show"), List.of("status"), List.of("train"), List.of("predict"), List.of("evaluate"), List.of("lr-find"), List.of("datasets", "fetch"), List.of("demo"),
                List.of("bench", "render"), List.of("bench", "logmel"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add("--help");
            Result r = cadenza(args.toArray(new String[0]));
            assertEquals(ExitCode.OK, r.code(), command + " --help: " + r.output());
            assertTrue(r.output().contains("Usage: cadenza"), command + ": " + r.output());
        }
        assertTrue(cadenza("--help").output().contains("Exit codes"));
    }

    @Test
    void wrongUsageIsExitCode2() {
        Result r = cadenza("render");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.output().contains("WORKSPACE"), r.output());
    }

    @Test
    void aValueAnOptionDoesNotTakeIsAUsageErrorNamingTheChoices(@TempDir Path tmp) {
        Result r = cadenza("instruments", "-w", tmp.resolve("ws").toString(), "--run", tmp.resolve("run").toString(),
                "--tune", "precision");
        assertEquals(ExitCode.USAGE, r.code(), r.output());
        assertTrue(r.output().contains("--tune: expected one of accuracy, f1, balanced-accuracy, got precision"),
                r.output());
    }

    @Test
    void instrumentsSpellsStopOnAsTrainDoes(@TempDir Path tmp) {
        Result r = cadenza("instruments", "-w", tmp.resolve("ws").toString(), "--run", tmp.resolve("run").toString(),
                "--stop-on", "best");
        assertEquals(ExitCode.USAGE, r.code(), r.output());
        assertTrue(r.output().contains("--stop-on: expected one of val_accuracy, val_loss, got best"), r.output());
    }

    @Test
    void missingWorkspaceSaysHowToMakeOne(@TempDir Path tmp) {
        Result r = cadenza("status", tmp.resolve("nowhere").toString());
        assertEquals(ExitCode.ERROR, r.code());
        assertTrue(r.output().contains("cadenza ingest"), r.output());
    }

    @Test
    void ingestRenderFeaturesStatusShowOnAFolder(@TempDir Path tmp) throws IOException {
        Path music = tmp.resolve("music");
        TestMidi.melody(music.resolve("Bach/inventions/one.mid"), 60, 8, 0);
        TestMidi.melody(music.resolve("bach/two.mid"), 62, 10, 6);
        TestMidi.melody(music.resolve("Chopin/etude.mid"), 48, 12, 0);
        Files.writeString(music.resolve("Chopin/notes.mid"), "this is a text file, not MIDI\n");
        byte[] before = Files.readAllBytes(music.resolve("Chopin/etude.mid"));
        Path ws = tmp.resolve("ws");

        Result ingest = cadenza("ingest", music.toString(), "--workspace", ws.toString());
        assertEquals(ExitCode.PARTIAL, ingest.code(), "one bad file is a partial failure: " + ingest.output());
        assertTrue(ingest.output().contains("notes.mid"), ingest.output());

        Result render = ok("render", ws.toString(), "--threads", "2");
        assertTrue(render.output().contains("3 done"), render.output());

        Result again = ok("render", ws.toString());
        assertTrue(again.output().contains("0 done, 3 skipped"), again.output());

        Result features = ok("features", ws.toString(), "--window", "2s");
        assertTrue(features.output().contains("3 done"), features.output());
        // 4 s, 5 s and 6 s of music (plus a short release tail): 2 + 2 + 3 whole 2-s windows
        assertTrue(features.output().contains("7 windows of 2 s every 2 s"), features.output());

        Result status = ok("status", ws.toString());
        assertTrue(status.output().contains("bach"), status.output());
        assertTrue(status.output().contains("chopin"), status.output());
        assertTrue(status.output().contains("not a Standard MIDI File"), status.output());

        Path png = tmp.resolve("pics/etude.png");
        Result show = ok("show", music.resolve("Chopin/etude.mid").toString(), "--out", png.toString());
        byte[] header = Files.readAllBytes(png);
        assertEquals((byte) 0x89, header[0]);
        assertEquals('P', header[1]);

        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(music.resolve("Chopin/etude.mid"))),
                "source files are never modified");
    }

    @Test
    void showOfABadFileIsExitCode4AndNamesTheFile(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("broken.mid"), "hello");
        Result r = cadenza("show", bad.toString(), "--out", tmp.resolve("x.png").toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.output());
        assertTrue(r.output().contains("broken.mid"), r.output());
    }
}
