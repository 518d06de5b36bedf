package org.cadenza.eval.generation;

import java.util.Objects;

import smile.math.MathEx;

/**
 * Mean and spread of a sample of distances between pieces (MGEval's absolute measures).
 *
 * @param count how many distances, &ge; 1
 * @param mean  their mean, in the feature's unit
 * @param sd    their sample standard deviation ({@code n - 1} in the denominator), same unit; 0 for one distance
 */
public record DistanceSummary(int count, double mean, double sd) {

    /** @throws IllegalArgumentException for no distance */
    public DistanceSummary {
        if (count < 1) {
            throw new IllegalArgumentException("DistanceSummary: at least one distance expected, got " + count);
        }
    }

    /** Summarises {@code values}, at least one. */
    public static DistanceSummary of(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("DistanceSummary: no distances to summarise");
        }
        double sd = values.length < 2 ? 0 : MathEx.sd(values);
        return new DistanceSummary(values.length, MathEx.mean(values), sd > 0 ? sd : 0);
    }
}
