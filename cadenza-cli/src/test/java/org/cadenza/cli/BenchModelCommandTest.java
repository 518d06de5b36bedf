package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cadenza.bench.TinyRun;
import org.cadenza.bench.TrainThroughputBenchmark;
import org.cadenza.io.midi.TestMidi;
import org.cadenza.model.ModelRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cadenza bench predict} and {@code cadenza bench train} on tiny inputs. */
class BenchModelCommandTest {

    @BeforeAll
    static void oneEngineThread() {
        // the tiny training below loads PyTorch before the commands could set its thread count (as they do)
        ModelRuntime.setThreads(1);
    }

    @Test
    void benchPredictTimesAFileAndGivesAVerdictFromItsNumbers(@TempDir Path tmp) throws Exception {
        Path midi = TestMidi.melody(tmp.resolve("tune.mid"), 60, 24, 0);
        Path run = TinyRun.train(tmp, midi, List.of("a", "b")).dir();
        Path md = tmp.resolve("bench.md");
        CommandLineTest.Result r = CommandLineTest.ok("bench", "predict", run.toString(), midi.toString(),
                "--repeats", "1", "--inference-windows", "8", "--append", md.toString());
        String out = r.output();
        assertTrue(out.contains("### Prediction speed: run (SMALL, 2 classes"), out);
        assertTrue(out.contains("- Command: `cadenza bench predict " + run + " " + midi + " --repeats 1"), out);
        // the file's row: | file | audio s | windows | render/decode s | median s | runs | s per 5 min | verdict |
        Matcher row = Pattern.compile("\\| " + Pattern.quote(midi.toString())
                + " \\| ([0-9.]+) \\| (\\d+) \\| [0-9.]+ \\| ([0-9.]+) \\| [0-9., ]+ \\| ([0-9.]+) \\| (PASS|FAIL) \\|")
                .matcher(out);
        assertTrue(row.find(), out);
        double audio = Double.parseDouble(row.group(1));
        double median = Double.parseDouble(row.group(3));
        double perFive = Double.parseDouble(row.group(4));
        assertTrue(audio > 10 && audio < 20, out);
        assertEquals(median * 300 / audio, perFive, 0.006 * 300 / audio + 0.01, out); // the median is printed to 0.01 s
        assertEquals(perFive < 3 ? "PASS" : "FAIL", row.group(5), out);
        Matcher inference = Pattern.compile("\\|\\n\\| ([0-9.]+) \\| ([0-9.]+) \\| (PASS|FAIL) \\|")
                .matcher(out.substring(out.indexOf("Inference alone")));
        assertTrue(inference.find(), out);
        boolean inferenceOk = Double.parseDouble(inference.group(1)) <= 20 && Double.parseDouble(inference.group(2)) <= 20;
        assertEquals(inferenceOk ? "PASS" : "FAIL", inference.group(3), out);
        boolean all = inferenceOk && "PASS".equals(row.group(5));
        assertTrue(out.contains("Verdict against the issue's limits: **" + (all ? "PASS" : "FAIL") + "**"), out);
        assertTrue(Files.readString(md).contains("### Prediction speed"), "--append writes the Markdown too");
    }

    @Test
    void benchPredictWithoutFilesNeedsTheDatasets(@TempDir Path tmp) {
        CommandLineTest.Result r = CommandLineTest.cadenza("bench", "predict", tmp.toString(), "--data", tmp.toString());
        assertEquals(ExitCode.ERROR, r.code(), r.output());
        assertTrue(r.output().contains("no default benchmark file under " + tmp), r.output());
        if (System.getenv("CADENZA_DATA") == null) {
            CommandLineTest.Result unset = CommandLineTest.cadenza("bench", "predict", tmp.toString());
            assertEquals(ExitCode.ERROR, unset.code(), unset.output());
            assertTrue(unset.output().contains("CADENZA_DATA is unset"), unset.output());
        }
    }

    @Test
    void benchTrainPrintsBothSidesAndTheNetworkCheck() {
        CommandLineTest.Result r = CommandLineTest.ok("bench", "train", "--model", "small", "--windows", "32",
                "--mels", "32", "--frames", "32", "--threads", "1");
        String out = r.output();
        assertTrue(out.contains("### Training throughput: SMALL, 32 x 32 windows, batch 32, 1 thread"), out);
        assertTrue(out.contains("- Command: `cadenza bench train --model small --windows 32"), out);
        Matcher java = Pattern.compile("\\| Cadenza \\(Java, DJL [^|]+\\| 1 \\| ([0-9.]+) \\| ([0-9,]+) \\|").matcher(out);
        assertTrue(java.find(), out);
        assertTrue(Double.parseDouble(java.group(1)) > 0, out);
        if (TrainThroughputBenchmark.findPython().isPresent()) {
            Matcher py = Pattern.compile("\\| PyTorch [^|]+ under Python [^|]+\\| 1 \\| ([0-9.]+) \\| ([0-9,]+) \\|")
                    .matcher(out);
            assertTrue(py.find(), out);
            assertEquals(java.group(2), py.group(2), "same parameter count: " + out);
            assertTrue(out.contains("Same network: **yes**"), out);
        } else {
            assertTrue(out.contains("Python peer: not run"), out);
        }
    }

    @Test
    void benchTrainWithoutPython() {
        CommandLineTest.Result r = CommandLineTest.ok("bench", "train", "--model", "MOBILENET", "--windows", "32",
                "--mels", "32", "--frames", "32", "--python", "none");
        assertTrue(r.output().contains("### Training throughput: MOBILENET"), r.output());
        assertTrue(r.output().contains("Python peer: not run"), r.output());
        assertTrue(!r.output().contains("under Python"), r.output());
    }

    @Test
    void theModelBenchmarksExplainThemselves() {
        for (String sub : List.of("predict", "train")) {
            CommandLineTest.Result r = CommandLineTest.ok("bench", sub, "--help");
            assertTrue(r.output().contains("Usage: cadenza bench " + sub), r.output());
        }
    }
}
