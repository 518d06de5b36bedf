package org.cadenza.model.train;

/**
 * Which finished epoch a run keeps as its result, and so what early stopping waits for: after each epoch
 * {@link #improves} says whether the epoch beats the best so far; {@code patience} epochs in a row that do not stop
 * the run early (see {@link TrainingState#next}).
 */
public enum BestEpoch {

    /** The lowest validation loss (nats; for the embedding, the mean distance to the own composer's anchor). */
    VAL_LOSS,
    /** The highest validation accuracy; the first epoch that reaches it wins a tie. */
    VAL_ACCURACY,
    /** The highest validation accuracy; a tie goes to the lower validation loss (the embedding's choice). */
    VAL_ACCURACY_THEN_LOSS,
    /**
     * The last finished epoch: every epoch counts as an improvement, so early stopping never triggers and the run
     * keeps the weights it ended with (fastai's default, when the schedule rather than validation decides).
     */
    LAST_EPOCH;

    /** @return the choice matching a configuration's {@link TrainingConfig.StopMetric} */
    public static BestEpoch of(TrainingConfig.StopMetric metric) {
        return switch (metric) {
            case VAL_LOSS -> VAL_LOSS;
            case VAL_ACCURACY -> VAL_ACCURACY;
            case LAST_EPOCH -> LAST_EPOCH;
        };
    }

    /** @return the figure recorded as {@link TrainingState#bestScore()} when {@code rec} becomes the best epoch */
    public double score(EpochRecord rec) {
        return switch (this) {
            case VAL_LOSS, LAST_EPOCH -> rec.valLoss();
            case VAL_ACCURACY, VAL_ACCURACY_THEN_LOSS -> rec.valAccuracy();
        };
    }

    /** @return whether {@code rec} beats the best epoch of {@code state} (always true for the first epoch) */
    public boolean improves(EpochRecord rec, TrainingState state) {
        if (state.bestEpoch() == 0) {
            return true;
        }
        double score = score(rec);
        return switch (this) {
            case VAL_LOSS -> score < state.bestScore();
            case VAL_ACCURACY -> score > state.bestScore();
            case VAL_ACCURACY_THEN_LOSS -> score > state.bestScore()
                    || (score == state.bestScore() && rec.valLoss() < bestValLoss(state));
            case LAST_EPOCH -> true;
        };
    }

    private static double bestValLoss(TrainingState state) {
        return state.history().stream().filter(r -> r.epoch() == state.bestEpoch()).findFirst()
                .map(EpochRecord::valLoss).orElse(Double.POSITIVE_INFINITY);
    }
}
