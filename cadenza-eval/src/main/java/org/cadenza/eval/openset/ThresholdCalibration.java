package org.cadenza.eval.openset;

import java.util.Arrays;

/**
 * The novelty threshold of the verdict "known composer / unknown", calibrated on the validation pieces of KNOWN
 * composers only (no unknown piece is needed, nor should one be used: the unseen composers are the test).
 */
public final class ThresholdCalibration {

    /** The default false-alarm rate of {@code cadenza identify}: 5% of known pieces flagged unknown. */
    public static final double DEFAULT_FALSE_ALARM_RATE = 0.05;

    /**
     * Guard against binary rounding when a rate times a count should be a whole number (0.05 x 20 = 1, 0.95 x 20 =
     * 19): counts are computed from {@code rate * n} +/- this, in pieces.
     */
    static final double COUNT_TOLERANCE = 1e-9;

    private ThresholdCalibration() {
    }

    /**
     * The threshold t on the novelty score such that at most {@code falseAlarmRate} of the known validation pieces
     * are flagged unknown (score {@code > t}); e.g. rate 0.05 accepts at least 95%.
     *
     * <p>Order statistic: with n scores sorted ascending {@code x(1) <= ... <= x(n)} and
     * {@code f = floor(falseAlarmRate * n + 1e-9)} the most pieces that may be flagged, {@code t = x(n - f)}: the
     * smallest value among the scores that flags at most f. Ties: all scores equal to t are accepted, so fewer than
     * f pieces are flagged when x(n - f) is tied with larger scores (the threshold never splits tied scores). Rate 0
     * gives the largest score (nothing flagged). Examples: scores 1..20, rate 0.05: f = 1, t = 19, only 20 is
     * flagged; scores {1, 2, 3, 3, 3}, rate 0.4: f = 2, t = 3, nothing flagged.
     *
     * <p>Same rule as {@link OpenSetMetrics#thresholdForTpr} at {@code tpr = 1 - falseAlarmRate}.
     *
     * @param validationKnownScores novelty scores (higher = more likely unknown) of validation pieces by known
     *                              composers, at least one, no NaN
     * @param falseAlarmRate        share of known pieces that may be flagged unknown, in [0, 1)
     * @return the threshold: call a piece known when its score is {@code <=} it
     */
    public static double forFalseAlarmRate(double[] validationKnownScores, double falseAlarmRate) {
        if (!(falseAlarmRate >= 0 && falseAlarmRate < 1)) {
            throw new IllegalArgumentException("false-alarm rate must be in [0, 1), got " + falseAlarmRate
                    + " (0.05 flags 5% of known pieces as unknown)");
        }
        if (validationKnownScores.length == 0) {
            throw new IllegalArgumentException("no validation scores of known pieces: the threshold is calibrated on"
                    + " the validation split, which must hold at least one piece of a known composer");
        }
        OpenSetMetrics.check(validationKnownScores, "validation known");
        double[] sorted = validationKnownScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int flagged = (int) Math.floor(falseAlarmRate * n + COUNT_TOLERANCE);
        flagged = Math.max(0, Math.min(n - 1, flagged));
        return sorted[n - 1 - flagged];
    }
}
