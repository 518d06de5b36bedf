package org.cadenza.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cadenza.model.train.SpecAugment;
import org.cadenza.model.train.TrainingConfig;

/**
 * A separable 3-class problem in log-mel form (dB): class "low" has energy in the lowest quarter of the mel rows,
 * "high" in the highest quarter, "diagonal" along a line rising across the window at a random offset. Background
 * -60 dB, signal +40 dB above it, Gaussian noise of 6 dB everywhere.
 */
public final class Synthetic {

    public static final List<String> CLASSES = List.of("low", "high", "diagonal");
    public static final int MELS = 32;
    public static final int FRAMES = 48;

    private Synthetic() {
    }

    /**
     * The small training the tests compare and pin the figures of: a SMALL network, batches of 16, 3 epochs, one
     * cycle up to a learning rate of 3e-3, SpecAugment's defaults, no early stopping.
     */
    public static TrainingConfig.Builder smallTraining() {
        return TrainingConfig.builder().optArchitecture(Architecture.SMALL).optBatchSize(16).optEpochs(3)
                .optMaxLearningRate(3e-3).optSpecAugment(SpecAugment.DEFAULT).optPatience(0);
    }

    public static InMemoryWindows windows(int n, long seed) {
        Random rng = new Random(seed);
        List<float[]> data = new ArrayList<>(n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            labels[i] = label;
            float[] w = new float[MELS * FRAMES];
            int offset = rng.nextInt(MELS / 2);
            for (int m = 0; m < MELS; m++) {
                for (int t = 0; t < FRAMES; t++) {
                    boolean on = switch (label) {
                        case 0 -> m < MELS / 4 && rng.nextDouble() < 0.7;
                        case 1 -> m >= MELS - MELS / 4 && rng.nextDouble() < 0.7;
                        default -> Math.abs(m - (offset + t * (MELS / 2) / FRAMES)) <= 1;
                    };
                    w[m * FRAMES + t] = (float) (-60 + (on ? 40 : 0) + 6 * rng.nextGaussian());
                }
            }
            data.add(w);
        }
        return new InMemoryWindows(CLASSES, MELS, FRAMES, data, labels);
    }

    /** @return the index of the largest value of {@code scores} (the first on a tie): the predicted class */
    public static int argmax(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** @return the index of the largest value of {@code scores} (the first on a tie): the predicted class */
    public static int argmax(float[] scores) {
        double[] widened = new double[scores.length]; // exact: the order of the values is kept
        for (int k = 0; k < scores.length; k++) {
            widened[k] = scores[k];
        }
        return argmax(widened);
    }
}
