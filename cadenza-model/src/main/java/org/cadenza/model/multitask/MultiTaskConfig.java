package org.cadenza.model.multitask;

import java.util.Objects;

import org.cadenza.model.train.TrainingConfig;

/**
 * A multi-label (or multi-task) training run.
 *
 * @param training         network, optimizer, epochs, early stopping, seed (as for the classifiers); early stopping
 *                         follows the total validation loss, or the validation exact-match ratio with
 *                         {@link TrainingConfig.StopMetric#VAL_ACCURACY}
 * @param heads            instruments alone, or composer and instruments; default
 *                         {@link Heads#COMPOSER_AND_INSTRUMENTS}
 * @param instrumentWeight weight of the instruments' binary cross-entropy beside the composer's cross-entropy,
 *                         &gt; 0; default 1
 */
public record MultiTaskConfig(TrainingConfig training, Heads heads, double instrumentWeight) {

    public MultiTaskConfig {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(heads, "heads");
        if (!(instrumentWeight > 0) || Double.isInfinite(instrumentWeight)) {
            throw new IllegalArgumentException("instrumentWeight must be finite and > 0, got " + instrumentWeight);
        }
    }

    /** @return the defaults around {@code training}: both heads, weight 1 */
    public static MultiTaskConfig of(TrainingConfig training) {
        return new MultiTaskConfig(training, Heads.COMPOSER_AND_INSTRUMENTS, 1.0);
    }
}
