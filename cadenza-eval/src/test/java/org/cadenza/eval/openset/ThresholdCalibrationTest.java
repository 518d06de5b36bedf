package org.cadenza.eval.openset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    private static double[] oneToTwenty() {
        double[] scores = new double[20];
        for (int i = 0; i < 20; i++) {
            scores[19 - i] = i + 1; // descending: the method must not rely on the input order
        }
        return scores;
    }

    private static int flagged(double[] scores, double threshold) {
        int n = 0;
        for (double s : scores) {
            if (s > threshold) {
                n++;
            }
        }
        return n;
    }

    @Test
    void fivePercentOfTwentyFlagsExactlyOne() {
        double[] scores = oneToTwenty();
        // f = floor(0.05 x 20) = 1 (despite binary rounding), t = x(20 - 1) = 19: only 20 is flagged
        double t = ThresholdCalibration.forFalseAlarmRate(scores, 0.05);
        assertEquals(19.0, t);
        assertEquals(1, flagged(scores, t));
        // 10%: f = 2, t = x(18) = 18, flags 19 and 20
        assertEquals(18.0, ThresholdCalibration.forFalseAlarmRate(scores, 0.10));
        // 4.9% of 20 = 0.98 pieces: none may be flagged, t = max
        assertEquals(20.0, ThresholdCalibration.forFalseAlarmRate(scores, 0.049));
        // rate 0: nothing flagged
        assertEquals(20.0, ThresholdCalibration.forFalseAlarmRate(scores, 0.0));
        assertEquals(19.0, ThresholdCalibration.forFalseAlarmRate(scores, ThresholdCalibration.DEFAULT_FALSE_ALARM_RATE));
    }

    @Test
    void tiesAreNeverSplit() {
        // {1, 2, 3, 3, 3}, rate 0.4: f = 2, t = x(3) = 3; the three 3s are all accepted, nothing is flagged
        double[] scores = {3, 1, 3, 2, 3};
        double t = ThresholdCalibration.forFalseAlarmRate(scores, 0.4);
        assertEquals(3.0, t);
        assertEquals(0, flagged(scores, t));
        // {1, 1, 1, 9}, rate 0.5: f = 2, t = x(2) = 1; only 9 is flagged (1 of 4, at most 2 allowed)
        double[] low = {1, 9, 1, 1};
        assertEquals(1.0, ThresholdCalibration.forFalseAlarmRate(low, 0.5));
        assertEquals(1, flagged(low, 1.0));
    }

    @Test
    void oneScoreIsItsOwnThreshold() {
        assertEquals(0.3, ThresholdCalibration.forFalseAlarmRate(new double[]{0.3}, 0.5));
    }

    @Test
    void neverFlagsMoreThanTheRateAndAgreesWithFprAtTpr() {
        double[] rates = {0, 0.01, 0.05, 0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.9};
        for (int n = 1; n <= 60; n++) {
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = (i * 7) % n; // a permutation of 0..n-1 when gcd(7, n) = 1, ties otherwise
            }
            for (double rate : rates) {
                double t = ThresholdCalibration.forFalseAlarmRate(scores, rate);
                assertEquals(true, flagged(scores, t) <= rate * n + 1e-9, "n " + n + " rate " + rate);
                assertEquals(OpenSetMetrics.thresholdForTpr(scores, 1 - rate), t, "n " + n + " rate " + rate);
            }
        }
    }
}
