package org.cadenza.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.InferenceBenchmark;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.bundle.ModelContract;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.render.MidiRenderer;

/**
 * How long {@code predict} takes with the model loaded: per file, the wall time of a whole
 * {@link FilePrediction#predict} (render or decode, features, windows, inference, ranking) after one warm-up, the
 * median of a few repeats; and inference alone per window ({@link InferenceBenchmark#inference} on a network of the
 * model's architecture and window shape). The limits: under {@value #LIMIT_SECONDS_PER_FIVE_MINUTES} s for a
 * 5-minute file, at most {@value #LIMIT_MS_PER_WINDOW} ms of inference per window.
 */
public final class PredictBenchmark {

    /** The limit: seconds for a whole 5-minute file, model loaded (exclusive). */
    public static final double LIMIT_SECONDS_PER_FIVE_MINUTES = 3.0;
    /** The limit: milliseconds of inference per window (inclusive). */
    public static final double LIMIT_MS_PER_WINDOW = 20.0;
    /** Target length of the default file, seconds. */
    public static final double DEFAULT_FILE_SECONDS = 300.0;
    /**
     * Candidates for the default file, relative to {@code CADENZA_DATA}: asap performances and scores of about
     * 5 minutes from the test split of the asap-composer10 benchmark (so unseen by a model trained on it); the one
     * whose MIDI duration is closest to {@value #DEFAULT_FILE_SECONDS} s is used.
     */
    public static final List<String> DEFAULT_CANDIDATES = List.of(
            "asap/chopin/Sonata_3/4th/HONG08.mid",
            "asap/chopin/Sonata_3/4th/HuangSW06M.mid",
            "asap/schumann/Kreisleriana/2/midi_score.mid",
            "asap/liszt/Hungarian_Rhapsodies/6/midi_score.mid");

    /** Windows of the untimed inference call that precedes the timed one. */
    private static final int WARM_UP_WINDOWS = 4;

    private PredictBenchmark() {
    }

    /**
     * What to measure.
     *
     * @param repeats          timed predictions per file after the warm-up, default 3 (the median counts)
     * @param threads          PyTorch threads, default 1 (as {@code cadenza predict})
     * @param inferenceWindows windows for the inference-alone figures, default 64
     */
    public record Params(int repeats, int threads, int inferenceWindows) {

        /** The defaults: 3 repeats, 1 thread, 64 windows. */
        public static final Params DEFAULTS = new Params(3, 1, 64);

        public Params {
            if (repeats < 1 || threads < 1 || inferenceWindows < 1) {
                throw new IllegalArgumentException("repeats, threads and inferenceWindows must be >= 1, got "
                        + repeats + ", " + threads + ", " + inferenceWindows);
            }
        }
    }

    /**
     * Benchmarks {@code files} with the model of a training run.
     *
     * @param run     a run folder made by {@code cadenza train} (or its {@code model/} folder)
     * @param files   MIDI or audio files, at least one
     * @param params  effort
     * @param command the command line to print in the report
     * @throws org.cadenza.io.BadInputException when a file cannot be read or is shorter than one window
     * @throws IllegalStateException when PyTorch's thread count was already set to another number
     */
    public static PredictBenchResult run(Path run, List<Path> files, Params params, String command) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(params, "params");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to predict");
        }
        EngineThreads.fix(params.threads());
        BenchMachine machine = BenchMachine.current();
        Path runDir = run.getFileName() != null && run.getFileName().toString().equals(WorkspaceTraining.MODEL_DIR)
                ? run.toAbsolutePath().getParent() : run;
        long t0 = System.nanoTime();
        ModelBundle bundle = ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR));
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        List<PredictBenchResult.FileTiming> timings = new ArrayList<>();
        double loadSeconds;
        try (Classifier classifier = Classifier.open(bundle);
             FilePrediction predictor = new FilePrediction(classifier, pipeline);
             MidiRenderer renderer = new MidiRenderer(pipeline.render())) {
            loadSeconds = (System.nanoTime() - t0) / 1e9;
            MusicLoader loader = new MusicLoader(renderer);
            for (Path file : files) {
                int windows = predictor.predict(file).windows().size(); // warm-up (JIT, engine kernels)
                List<Double> seconds = new ArrayList<>();
                List<Double> loads = new ArrayList<>();
                double audioSeconds = 0;
                for (int r = 0; r < params.repeats(); r++) {
                    long p0 = System.nanoTime();
                    predictor.predict(file);
                    seconds.add((System.nanoTime() - p0) / 1e9);
                    long l0 = System.nanoTime();
                    AudioClip clip = loader.load(file);
                    loads.add((System.nanoTime() - l0) / 1e9);
                    audioSeconds = clip.durationSeconds();
                }
                timings.add(new PredictBenchResult.FileTiming(file, audioSeconds, windows,
                        PredictBenchResult.median(loads), seconds));
            }
        }
        ModelContract c = bundle.contract();
        int[] shape = c.inputShape();
        // a first, untimed call: PyTorch prepares its kernels per input shape, and single windows (batch 1) and
        // short batches may not have occurred in the predictions above
        InferenceBenchmark.inference(c.architecture(), shape[1], shape[2], c.classes().size(), WARM_UP_WINDOWS);
        InferenceBenchmark.Figures f = InferenceBenchmark.inference(c.architecture(), shape[1], shape[2],
                c.classes().size(), params.inferenceWindows());
        return new PredictBenchResult(command, machine, runDir, c.architecture(), List.of(shape[0], shape[1], shape[2]),
                c.classes().size(), c.members(), params.threads(), params.repeats(), loadSeconds, timings,
                f.msPerWindowBatched(), f.msPerWindowSingle(), params.inferenceWindows(),
                TrainThroughputBenchmark.javaRuntime());
    }

    /**
     * The default benchmark file: among {@link #DEFAULT_CANDIDATES} present under {@code data}, the one whose MIDI
     * duration ({@link MidiInspector}, tempo map applied) is closest to {@value #DEFAULT_FILE_SECONDS} s.
     *
     * @param data the datasets folder ({@code CADENZA_DATA})
     * @throws CadenzaException when none of the candidates is there
     */
    public static Path defaultFile(Path data) {
        Objects.requireNonNull(data, "data");
        Path best = null;
        double bestDistance = Double.MAX_VALUE;
        for (String candidate : DEFAULT_CANDIDATES) {
            Path p = data.resolve(candidate);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            double d = Math.abs(MidiInspector.inspect(p, MidiLimits.DEFAULTS).durationSeconds() - DEFAULT_FILE_SECONDS);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        if (best == null) {
            throw new CadenzaException("no default benchmark file under " + data + ": none of " + DEFAULT_CANDIDATES
                    + " exists; give MIDI files explicitly or point CADENZA_DATA at the datasets folder");
        }
        return best;
    }
}
