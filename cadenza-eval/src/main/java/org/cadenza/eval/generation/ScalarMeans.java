package org.cadenza.eval.generation;

/**
 * A scalar feature's value across the pieces of each set, and the direct comparison MGEval's tables imply: how
 * far apart the means are, in standard deviations of the reference.
 *
 * @param referenceMean mean over the reference (real) pieces, in the feature's unit
 * @param referenceSd   sample standard deviation over the reference pieces ({@code n - 1}), same unit
 * @param candidateMean mean over the candidate (generated) pieces, same unit
 * @param candidateSd   sample standard deviation over the candidate pieces, same unit; 0 for one piece
 */
public record ScalarMeans(double referenceMean, double referenceSd, double candidateMean, double candidateSd) {

    /**
     * {@code |candidateMean - referenceMean| / referenceSd}: 0 = same mean, 1 = one reference standard deviation
     * apart. When the reference has no spread ({@code referenceSd = 0}): 0 if the means are equal, else
     * {@link Double#POSITIVE_INFINITY}.
     */
    public double standardisedDifference() {
        double difference = Math.abs(candidateMean - referenceMean);
        if (referenceSd > 0) {
            return difference / referenceSd;
        }
        return difference == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
}
