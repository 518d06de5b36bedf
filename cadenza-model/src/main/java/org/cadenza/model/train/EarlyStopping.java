package org.cadenza.model.train;

/**
 * Chooses the best epoch by the run's {@link BestEpoch} and stops the run after {@code patience} epochs without
 * improvement (never with patience 0 or {@link BestEpoch#LAST_EPOCH}); the last epoch completes it. Advances the
 * run's {@link TrainingState}, which {@link Checkpointing} then commits.
 */
final class EarlyStopping implements LoopListener {

    @Override
    public void onEpochEnd(LoopContext c, EpochRecord record) {
        BestEpoch choice = c.settings.bestEpoch();
        boolean improved = choice.improves(record, c.state());
        c.advance(c.state().next(record, improved, choice.score(record), c.settings.patience(), c.settings.epochs()),
                improved);
    }
}
