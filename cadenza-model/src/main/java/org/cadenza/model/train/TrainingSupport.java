package org.cadenza.model.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.cadenza.model.LabeledWindows;

import java.util.List;
import java.util.Random;

/** Pieces shared by training and the learning-rate finder: optimizer, batches, loss. */
public final class TrainingSupport {

    private TrainingSupport() {
    }

    /** PyTorch's RNG takes an int; mixes seed and a stream number into one. */
    public static int torchSeed(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        z ^= z >>> 31;
        return (int) (z & 0x7fffffff);
    }

    /** A java.util.Random for a (seed, epoch, purpose) triple: shuffles and masks never depend on run history. */
    public static Random random(long seed, int epoch, int purpose) {
        return new Random(seed * 1_000_003L + epoch * 7919L + purpose);
    }

    public static void seedEngine(long seed, long stream) {
        Engine.getInstance().setRandomSeed(torchSeed(seed, stream));
    }

    public static Optimizer optimizer(TrainingConfig cfg, Tracker tracker, int beginNumUpdate) {
        return switch (cfg.optimizer()) {
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(tracker)
                    .optWeightDecays((float) cfg.weightDecay()).optBeginNumUpdate(beginNumUpdate).build();
            case SGD -> Optimizer.sgd().setLearningRateTracker(tracker).optMomentum((float) cfg.momentum())
                    .optWeightDecays((float) cfg.weightDecay()).optBeginNumUpdate(beginNumUpdate).build();
        };
    }

    public static Trainer newTrainer(Model model, Optimizer optimizer) {
        // the loss given to DJL is unused: training computes its own (optionally class-weighted) cross-entropy
        return model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
    }

    public static Shape inputShape(LabeledWindows w, int batch) {
        return new Shape(batch, w.channels(), w.mels(), w.frames());
    }

    /**
     * Copies windows {@code order[from..to)} into one batch array; masks them when {@code augment} is given.
     *
     * @return {@code (to - from, channels, mels, frames)} float32 array attached to {@code manager}
     */
    public static NDArray batch(NDManager manager, LabeledWindows w, int[] order, int from, int to, SpecAugment augment,
                         Random rng) {
        int len = w.windowLength();
        float[] data = new float[(to - from) * len];
        for (int k = from; k < to; k++) {
            float[] src = w.window(order[k]);
            if (src.length != len) {
                throw new IllegalArgumentException("window " + order[k] + " has length " + src.length + ", expected "
                        + len + " (" + w.channels() + " x " + w.mels() + " x " + w.frames() + ")");
            }
            if (augment != null && !augment.masksNothing()) {
                src = src.clone();
                augment.apply(src, w.channels(), w.mels(), w.frames(), rng);
            }
            System.arraycopy(src, 0, data, (k - from) * len, len);
        }
        return manager.create(data, inputShape(w, to - from));
    }

    /**
     * Mean cross-entropy of logits against labels; with {@code sampleWeights}, the weighted mean
     * {@code sum(w_i * ce_i) / sum(w_i)} (PyTorch's convention for class weights).
     */
    public static NDArray crossEntropy(NDArray logits, int[] labels, float[] sampleWeights) {
        NDManager m = logits.getManager();
        int classes = (int) logits.getShape().get(1);
        NDArray oneHot = m.create(labels).oneHot(classes).toType(DataType.FLOAT32, false);
        NDArray picked = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1});
        if (sampleWeights == null) {
            return picked.mean().neg();
        }
        NDArray w = m.create(sampleWeights);
        return picked.mul(w).sum().div(w.sum()).neg();
    }

    /** @return the first element of a forward pass's output */
    public static NDArray logits(NDList out) {
        return out.singletonOrThrow();
    }

    /** @return number of argmax hits of {@code logits} against {@code labels} */
    public static int correct(NDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                hits++;
            }
        }
        return hits;
    }

    public static int[] labels(LabeledWindows w, int[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = w.label(order[k]);
        }
        return out;
    }

    /** Inverse-frequency class weights with mean 1 over the classes present; absent classes get weight 0. */
    public static float[] classWeights(LabeledWindows w) {
        int n = w.classes().size();
        int[] counts = new int[n];
        for (int i = 0; i < w.size(); i++) {
            counts[w.label(i)]++;
        }
        int present = 0;
        for (int c : counts) {
            present += c > 0 ? 1 : 0;
        }
        float[] weights = new float[n];
        for (int c = 0; c < n; c++) {
            weights[c] = counts[c] == 0 ? 0 : (float) w.size() / (present * (float) counts[c]);
        }
        return weights;
    }

    public static void checkCompatible(LabeledWindows train, LabeledWindows other, String what) {
        if (!train.classes().equals(other.classes())) {
            throw new IllegalArgumentException(what + " classes " + other.classes() + " differ from training classes "
                    + train.classes());
        }
        if (train.channels() != other.channels() || train.mels() != other.mels()
                || train.frames() != other.frames()) {
            throw new IllegalArgumentException(what + " windows are " + other.channels() + " x " + other.mels() + " x "
                    + other.frames() + ", training windows " + train.channels() + " x " + train.mels() + " x "
                    + train.frames());
        }
    }

    public static List<String> checkTrainable(LabeledWindows train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training windows");
        }
        if (train.classes().size() < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + train.classes());
        }
        return train.classes();
    }

    /** A random permutation of 0..n-1 (Fisher-Yates with {@code rng}): the same seed gives the same order. */
    public static int[] permutation(int n, java.util.Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
