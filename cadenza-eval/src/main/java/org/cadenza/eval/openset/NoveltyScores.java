package org.cadenza.eval.openset;

import java.util.Arrays;
import java.util.Locale;

import org.cadenza.io.CliName;
import org.cadenza.io.Parameters;

/**
 * Four novelty scores of one piece; for each, HIGHER means "more likely by an unknown composer", so a piece is
 * accepted as known when its score is {@code <=} a threshold (see {@link ThresholdCalibration}). Scores are computed
 * in double precision from float inputs.
 */
public final class NoveltyScores {

    private NoveltyScores() {
    }

    /** The four scoring methods, by their command-line names. */
    public enum Method implements CliName {
        /** {@link #nearestAnchorDistance}. */
        ANCHOR_DISTANCE("Euclidean distance from the piece's embedding to the nearest composer anchor"),
        /** {@link #relativeAnchorDistance}. */
        RELATIVE_ANCHOR_DISTANCE("distance to each composer anchor divided by that composer's spread, the smallest"),
        /** {@link #knnDistance}. */
        KNN_DISTANCE("Euclidean distance to the k-th nearest training embedding (Sun et al. 2022)"),
        /** {@link #maxSoftmaxProbabilityScore}. */
        MAX_SOFTMAX("minus the classifier's maximum softmax probability (Hendrycks & Gimpel 2017)"),
        /** {@link #energyScore}. */
        ENERGY("energy -T logsumexp(logits / T) of the classifier's logits (Liu et al. 2020)");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** One line saying what the score is. */
        public String description() {
            return description;
        }

        /** True for the scores computed from a classifier's logits, false for those from embeddings. */
        public boolean usesLogits() {
            return this == MAX_SOFTMAX || this == ENERGY;
        }

        /**
         * @param name a {@link #cliName()} such as {@code anchor-distance} (or the constant's name), case-insensitive
         * @throws IllegalArgumentException naming the accepted names when {@code name} is none of them
         */
        public static Method fromCliName(String name) {
            return CliName.parse(Method.class, name, "novelty score");
        }

        @Override
        public String toString() {
            return cliName();
        }
    }

