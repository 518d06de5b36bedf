package org.cadenza.eval.openset;

import java.util.Arrays;
import java.util.Locale;

/**
 * Figures of unknown-composer detection from novelty scores (higher = more likely unknown; see
 * {@link NoveltyScores}), and the closed-set accuracy on the known composers.
 *
 * <p>The "positive" class of detection is <em>known</em> in the usual out-of-distribution convention (Hendrycks &amp;
 * Gimpel 2017, Liu et al. 2020, Sun et al. 2022): TPR is the share of known pieces accepted, FPR the share of unknown
 * pieces accepted. AUROC does not depend on that choice.
 */
public final class OpenSetMetrics {

    /** The true-positive rate of {@link Summary#fprAt95()}: 95% of known pieces accepted. */
    public static final double TPR_95 = 0.95;

    private OpenSetMetrics() {
    }

    /**
     * Area under the ROC curve of "unknown" against "known" by novelty score: the probability that an unknown piece
     * scores higher than a known one, ties counting one half,
     * {@code AUROC = (#{(u, k): s_u > s_k} + 0.5 #{(u, k): s_u = s_k}) / (n_unknown n_known)}.
     * Computed exactly with the Mann-Whitney U statistic on mid-ranks, O(n log n) for n = n_known + n_unknown.
     * 1 = every unknown piece scores above every known piece, 0.5 = no separation (or all scores tied),
     * 0 = perfectly reversed.
     *
     * @param knownScores   novelty scores of pieces by known composers, at least one, no NaN (infinities allowed)
     * @param unknownScores novelty scores of pieces by unseen composers, at least one, no NaN (infinities allowed)
     * @return AUROC in [0, 1]
     * @throws IllegalArgumentException when a side is empty or holds NaN
     */
    public static double auroc(double[] knownScores, double[] unknownScores) {
        check(knownScores, "known");
        check(unknownScores, "unknown");
        int nk = knownScores.length;
        int nu = unknownScores.length;
        int n = nk + nu;
        double[] values = new double[n];
        System.arraycopy(knownScores, 0, values, 0, nk);
        System.arraycopy(unknownScores, 0, values, nk, nu);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        // Sum of the 1-based mid-ranks of the unknown scores; a run of ties [i, j) shares rank (i + 1 + j) / 2.
        double unknownRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && values[order[j]] == values[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int t = i; t < j; t++) {
                if (order[t] >= nk) {
                    unknownRankSum += midRank;
                }
            }
            i = j;
        }
        double u = unknownRankSum - (double) nu * (nu + 1) / 2.0;
        return u / ((double) nu * nk);
    }

    /**
     * The false-positive rate at a given true-positive rate ("FPR at 95% TPR" with {@code tpr = 0.95}).
     *
     * <p>Threshold: the smallest t such that at least {@code tpr} of the known scores are {@code <= t}, i.e. the m-th
     * smallest known score with {@code m = ceil(tpr * n_known)} (computed as {@code ceil(tpr * n_known - 1e-9)} so that
     * binary rounding of, say, 0.95 x 20 still gives 19, not 20). Because t is a known score and ties share it, more
     * than m known pieces may be accepted; the threshold never goes between tied scores. FPR = share of unknown
     * pieces with score {@code <= t} (accepted as known). Example: known {1, 2, 3, 4}, unknown {2.5, 3, 5}, tpr 0.75:
     * m = 3, t = 3, accepted unknown = {2.5, 3}, FPR = 2/3.
     *
     * @param knownScores   novelty scores of known pieces, at least one, no NaN
     * @param unknownScores novelty scores of unknown pieces, at least one, no NaN
     * @param tpr           share of known pieces to accept, in (0, 1]
     * @return FPR in [0, 1]; lower is better
     */
    public static double fprAtTpr(double[] knownScores, double[] unknownScores, double tpr) {
        check(knownScores, "known");
        check(unknownScores, "unknown");
        if (!(tpr > 0 && tpr <= 1)) {
            throw new IllegalArgumentException("true-positive rate must be in (0, 1], got " + tpr);
        }
        double threshold = thresholdForTpr(knownScores, tpr);
        return (double) countAtMost(unknownScores, threshold) / unknownScores.length;
    }

    /**
     * The threshold of {@link #fprAtTpr}: the m-th smallest known score, {@code m = ceil(tpr * n_known - 1e-9)}.
     *
     * @param knownScores novelty scores of known pieces, at least one, no NaN
     * @param tpr         in (0, 1]
     */
    public static double thresholdForTpr(double[] knownScores, double tpr) {
        check(knownScores, "known");
        if (!(tpr > 0 && tpr <= 1)) {
            throw new IllegalArgumentException("true-positive rate must be in (0, 1], got " + tpr);
        }
        double[] sorted = knownScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int m = (int) Math.ceil(tpr * n - ThresholdCalibration.COUNT_TOLERANCE);
        m = Math.max(1, Math.min(n, m));
        return sorted[m - 1];
    }

    /**
     * Share of pieces whose predicted composer is right, on the known composers only (closed set).
     *
     * @param predicted predicted class index per piece
     * @param truth     true class index per piece, same length, at least one
     * @return accuracy in [0, 1]
     */
    public static double closedSetAccuracy(int[] predicted, int[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + truth.length + " true labels");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no pieces: closed-set accuracy needs at least one prediction");
        }
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                right++;
            }
        }
        return (double) right / truth.length;
    }

    /**
     * The detection figures of one scoring method.
     *
     * @param auroc                        {@link #auroc}, in [0, 1], higher is better
     * @param fprAt95                      {@link #fprAtTpr} at 95% TPR, in [0, 1], lower is better
     * @param detectionAccuracyAtThreshold share of all pieces (known + unknown) whose verdict at the given threshold is
     *                                     right: known when score {@code <=} threshold, unknown when above
     * @param known                        number of known pieces
     * @param unknown                      number of unknown pieces
     */
    public record Summary(double auroc, double fprAt95, double detectionAccuracyAtThreshold, int known, int unknown) {

        /** A Markdown table row: {@code | name | AUROC | FPR@95 | detection acc. | known | unknown |}. */
        public String toMarkdownRow(String method) {
            return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d |",
                    method, auroc, fprAt95, detectionAccuracyAtThreshold, known, unknown);
        }

        /** The header and separator lines that go above {@link #toMarkdownRow} rows. */
        public static String markdownHeader() {
            return "| method | AUROC | FPR at 95% TPR | detection accuracy | known pieces | unknown pieces |\n"
                    + "|---|---:|---:|---:|---:|---:|";
        }
    }

    /**
     * AUROC, FPR at 95% TPR and the detection accuracy at a threshold (typically from
     * {@link ThresholdCalibration#forFalseAlarmRate} on validation).
     *
     * @param known     novelty scores of known pieces, at least one, no NaN
     * @param unknown   novelty scores of unknown pieces, at least one, no NaN
     * @param threshold a piece is called known when its score is {@code <=} threshold; not NaN
     */
    public static Summary summarise(double[] known, double[] unknown, double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        double auroc = auroc(known, unknown);
        double fpr = fprAtTpr(known, unknown, TPR_95);
        long right = countAtMost(known, threshold) + (unknown.length - countAtMost(unknown, threshold));
        double detection = (double) right / (known.length + unknown.length);
        return new Summary(auroc, fpr, detection, known.length, unknown.length);
    }

    static int countAtMost(double[] scores, double threshold) {
        int count = 0;
        for (double s : scores) {
            if (s <= threshold) {
                count++;
            }
        }
        return count;
    }

    static void check(double[] scores, String side) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no " + side + " scores: open-set figures need at least one " + side
                    + " piece");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException(side + " score " + i + " of " + scores.length
                        + " is NaN: check the embeddings or logits that produced it");
            }
        }
    }
}
