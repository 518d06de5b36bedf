package org.cadenza.model.train;

/**
 * A step of {@link TrainingLoop} that reacts to the run's events (DJL's {@code TrainingListener}). All methods have
 * no-op defaults; the loop calls its listeners in a fixed order (see {@link TrainingLoop}).
 */
interface LoopListener {

    /** The network is built and set on the model, not yet initialised, no optimizer exists yet. */
    default void onNetwork(LoopContext c) {
    }

    /** The trainer is initialised; the first epoch of this call comes next. */
    default void onTrainingBegin(LoopContext c) {
    }

    /** A mini-batch was trained. */
    default void onBatch(LoopContext c, BatchEvent event) {
    }

    /** An epoch was trained and validated. */
    default void onEpochEnd(LoopContext c, EpochRecord record) {
    }

    /** Polled after every batch and every epoch: true ends the run as interrupted, resumable. */
    default boolean stopRequested() {
        return false;
    }
}
