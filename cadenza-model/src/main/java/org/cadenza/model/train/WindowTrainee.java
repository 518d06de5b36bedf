package org.cadenza.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.cadenza.model.LabeledWindows;

import java.util.Random;

/**
 * The part of a {@link Trainee} that the networks fed with windows share (the classifier, the multi-task network):
 * batches of {@link TrainingConfig#batchSize()} windows in an order drawn afresh each epoch, SpecAugment masks from
 * their own random stream, the configured optimizer. Subclasses build the network, the batch's loss and the
 * validation.
 *
 * @param <W> the windows trained on
 */
public abstract class WindowTrainee<W extends LabeledWindows> implements Trainee {

    /** The training windows. */
    protected final W train;
    /** The training configuration. */
    protected final TrainingConfig config;
    private int[] order;
    private Random maskRng;

    protected WindowTrainee(W train, TrainingConfig config) {
        this.train = train;
        this.config = config;
    }

    @Override
    public final int batchesPerEpoch() {
        return (train.size() + config.batchSize() - 1) / config.batchSize();
    }

    @Override
    public final Shape[] inputShapes() {
        return new Shape[] {TrainingSupport.inputShape(train, 1)};
    }

    @Override
    public final Optimizer optimizer(Tracker learningRate, int beginNumUpdate) {
        return TrainingSupport.optimizer(config, learningRate, beginNumUpdate);
    }

    /** Draws the epoch's order of the windows (stream 1) and its SpecAugment stream (stream 2). */
    @Override
    public final void beginEpoch(int epoch) {
        order = TrainingSupport.permutation(train.size(), TrainingSupport.random(config.seed(), epoch, 1));
        maskRng = TrainingSupport.random(config.seed(), epoch, 2);
    }

    /** @return the epoch's order: position k of the epoch is window {@code order()[k]} */
    protected final int[] order() {
        return order;
    }

    /** @return the first position of batch {@code batch} (0-based) in {@link #order()} */
    protected final int from(int batch) {
        return batch * config.batchSize();
    }

    /** @return the position after the last of batch {@code batch} (the last batch may be short) */
    protected final int to(int batch) {
        return Math.min(train.size(), from(batch) + config.batchSize());
    }

    /** @return the input of positions {@code [from, to)}, SpecAugment applied as configured */
    protected final NDArray batch(NDManager manager, int from, int to) {
        return TrainingSupport.batch(manager, train, order, from, to, config.specAugment(), maskRng);
    }

    /** A validation batch's figures: its mean loss (a float, as the network gives it) and the windows it got right. */
    public record BatchScore(float meanLoss, int right) {
    }

    /** Scores one validation batch in inference mode: windows {@code order[from, to)}, whose input is {@code x}. */
    @FunctionalInterface
    public interface BatchScorer {
        BatchScore score(NDManager manager, NDArray x, int[] order, int from, int to);
    }

    /**
     * A validation pass: every window of {@code windows} once, in its own order, in batches of
     * {@link TrainingConfig#batchSize()}, without augmentation.
     *
     * @return the mean loss per window and the share of windows right
     */
    protected final Validation validate(Trainer trainer, LabeledWindows windows, BatchScorer scorer) {
        int n = windows.size();
        int batchSize = config.batchSize();
        int[] inOrder = new int[n];
        for (int i = 0; i < n; i++) {
            inOrder[i] = i;
        }
        double lossSum = 0;
        int right = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray x = TrainingSupport.batch(bm, windows, inOrder, from, to, null, null);
                BatchScore score = scorer.score(bm, x, inOrder, from, to);
                lossSum += score.meanLoss() * (to - from);
                right += score.right();
            }
        }
        return new Validation(lossSum / n, right / (double) n);
    }
}
