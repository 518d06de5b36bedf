package org.cadenza.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The prediction for one piece, aggregated over all windows of all its files.
 *
 * @param pieceId     the piece
 * @param trueClass   index of its true class
 * @param windowCount how many windows were aggregated, {@code >= 1}
 * @param files       the piece's files, in the order their first window appeared
 * @param aggregation how the scores were computed
 * @param scores      one score per class: mean log-probability (natural log, {@code <= 0}) or vote share (in [0, 1]);
 *                    copied, never shared
 */
public record PiecePrediction(String pieceId, int trueClass, int windowCount, List<String> files,
                              PieceAggregation aggregation, double[] scores) {

    public PiecePrediction {
        Objects.requireNonNull(pieceId, "pieceId");
        Objects.requireNonNull(aggregation, "aggregation");
        files = List.copyOf(files);
        scores = scores.clone();
        if (windowCount < 1) {
            throw new IllegalArgumentException("piece " + pieceId + ": needs at least one window");
        }
        if (trueClass < 0 || trueClass >= scores.length) {
            throw new IllegalArgumentException("piece " + pieceId + ": true class " + trueClass + " outside 0.." + (scores.length - 1));
        }
    }

    /** @return a copy of the per-class scores */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** @return the class with the highest score (ties: the lowest index) */
    public int predictedClass() {
        return Metrics.argmax(scores);
    }

    /** @return class indices from the highest score to the lowest (ties: lower index first) */
    public int[] ranking() {
        return Metrics.ranking(scores);
    }

    /**
     * Scores as probabilities summing to 1: for {@link PieceAggregation#MEAN_LOG_PROBABILITY} the normalised
     * geometric mean of the window probabilities ({@code exp(score)} rescaled), for vote share the shares themselves.
     */
    public double[] probabilities() {
        if (aggregation == PieceAggregation.VOTE_SHARE) {
            return scores.clone();
        }
        double max = Arrays.stream(scores).max().orElse(0);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(scores[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecePrediction p && pieceId.equals(p.pieceId) && trueClass == p.trueClass
                && windowCount == p.windowCount && files.equals(p.files) && aggregation == p.aggregation
                && Arrays.equals(scores, p.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pieceId, trueClass, windowCount, files, aggregation) * 31 + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "PiecePrediction[" + pieceId + ", true " + trueClass + ", " + windowCount + " windows, "
                + aggregation + " " + Arrays.toString(scores) + "]";
    }
}
