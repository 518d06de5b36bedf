package org.cadenza.eval.generation;

import org.cadenza.io.Parameters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import smile.math.MathEx;

/**
 * Compares a set of generated pieces with a set of real ones, feature by feature, as MGEval does (Yang &amp; Lerch
 * 2018):
 * <ul>
 *   <li><b>absolute measures</b>: mean and standard deviation of the intra-set distances (every pair of pieces in
 *       a set) and of the inter-set distances (every generated piece against every real one);</li>
 *   <li><b>relative measures</b>: a Gaussian kernel density estimate of the reference's intra-set distances and
 *       one of the inter-set distances, the Kullback-Leibler divergence of the second from the first and their
 *       overlapping area ({@link DensityComparison}). OA near 1 and KL near 0: a generated piece is as far from
 *       the real pieces as they are from each other, i.e. the generated set's spread matches the real set's;</li>
 *   <li><b>direct distances</b> between the sets: the Jensen-Shannon divergence (bits, 0-1) between the mean
 *       histograms of the two sets, and for a scalar the difference of the set means in reference standard
 *       deviations.</li>
 * </ul>
 * The distance between two pieces on a feature is the Euclidean distance between their vectors
 * ({@link MusicFeature#vector}); features are not rescaled. The mean histogram of a set averages its pieces'
 * histograms; a piece whose histogram is empty (no intervals in a piece with one onset) adds nothing to it.
 */
public final class SetComparison {

    private SetComparison() {
    }

    /** {@link #compare(List, List, Settings)} with {@link Settings#DEFAULTS}. */
    public static SetComparisonReport compare(List<MusicStatistics> reference, List<MusicStatistics> candidates) {
        return compare(reference, candidates, Settings.DEFAULTS);
    }

    /**
     * @param reference  real pieces, at least 2 (one pair for the intra-set distances)
     * @param candidates generated pieces, at least 1
     * @param settings   which features, how fine the density grid
     * @return one row per feature of {@code settings}, in its order
     * @throws IllegalArgumentException for fewer than 2 reference pieces or no candidate
     */
    public static SetComparisonReport compare(List<MusicStatistics> reference, List<MusicStatistics> candidates,
                                              Settings settings) {
        Parameters.nonNull("reference, candidates, settings", reference, candidates, settings);
        if (reference.size() < 2) {
            throw new IllegalArgumentException("SetComparison: the reference set needs at least 2 pieces (a pair for "
                    + "the intra-set distances), got " + reference.size());
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("SetComparison: the candidate set is empty; at least 1 generated "
                    + "piece expected");
        }
        List<FeatureComparison> rows = new ArrayList<>();
        for (MusicFeature feature : settings.features()) {
            rows.add(compare(feature, vectors(reference, feature), vectors(candidates, feature),
                    settings.maxGridPoints()));
        }
        return new SetComparisonReport(reference.size(), candidates.size(), rows);
    }

    private static FeatureComparison compare(MusicFeature feature, double[][] ref, double[][] cand, int gridPoints) {
        double[] refIntra = intra(ref);
        double[] inter = new double[cand.length * ref.length];
        int k = 0;
        for (double[] c : cand) {
            for (double[] r : ref) {
                inter[k++] = MathEx.distance(c, r);
            }
        }
        Optional<DistanceSummary> candIntra = cand.length < 2 ? Optional.empty()
                : Optional.of(DistanceSummary.of(intra(cand)));
        DensityComparison density = DensityComparison.of(refIntra, inter, gridPoints);
        double direct;
        Optional<ScalarMeans> means;
        if (feature.kind() == MusicFeature.Kind.HISTOGRAM) {
            direct = HistogramDistance.jensenShannon(MathEx.colMeans(ref), MathEx.colMeans(cand));
            means = Optional.empty();
        } else {
            DistanceSummary r = DistanceSummary.of(column(ref));
            DistanceSummary c = DistanceSummary.of(column(cand));
            ScalarMeans m = new ScalarMeans(r.mean(), r.sd(), c.mean(), c.sd());
            direct = m.standardisedDifference();
            means = Optional.of(m);
        }
        return new FeatureComparison(feature, DistanceSummary.of(refIntra), candIntra, DistanceSummary.of(inter),
                density, direct, means);
    }

    private static double[][] vectors(List<MusicStatistics> pieces, MusicFeature feature) {
        double[][] out = new double[pieces.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = feature.vector(Objects.requireNonNull(pieces.get(i), "piece " + i));
        }
        return out;
    }

    private static double[] intra(double[][] pieces) {
        double[] out = new double[pieces.length * (pieces.length - 1) / 2];
        int k = 0;
        for (int i = 0; i < pieces.length; i++) {
            for (int j = i + 1; j < pieces.length; j++) {
                out[k++] = MathEx.distance(pieces[i], pieces[j]);
            }
        }
        return out;
    }

    private static double[] column(double[][] scalars) {
        double[] out = new double[scalars.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalars[i][0];
        }
        return out;
    }

    /**
     * What to compare. Defaults ({@link #DEFAULTS}): every {@link MusicFeature}, at most
     * {@value DensityComparison#DEFAULT_MAX_GRID_POINTS} grid points per density comparison.
     *
     * @param features      the features, in the order of the report's rows; at least one, no repeats
     * @param maxGridPoints the most points of the grid the densities are compared on, at least
     *                      {@value DensityComparison#MIN_GRID_POINTS} (see {@link DensityComparison})
     */
    public record Settings(List<MusicFeature> features, int maxGridPoints) {

        /** Every feature, the default grid. */
        public static final Settings DEFAULTS = new Settings(List.of(MusicFeature.values()),
                DensityComparison.DEFAULT_MAX_GRID_POINTS);

        /** @throws IllegalArgumentException for no feature, a repeated one, too few grid points */
        public Settings {
            features = List.copyOf(features);
            if (features.isEmpty() || EnumSet.copyOf(features).size() != features.size()) {
                throw new IllegalArgumentException("SetComparison.Settings: at least one feature, none twice, "
                        + "expected; got " + features);
            }
            if (maxGridPoints < DensityComparison.MIN_GRID_POINTS) {
                throw new IllegalArgumentException("SetComparison.Settings: at least "
                        + DensityComparison.MIN_GRID_POINTS + " grid points expected, got " + maxGridPoints);
            }
        }

        /** @return a builder starting from {@link #DEFAULTS} */
        public static Builder builder() {
            return new Builder();
        }

        /** Builder; every field has a default. */
        public static final class Builder {
            private List<MusicFeature> features = DEFAULTS.features;
            private int maxGridPoints = DEFAULTS.maxGridPoints;

            private Builder() {
            }

            /** The features to compare (default: all, in declaration order). */
            public Builder optFeatures(List<MusicFeature> features) {
                this.features = features;
                return this;
            }

            /**
             * The most grid points per density comparison (default
             * {@value DensityComparison#DEFAULT_MAX_GRID_POINTS}).
             */
            public Builder optMaxGridPoints(int maxGridPoints) {
                this.maxGridPoints = maxGridPoints;
                return this;
            }

            /** @throws IllegalArgumentException as {@link Settings#Settings} */
            public Settings build() {
                return new Settings(features, maxGridPoints);
            }
        }
    }
}
