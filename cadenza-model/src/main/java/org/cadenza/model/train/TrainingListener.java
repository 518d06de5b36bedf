package org.cadenza.model.train;

/** Receives training progress (for a progress bar) and may ask training to stop. All methods have no-op defaults. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /** Called once before the first epoch of this run; {@code firstEpoch > 1} when resuming. */
    default void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
    }

    /** Called after every mini-batch. */
    default void onBatch(BatchEvent event) {
    }

    /** Called after each finished epoch, once its checkpoint is on disk. */
    default void onEpoch(EpochRecord record, boolean improved) {
    }

    /**
     * Polled after every batch and epoch. Returning true stops training as an interruption would: the run ends
     * with the last finished epoch's checkpoint, and rerunning with the same run folder resumes after it.
     */
    default boolean stopRequested() {
        return false;
    }
}