    /**
     * Euclidean distance from an embedding to the nearest anchor (seed 003's score: distance to the nearest
     * composer centroid).
     *
     * @param embedding the piece's embedding, length d
     * @param anchors   one anchor per composer, at least one, each of length d
     * @return the smallest distance, >= 0, in embedding units (at most 2 when embedding and anchors are unit vectors)
     */
    public static double nearestAnchorDistance(float[] embedding, float[][] anchors) {
        if (anchors.length == 0) {
            throw new IllegalArgumentException("no anchors: the nearest-anchor distance needs at least one composer"
                    + " anchor");
        }
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < anchors.length; a++) {
            best = Math.min(best, distance(embedding, anchors[a], "anchor", a));
        }
        return best;
    }

    /**
     * The anchor distance measured in each composer's own units: {@code min_c d(x, a_c) / r_c}, where {@code r_c} is
     * the spread of composer c (e.g. the mean distance of its training pieces to its anchor). A composer whose pieces
     * vary a lot accepts pieces farther from its anchor than a composer whose pieces are all alike.
     *
     * @param embedding the piece's embedding, length d
     * @param anchors   one anchor per composer, at least one, each of length d
     * @param spreads   each composer's spread, same order, each &gt; 0
     * @return the smallest relative distance, &ge; 0 (1 = as far as the composer's average training piece)
     */
    public static double relativeAnchorDistance(float[] embedding, float[][] anchors, double[] spreads) {
        if (anchors.length == 0 || anchors.length != spreads.length) {
            throw new IllegalArgumentException("need one spread per anchor and at least one anchor, got "
                    + anchors.length + " anchors and " + spreads.length + " spreads");
        }
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < anchors.length; a++) {
            if (!(spreads[a] > 0)) {
                throw new IllegalArgumentException("spread of anchor " + a + " must be > 0, got " + spreads[a]);
            }
            best = Math.min(best, distance(embedding, anchors[a], "anchor", a) / spreads[a]);
        }
        return best;
    }

    /**
     * The k-NN out-of-distribution score (Sun et al. 2022, "Out-of-distribution detection with deep nearest
     * neighbors"): Euclidean distance from the embedding to its k-th nearest reference embedding, typically the
     * training pieces (Sun et al. use L2-normalised features, as the triplet embeddings are). When the embedding is
     * itself among the references (scoring a training piece) it counts as its own nearest neighbour at distance 0:
     * leave it out of {@code reference} if that is not wanted.
     *
     * @param embedding the piece's embedding, length d
     * @param reference reference embeddings, at least k, each of length d
     * @param k         rank of the neighbour, in [1, reference.length]; Sun et al. use k = 50 on CIFAR-10 (50,000
     *                  training images), a few on small corpora
     * @return the k-th smallest distance, >= 0, in embedding units
     */
    public static double knnDistance(float[] embedding, float[][] reference, int k) {
        if (k < 1 || k > reference.length) {
            throw new IllegalArgumentException("k must be in [1, " + reference.length + "] (the number of reference"
                    + " embeddings), got " + k);
        }
        double[] distances = new double[reference.length];
        for (int r = 0; r < reference.length; r++) {
            distances[r] = distance(embedding, reference[r], "reference embedding", r);
        }
        Arrays.sort(distances);
        return distances[k - 1];
    }

    /**
     * Minus the maximum softmax probability (Hendrycks &amp; Gimpel 2017, "A baseline for detecting misclassified and
     * out-of-distribution examples"): {@code -max_i exp(l_i) / sum_j exp(l_j)}, computed as
     * {@code -1 / sum_j exp(l_j - max l)} so that logits of any size (1000, -1000) neither overflow nor underflow.
     *
     * @param logits the classifier's logits (pre-softmax), at least one, finite
     * @return a score in [-1, -1/n]: -1 for a confident prediction, -1/n when all n logits are equal
     */
    public static double maxSoftmaxProbabilityScore(float[] logits) {
        checkLogits(logits);
        double[] l = new double[logits.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = logits[i];
        }
        return maxSoftmaxProbabilityScore(l);
    }

    /**
     * {@link #maxSoftmaxProbabilityScore(float[])} of scores kept in {@code double}: logits, or a file's mean
     * log-probabilities (whose softmax is the normalised geometric mean of its windows' probabilities).
     *
     * @param logits at least one, finite
     */
    public static double maxSoftmaxProbabilityScore(double[] logits) {
        if (logits.length == 0 || !java.util.Arrays.stream(logits).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("a softmax score needs at least one finite logit, got "
                    + java.util.Arrays.toString(logits));
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        return -1.0 / sum;
    }

    /**
     * The energy score (Liu et al. 2020, "Energy-based out-of-distribution detection"): their free energy
     * {@code E(x) = -T * logsumexp(f(x) / T)}, where in-distribution inputs have LOWER energy; so the novelty score is
     * E(x) itself, not negated (Liu et al. threshold {@code -E(x)}, which is higher for known inputs). The
     * log-sum-exp is shifted by the largest logit, so logits of any size are safe:
     * {@code E = -T * (m + log sum_j exp(l_j / T - m))} with {@code m = max_j l_j / T}.
     *
     * @param logits      the classifier's logits, at least one, finite
     * @param temperature T > 0; Liu et al. use T = 1 (the default to use when in doubt)
     * @return E(x), any real number, in logit units; higher = more likely unknown
     */
    public static double energyScore(float[] logits, double temperature) {
        checkLogits(logits);
        Parameters.finitePositive("temperature", temperature, "");
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l / temperature - max);
        }
        return -temperature * (max + Math.log(sum));
    }

    private static void checkLogits(float[] logits) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("no logits: a softmax score needs at least one class");
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Float.isFinite(logits[i])) {
                throw new IllegalArgumentException("logit " + i + " of " + logits.length + " is " + logits[i]
                        + ": the classifier's output must be finite");
            }
        }
    }

    static double distance(float[] embedding, float[] other, String what, int index) {
        if (embedding.length == 0) {
            throw new IllegalArgumentException("empty embedding: it needs at least one dimension");
        }
        if (other.length != embedding.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %d has %d dimensions, the embedding %d: both must come from the same model",
                    what, index, other.length, embedding.length));
        }
        double sum = 0;
        for (int i = 0; i < embedding.length; i++) {
            double d = (double) embedding[i] - other[i];
            sum += d * d;
        }
        if (Double.isNaN(sum)) {
            throw new IllegalArgumentException("NaN in the embedding or in " + what + " " + index);
        }
        return Math.sqrt(sum);
    }
}
