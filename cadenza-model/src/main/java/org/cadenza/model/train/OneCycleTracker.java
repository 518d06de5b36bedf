package org.cadenza.model.train;

import ai.djl.training.tracker.Tracker;

/**
 * One-cycle learning-rate schedule (Smith 2018, as in fastai's {@code fit_one_cycle}): linear warm-up from
 * {@code max / 25} to {@code max} over the first {@code warmupFraction} of all steps, then cosine or linear decay to
 * {@code max / 25 / 1e4}. DJL optimizers call {@link #getNewValue(int)} with the 1-based update count, which
 * resumed runs continue through {@code optBeginNumUpdate}.
 */
public final class OneCycleTracker implements Tracker {

    /** Start learning rate = max / DIV. */
    public static final double DIV = 25;
    /** Final learning rate = start / FINAL_DIV. */
    public static final double FINAL_DIV = 1e4;

    private final double max;
    private final long totalSteps;
    private final long warmupSteps;
    private final TrainingConfig.Anneal anneal;

    /**
     * @param max peak learning rate
     * @param totalSteps number of optimizer steps in the whole run (epochs x batches per epoch)
     * @param warmupFraction share of steps spent warming up, in [0, 1)
     */
    public OneCycleTracker(double max, long totalSteps, double warmupFraction, TrainingConfig.Anneal anneal) {
        this.max = max;
        this.totalSteps = Math.max(1, totalSteps);
        this.warmupSteps = Math.round(this.totalSteps * warmupFraction);
        this.anneal = anneal;
    }

    /** @return the learning rate at 0-based step {@code step} */
    public double valueAt(long step) {
        double start = max / DIV;
        double end = start / FINAL_DIV;
        if (step < warmupSteps) {
            return start + (max - start) * step / (double) warmupSteps;
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps - 1);
        double t = Math.min(1.0, (step - warmupSteps) / (double) decaySteps);
        double shape = anneal == TrainingConfig.Anneal.COSINE ? (1 + Math.cos(Math.PI * t)) / 2 : 1 - t;
        return end + (max - end) * shape;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) valueAt(Math.max(0, numUpdate - 1));
    }
}
