package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cadenza.bench.TrainThroughputBenchmark;
import org.cadenza.corpus.MusicLoader;
import org.cadenza.corpus.dataset.WindowLoader;
import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.FeatureWindow;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.Windower;
import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;
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
        Path run = tinyRun(tmp, midi);
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

    /** A run folder (model/ + pipeline.json) with a SMALL network trained for one epoch on the file's own windows. */
    private static Path tinyRun(Path tmp, Path midi) {
        RenderSettings render = RenderSettings.builder().build();
        PipelineSettings pipeline = new PipelineSettings(render,
                FeatureParams.builder().optSampleRate(render.sampleRate()).build(), new WindowSpec(2.0, 2.0));
        List<FeatureWindow> windows;
        try (MidiRenderer renderer = new MidiRenderer(render)) {
            windows = Windower.windows(new FeatureExtractor(pipeline.features())
                    .compute(new MusicLoader(renderer).load(midi)), pipeline.window());
        }
        int mels = windows.get(0).spectrogram().bins();
        int frames = windows.get(0).spectrogram().frames();
        List<float[]> data = new ArrayList<>();
        int[] labels = new int[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            data.add(WindowLoader.melMajor(windows.get(i).spectrogram(), 0, frames));
            labels[i] = i % 2;
        }
        InMemoryWindows train = new InMemoryWindows(List.of("a", "b"), mels, frames, data, labels);
        TrainingResult trained = ClassifierTraining.train(train, train.subset(new int[] {0, 1}),
                TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(1).build(),
                tmp.resolve("training"), TrainingListener.NONE);
        Path run = tmp.resolve("run");
        ModelBundle.create(run.resolve(WorkspaceTraining.MODEL_DIR), trained, pipeline.inputContract(), "test");
        pipeline.save(run);
        return run;
    }
}
