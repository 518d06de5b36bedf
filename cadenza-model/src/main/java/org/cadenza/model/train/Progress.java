package org.cadenza.model.train;

/** Passes the run's progress to the caller's {@link TrainingListener} and relays its requests to stop. */
final class Progress implements LoopListener {

    private final TrainingListener listener;

    Progress(TrainingListener listener) {
        this.listener = listener;
    }

    @Override
    public void onTrainingBegin(LoopContext c) {
        listener.onStart(c.resumedAfter() + 1, c.settings.epochs(), c.batchesPerEpoch);
    }

    @Override
    public void onBatch(LoopContext c, BatchEvent event) {
        listener.onBatch(event);
    }

    @Override
    public void onEpochEnd(LoopContext c, EpochRecord record) {
        listener.onEpoch(record, c.improved());
    }

    @Override
    public boolean stopRequested() {
        return listener.stopRequested();
    }
}
