package org.cadenza.model.train;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;

import java.nio.file.Path;

/**
 * What {@link TrainingLoop}'s listeners see of a run (as DJL's listeners see the {@code Trainer}): the folder, the
 * settings, the network and optimizer once built, and the run's {@link TrainingState}, which
 * {@link EarlyStopping} advances after each epoch.
 */
final class LoopContext {

    final Path runDir;
    final LoopSettings settings;
    final Trainee trainee;
    final int batchesPerEpoch;
    private final int resumedAfter;
    private TrainingState state;
    private boolean improved;
    Model model;
    Block block;
    Optimizer optimizer;
    Trainer trainer;

    LoopContext(Path runDir, LoopSettings settings, Trainee trainee, TrainingState start, int batchesPerEpoch) {
        this.runDir = runDir;
        this.settings = settings;
        this.trainee = trainee;
        this.state = start;
        this.resumedAfter = start.epochsDone();
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** @return epochs finished before this call */
    int resumedAfter() {
        return resumedAfter;
    }

    /** @return the state after the last finished epoch */
    TrainingState state() {
        return state;
    }

    /** @return whether the last finished epoch became the best */
    boolean improved() {
        return improved;
    }

    void advance(TrainingState next, boolean wasImproved) {
        state = next;
        improved = wasImproved;
    }

    TrainingLoop.Outcome outcome(TrainingResult.Status status) {
        return new TrainingLoop.Outcome(state, status, resumedAfter);
    }
}
