package org.cadenza.eval.generation;

import org.cadenza.io.Parameters;
import java.util.Optional;

/**
 * One row of a {@link SetComparisonReport}: how the candidate (generated) set compares with the reference (real)
 * set on one feature. Distances between pieces are Euclidean distances between their feature vectors, in the
 * feature's unit ({@link MusicFeature#unit()}).
 *
 * @param feature         the feature
 * @param referenceIntra  distances between every pair of reference pieces
 * @param candidateIntra  distances between every pair of candidate pieces; empty for a single candidate
 * @param inter           distances from every candidate to every reference piece
 * @param density         KL divergence of the inter-set density from the reference's intra-set density, and their
 *                        overlapping area ({@link DensityComparison}, P = reference intra, Q = inter)
 * @param directDistance  for a histogram, the Jensen-Shannon divergence in bits (0-1) between the mean histograms
 *                        of the two sets ({@link HistogramDistance#jensenShannon}); for a scalar,
 *                        {@link ScalarMeans#standardisedDifference()}
 * @param scalarMeans     the set means and standard deviations of a scalar feature; empty for a histogram
 */
public record FeatureComparison(MusicFeature feature, DistanceSummary referenceIntra,
                                Optional<DistanceSummary> candidateIntra, DistanceSummary inter,
                                DensityComparison density, double directDistance, Optional<ScalarMeans> scalarMeans) {

    public FeatureComparison {
        Parameters.nonNull("feature, referenceIntra, candidateIntra, inter, density, scalarMeans",
                feature, referenceIntra, candidateIntra, inter, density, scalarMeans);
    }

    /** MGEval's KL divergence of inter from intra, nats, &ge; 0; near 0 when the spreads match. */
    public double klDivergence() {
        return density.klDivergence();
    }

    /** MGEval's overlapping area of the intra- and inter-set densities, 0-1; near 1 when the spreads match. */
    public double overlapArea() {
        return density.overlapArea();
    }

    /**
     * What {@link #directDistance()} measures: {@code "JS bits"} for a histogram, {@code "|Δmean|/sd"} for a
     * scalar.
     */
    public String directMeasure() {
        return feature.kind() == MusicFeature.Kind.HISTOGRAM ? "JS bits" : "|Δmean|/sd";
    }
}
