package org.cadenza.model.pipeline;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.corpus.dataset.WindowLoader;
import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureWindow;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.Windower;
import org.cadenza.io.BadInputException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.render.MidiRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Predicts the class of whole files: MIDI is rendered on the fly and recordings decoded, with the settings the
 * model was trained on; the file's prediction is the mean log-probability over its windows (probabilities floored
 * at 1e-6), as in evaluation. When the run stacks windows ({@link PipelineSettings#stack()} &gt; 1), every
 * {@code stack} consecutive windows form one input ({@link WindowStacking}) and the mean runs over those inputs.
 */
public final class FilePrediction implements org.cadenza.model.pipeline.FilePredictor {

    /** Probability floor before the logarithm. */
    public static final double FLOOR = 1e-6;

    /** One class with its probability. */
    public record Ranked(String label, double probability) {
    }

    /** One window's probabilities (one stacked input's, starting at that window, when the run stacks windows). */
    public record WindowResult(double startSeconds, float[] probabilities) {
    }

    /**
     * A file's result.
     *
     * @param ranking classes, most probable first (normalised geometric mean of the window probabilities)
     * @param windows per-window probabilities (per stacked input when the run stacks windows), in time order
     * @param seconds wall-clock time for this file (loading, features, inference)
     * @param instruments the instrument families, most probable first (models with an instrument head), else empty
     */
    public record Result(Path file, List<Ranked> ranking, List<WindowResult> windows, double seconds,
                         List<InstrumentProbability> instruments) {

        public Result {
            instruments = List.copyOf(instruments);
        }

        /** A result without instruments (every classifier's). */
        public Result(Path file, List<Ranked> ranking, List<WindowResult> windows, double seconds) {
            this(file, ranking, windows, seconds, List.of());
        }
    }

    /**
     * One instrument family in a file, from a model with an instrument head.
     *
     * @param family      the family
     * @param probability the largest of the windows' probabilities (is it anywhere in the file)
     * @param threshold   the piece-level threshold tuned on validation
     * @param present     whether {@code probability >= threshold}
     * @param windowShare the share of windows whose probability reaches the window-level threshold
     */
    public record InstrumentProbability(String family, double probability, double threshold, boolean present,
                                        double windowShare) {
    }

    private final Classifier classifier;
    private final PipelineSettings pipeline;
    private final MidiRenderer renderer;
    private final MusicLoader loader;
    private final FeatureExtractor extractor;

    /**
     * Checks that {@code pipeline} makes the input {@code classifier} was trained on (refuses otherwise), the
     * soundbank of its training audio included ({@link PipelineSettings#requireSoundbankHere()}).
     *
     * @throws org.cadenza.model.bundle.SoundbankUnavailableException when that soundbank is missing here or differs
     */
    public FilePrediction(Classifier classifier, PipelineSettings pipeline) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        pipeline.requireSoundbankHere();
        classifier.check(pipeline.inputContract());
        this.renderer = new MidiRenderer(pipeline.render());
        this.loader = new MusicLoader(renderer);
        this.extractor = new FeatureExtractor(pipeline.features());
    }

    /**
     * @throws BadInputException when the file cannot be read or is shorter than one window (than {@code stack}
     *                           windows when the run stacks them)
     */
    @Override
    public Result predict(Path file) {
        long start = System.nanoTime();
        AudioWindows aw = audioWindows(file, loader, extractor, pipeline.window());
        AudioClip clip = aw.clip();
        List<float[]> single = aw.windows();
        int stack = pipeline.stack();
        if (single.size() < stack) {
            throw new BadInputException(file, String.format(java.util.Locale.ROOT,
                    "lasts %.1f s and gives %d window(s), fewer than the %d consecutive windows this model stacks "
                    + "per input (it needs at least %.1f s: %d windows of %.1f s, %.1f s apart)",
                    clip.durationSeconds(), single.size(), stack,
                    pipeline.window().windowSeconds() + (stack - 1) * pipeline.window().hopSeconds(), stack,
                    pipeline.window().windowSeconds(), pipeline.window().hopSeconds()));
        }
        List<float[]> inputs = WindowStacking.stack(single, stack);
        float[][] probs = classifier.predictProba(inputs);
        return result(file, classifier.classes(), java.util.Arrays.copyOf(aw.startSeconds(), probs.length), probs,
                start);
    }

    /**
     * A file's audio cut into windows as the models read them.
     *
     * @param clip         the audio (MIDI rendered, recordings decoded and resampled)
     * @param windows      log-mel windows, layout {@code [mel][frame]}, in time order
     * @param startSeconds where each window starts
     */
    public record AudioWindows(AudioClip clip, List<float[]> windows, double[] startSeconds) {
    }

    /**
     * Loads a file (rendering MIDI), computes its spectrogram and cuts it into windows.
     *
     * @throws BadInputException when the file cannot be read or is shorter than one window
     */
    public static AudioWindows audioWindows(Path file, MusicLoader loader, FeatureExtractor extractor,
                                            WindowSpec spec) {
        AudioClip clip = loader.load(file);
        Spectrogram s = extractor.compute(clip);
        List<FeatureWindow> windows = Windower.windows(s, spec);
        if (windows.isEmpty()) {
            throw new BadInputException(file, String.format(java.util.Locale.ROOT,
                    "lasts %.1f s, shorter than one %.1f-s window", clip.durationSeconds(), spec.windowSeconds()));
        }
        List<float[]> out = new ArrayList<>(windows.size());
        double[] starts = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            FeatureWindow w = windows.get(i);
            out.add(WindowLoader.melMajor(w.spectrogram(), 0, w.spectrogram().frames()));
            starts[i] = w.startSeconds();
        }
        return new AudioWindows(clip, out, starts);
    }

    /**
     * A file's result from its windows' probabilities: each window with its start, the ranking from their mean
     * log-probability ({@link #meanLogProbability}, {@link #rank}), and the seconds since {@code startNanos}.
     *
     * @param startSeconds where each window starts, seconds, one per row of {@code probs}
     * @param probs        {@code [window][class]} probabilities, at least one window
     */
    public static Result result(Path file, List<String> classes, double[] startSeconds, float[][] probs,
                                long startNanos) {
        List<WindowResult> perWindow = new ArrayList<>(probs.length);
        for (int i = 0; i < probs.length; i++) {
            perWindow.add(new WindowResult(startSeconds[i], probs[i]));
        }
        return new Result(file, rank(classes, meanLogProbability(probs)), perWindow,
                (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * The mean over windows of the log-probability of each class, probabilities floored at {@value #FLOOR}: a file's
     * (or a piece's) score per class.
     *
     * @param probs {@code [window][class]} probabilities, at least one window
     */
    public static double[] meanLogProbability(float[][] probs) {
        if (probs.length == 0) {
            throw new IllegalArgumentException("no windows to average");
        }
        double[] meanLog = new double[probs[0].length];
        for (float[] p : probs) {
            for (int c = 0; c < meanLog.length; c++) {
                meanLog[c] += Math.log(Math.max(FLOOR, p[c])) / probs.length;
            }
        }
        return meanLog;
    }

    /** Classes ranked by {@code scores} (log-probabilities up to a constant), normalised by a softmax. */
    public static List<Ranked> rank(List<String> classes, double[] scores) {
        double max = java.util.Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        double[] p = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            sum += p[c];
        }
        List<Ranked> ranking = new ArrayList<>(scores.length);
        for (int c = 0; c < scores.length; c++) {
            ranking.add(new Ranked(classes.get(c), p[c] / sum));
        }
        ranking.sort(Comparator.comparingDouble(Ranked::probability).reversed());
        return ranking;
    }

    @Override
    public List<String> classes() {
        return classifier.classes();
    }

    @Override
    public void close() {
        renderer.close();
    }
}
