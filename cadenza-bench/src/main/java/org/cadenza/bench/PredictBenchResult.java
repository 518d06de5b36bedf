package org.cadenza.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cadenza.io.Parameters;
import org.cadenza.model.Architecture;

/**
 * Outcome of {@link PredictBenchmark#run}: the wall time of whole-file predictions with the model loaded, and the
 * inference cost per window, each against the limits ({@link PredictBenchmark#LIMIT_SECONDS_PER_FIVE_MINUTES}
 * s per 5-minute file, {@link PredictBenchmark#LIMIT_MS_PER_WINDOW} ms per window).
 *
 * @param command          the command line that produced it, for the report
 * @param machine          where it ran
 * @param runDir           the training run whose model was used
 * @param architecture     its network
 * @param inputShape       {@code [channels, mels, frames]} per window
 * @param classes          output classes
 * @param members          networks in the bundle (an ensemble runs each on every window)
 * @param threads          PyTorch threads
 * @param repeats          timed predictions per file (after one warm-up)
 * @param modelLoadSeconds loading the bundle, the network and the renderer (once, not part of a file's time)
 * @param files            one entry per file
 * @param msPerWindowBatched inference alone, one network, milliseconds per window in batches of 32 (how predict
 *                         runs)
 * @param msPerWindowSingle  inference alone, one network, milliseconds for a call with a single window
 * @param inferenceWindows windows timed for the inference figures
 * @param javaRuntime      DJL and PyTorch versions
 */
public record PredictBenchResult(
        String command,
        BenchMachine machine,
        Path runDir,
        Architecture architecture,
        List<Integer> inputShape,
        int classes,
        int members,
        int threads,
        int repeats,
        double modelLoadSeconds,
        List<FileTiming> files,
        double msPerWindowBatched,
        double msPerWindowSingle,
        int inferenceWindows,
        String javaRuntime) {

    public PredictBenchResult {
        Parameters.nonNull("command, machine, runDir, architecture", command, machine, runDir, architecture);
        inputShape = List.copyOf(inputShape);
        files = List.copyOf(files);
        Objects.requireNonNull(javaRuntime, "javaRuntime");
    }

    /**
     * One file's timings.
     *
     * @param file           the file
     * @param audioSeconds   length of the audio the model hears (rendered MIDI or decoded audio, trimmed), seconds
     * @param windows        windows predicted
     * @param loadSeconds    rendering (MIDI) or decoding (audio) alone, seconds, the median of as many runs as
 *                       {@code predictSeconds} (each right after a timed prediction)
     * @param predictSeconds wall seconds of each timed full prediction (load + features + windows + inference +
     *                       ranking)
     */
    public record FileTiming(Path file, double audioSeconds, int windows, double loadSeconds,
                             List<Double> predictSeconds) {

        public FileTiming {
            Objects.requireNonNull(file, "file");
            predictSeconds = List.copyOf(predictSeconds);
            if (predictSeconds.isEmpty()) {
                throw new IllegalArgumentException("no timed prediction for " + file);
            }
        }

        /** @return the median of the timed predictions, seconds */
        public double medianSeconds() {
            return median(predictSeconds);
        }

        /** @return the median scaled to 5 minutes of audio (linear in length: conservative for short files) */
        public double secondsPerFiveMinutes() {
            return medianSeconds() * 300.0 / audioSeconds;
        }

        /** @return true when {@link #secondsPerFiveMinutes()} is under the limit */
        public boolean passes() {
            return secondsPerFiveMinutes() < PredictBenchmark.LIMIT_SECONDS_PER_FIVE_MINUTES;
        }
    }

    /** @return the model's inference per window in batches of 32, ms: one network's times {@link #members} */
    public double modelMsPerWindowBatched() {
        return msPerWindowBatched * members;
    }

    /** @return the model's inference for a single window, ms: one network's times {@link #members} */
    public double modelMsPerWindowSingle() {
        return msPerWindowSingle * members;
    }

    /** @return the median of {@code values} (the mean of the middle two for an even count), not empty */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of no values");
        }
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** @return true when the model's inference figures are within {@link PredictBenchmark#LIMIT_MS_PER_WINDOW} */
    public boolean inferencePasses() {
        return modelMsPerWindowBatched() <= PredictBenchmark.LIMIT_MS_PER_WINDOW
                && modelMsPerWindowSingle() <= PredictBenchmark.LIMIT_MS_PER_WINDOW;
    }

    /** @return true when every file and the inference figures meet the limits */
    public boolean passes() {
        return inferencePasses() && files.stream().allMatch(FileTiming::passes);
    }

    /** A Markdown section: machine, command, the per-file table, the inference table and the verdict. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Prediction speed: %s (%s%s, %d classes, window %s), %d thread%s%n%n",
                runDir.getFileName(), architecture, members > 1 ? " ensemble of " + members : "", classes, shape(),
                threads, threads == 1 ? "" : "s"));
        sb.append(machine.toMarkdown());
        sb.append("- ").append(javaRuntime).append(" (CPU)\n");
        sb.append("- Command: `").append(command).append("`\n");
        sb.append(String.format(Locale.ROOT, "- Model loaded once in %.2f s (bundle, network, renderer); each file: "
                + "one warm-up prediction, then the median of %d timed ones%n%n", modelLoadSeconds, repeats));
        sb.append("| file | audio s | windows | render/decode s (median) | predict s (median) | timed runs, s "
                + "| s per 5 min of audio | < ").append(fmt(PredictBenchmark.LIMIT_SECONDS_PER_FIVE_MINUTES))
                .append(" s per 5 min |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (FileTiming f : files) {
            String runs = String.join(", ", f.predictSeconds().stream()
                    .map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.2f | %.2f | %s | %.2f | %s |%n", f.file(),
                    f.audioSeconds(), f.windows(), f.loadSeconds(), f.medianSeconds(), runs,
                    f.secondsPerFiveMinutes(), f.passes() ? "PASS" : "FAIL"));
        }
        sb.append(String.format(Locale.ROOT, "%nInference alone (InferenceBenchmark: a network of the same "
                + "architecture and window shape, %d random windows after an untimed call%s):%n%n", inferenceWindows,
                members > 1 ? "; times " + members + " for the ensemble's members" : ""));
        sb.append("| ms per window, batches of 32 | ms per window, one at a time | <= ")
                .append(fmt(PredictBenchmark.LIMIT_MS_PER_WINDOW)).append(" ms per window |\n");
        sb.append("|---:|---:|---|\n");
        sb.append(String.format(Locale.ROOT, "| %.2f | %.2f | %s |%n%n", modelMsPerWindowBatched(),
                modelMsPerWindowSingle(), inferencePasses() ? "PASS" : "FAIL"));
        sb.append("Verdict against the issue's limits: **").append(passes() ? "PASS" : "FAIL").append("**");
        if (machine.busy()) {
            sb.append(" (measured under load)");
        }
        sb.append('\n');
        return sb.toString();
    }

    private String shape() {
        return inputShape.get(0) == 1 ? inputShape.get(1) + " x " + inputShape.get(2)
                : inputShape.get(0) + " x " + inputShape.get(1) + " x " + inputShape.get(2);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
