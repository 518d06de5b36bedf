package org.cadenza.model.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * What one kind of training supplies to {@link TrainingLoop}: its network, optimizer, batches and validation. The
 * loop does the rest (seeding, the one-cycle schedule, checkpoints, exact resume, early stopping, progress).
 *
 * <p>Reproducibility contract: everything random in an epoch (shuffles, crops, masks, P x K batches) must come from
 * {@link TrainingSupport#random}{@code (seed, epoch, purpose)} drawn in {@link #beginEpoch}, so that a resumed run
 * draws what the uninterrupted run drew.
 */
public interface Trainee {

    /** @return optimisation steps per epoch, &gt;= 1 (fixed for the whole run: the schedule is built from it) */
    int batchesPerEpoch();

    /** @return the network, not yet initialised; called once, after PyTorch is seeded with (seed, 0) */
    Block network();

    /** @return the shapes of the network's inputs for a batch of one, as {@link Trainer#initialize} takes them */
    Shape[] inputShapes();

    /**
     * @param learningRate   the run's one-cycle schedule
     * @param beginNumUpdate optimizer updates already made (resumed runs continue the schedule from there)
     * @return the optimizer (its per-parameter state is saved with each checkpoint; see {@link OptimizerState})
     */
    Optimizer optimizer(Tracker learningRate, int beginNumUpdate);

    /** Prepares epoch {@code epoch} (1-based), after PyTorch is seeded for it: draws its order, crops or batches. */
    void beginEpoch(int epoch);

    /**
     * Runs batch {@code batch} (0-based) of the current epoch: forward, loss, backward and {@code trainer.step()}.
     *
     * @return the step's figures, or {@link BatchStep#skipped} when the batch had nothing to learn from
     */
    BatchStep trainBatch(Trainer trainer, int batch);

    /** @return the figures on the validation data after the epoch, in inference mode */
    Validation validate(Trainer trainer);
}
