package org.cadenza.model.bundle;

import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.train.BatchEvent;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.SpecAugment;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Times inference ({@link Classifier#predictProba}) and training throughput per architecture on random windows
 * (speed does not depend on the values). PyTorch's thread count is fixed when its engine loads: to measure on one
 * core, start the JVM with {@code -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1} (what
 * {@link #main} sets when given {@code --threads 1} before anything touches DJL).
 */
public final class InferenceBenchmark {

    private InferenceBenchmark() {
    }

    /**
     * @param architecture network
     * @param msPerWindowBatched mean milliseconds per window when predicting batches of {@link Classifier#BATCH}
     * @param msPerWindowSingle mean milliseconds for a call with one window
     * @param trainWindowsPerSecond training throughput (forward + backward + step, batch 32, SpecAugment on), or NaN
     *     when not measured
     */
    public record Figures(Architecture architecture, double msPerWindowBatched, double msPerWindowSingle,
                          double trainWindowsPerSecond) {
    }

    /**
     * Measures inference of an untrained network of the given shape.
     *
     * @param mels mel rows per window, e.g. 128
     * @param frames frames per window, e.g. 216 (5 s)
     * @param classes output classes, e.g. 10
     * @param windows windows to time (after one warm-up pass), e.g. 64
     */
    public static Figures inference(Architecture architecture, int mels, int frames, int classes, int windows) {
        Path dir = tempDir();
        try {
            List<String> labels = IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
            ModelBundle bundle = ModelBundle.untrained(dir, architecture, labels, new int[] {1, mels, frames},
                    new InputContract("bench", "bench", ""), TrainingConfig.DEFAULT_SEED);
            List<float[]> data = randomWindows(windows, mels * frames, new Random(1));
            try (Classifier c = Classifier.open(bundle)) {
                c.predictProba(data.subList(0, Math.min(windows, Classifier.BATCH)));
                long t0 = System.nanoTime();
                c.predictProba(data);
                double batched = (System.nanoTime() - t0) / 1e6 / windows;
                int singles = Math.max(3, Math.min(windows, 16));
                t0 = System.nanoTime();
                for (int i = 0; i < singles; i++) {
                    c.predictProba(List.of(data.get(i)));
                }
                double single = (System.nanoTime() - t0) / 1e6 / singles;
                return new Figures(architecture, batched, single, Double.NaN);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Measures training throughput: two epochs over {@code windows} random windows (3 classes), batch 32, AdamW,
     * default SpecAugment; reports the second epoch's training windows per second (validation excluded).
     */
    public static double trainingWindowsPerSecond(Architecture architecture, int mels, int frames, int windows) {
        Path dir = tempDir();
        try {
            Random rng = new Random(2);
            List<float[]> data = randomWindows(windows, mels * frames, rng);
            int[] labels = rng.ints(windows, 0, 3).toArray();
            InMemoryWindows train = new InMemoryWindows(List.of("a", "b", "c"), mels, frames, data, labels);
            InMemoryWindows val = train.subset(new int[] {0, 1, 2});
            double[] rate = {Double.NaN};
            ClassifierTraining.train(train, val, TrainingConfig.builder().optArchitecture(architecture).optEpochs(2)
                            .optSpecAugment(SpecAugment.DEFAULT).build(), dir,
                    new TrainingListener() {
                        @Override
                        public void onBatch(BatchEvent e) {
                            if (e.epoch() == 2) {
                                rate[0] = e.windowsPerSecond();
                            }
                        }
                    });
            return rate[0];
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Prints a table for all architectures. Arguments: {@code [--threads N] [--mels 128] [--frames 216]
     * [--train-windows 256]} ({@code --train-windows 0} skips training).
     */
    public static void main(String[] args) {
        int mels = 128;
        int frames = 216;
        int trainWindows = 256;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--threads" -> ModelRuntime.setThreads(Integer.parseInt(args[i + 1]));
                case "--mels" -> mels = Integer.parseInt(args[i + 1]);
                case "--frames" -> frames = Integer.parseInt(args[i + 1]);
                case "--train-windows" -> trainWindows = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("window %d mels x %d frames, PyTorch threads %s%n", mels, frames,
                System.getProperty("ai.djl.pytorch.num_threads", "default"));
        System.out.println("architecture | ms/window (batch 32) | ms/window (single) | training windows/s");
        for (Architecture a : Architecture.values()) {
            Figures f = inference(a, mels, frames, 10, 64);
            double train = trainWindows > 0 ? trainingWindowsPerSecond(a, mels, frames, trainWindows) : Double.NaN;
            System.out.printf("%s | %.2f | %.2f | %.1f%n", a, f.msPerWindowBatched(), f.msPerWindowSingle(), train);
        }
    }

    /** {@code n} windows of {@code length} values uniform in [-80, 0) dB (log-mel-like benchmark input). */
    public static List<float[]> randomWindows(int n, int length, Random rng) {
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] w = new float[length];
            for (int j = 0; j < length; j++) {
                w[j] = -80f + 80f * rng.nextFloat();
            }
            out.add(w);
        }
        return out;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cadenza-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
