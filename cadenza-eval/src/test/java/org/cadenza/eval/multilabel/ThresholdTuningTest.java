package org.cadenza.eval.multilabel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cadenza.eval.multilabel.ThresholdTuning.Objective;
import org.cadenza.eval.multilabel.ThresholdTuning.Tuned;
import org.junit.jupiter.api.Test;

class ThresholdTuningTest {

    /** One label per column from one column of probabilities and truths. */
    private static float[][] column(float... p) {
        float[][] m = new float[p.length][1];
        for (int i = 0; i < p.length; i++) {
            m[i][0] = p[i];
        }
        return m;
    }

    private static boolean[][] column(boolean... t) {
        boolean[][] m = new boolean[t.length][1];
        for (int i = 0; i < t.length; i++) {
            m[i][0] = t[i];
        }
        return m;
    }

    @Test
    void separableDataGetsTheMidpointOfTheGap() {
        // absent at 0.1, 0.3, 0.35; present at 0.7, 0.8: the only perfect split is between 0.35 and 0.7
        float[][] p = column(0.3f, 0.8f, 0.1f, 0.7f, 0.35f);
        boolean[][] t = column(false, true, false, true, false);
        double expected = ((double) 0.35f + (double) 0.7f) / 2;
        for (Objective o : Objective.values()) {
            double[] th = ThresholdTuning.perLabel(p, t, o);
            assertEquals(expected, th[0], 0.0, o.name());
            MultiLabelMetrics.Report r = MultiLabelMetrics.evaluate(p, t, th, List.of("violin"));
            assertEquals(1.0, r.exactMatchRatio(), 0.0);
        }
        assertArrayEquals(ThresholdTuning.perLabel(p, t, Objective.F1), ThresholdTuning.perLabel(p, t));
    }

    @Test
    void separableAtTheEdgesUsesTheSentinelsZeroAndOne() {
        float[][] p = column(0.6f, 0.8f, 0.9f, 0.2f);
        boolean[][] t = column(true, true, true, false);
        // sorted: 0.2 F, 0.6 T, 0.8 T, 0.9 T -> candidates 0.1 (all: F1 6/7), 0.4 (F1 1), 0.7, 0.85, 0.95 (none)
        assertEquals(((double) 0.2f + (double) 0.6f) / 2, ThresholdTuning.perLabel(p, t)[0], 0.0);
        // reversed scores, positives low: the best F1 predicts everything, at the sentinel midpoint 0.2/2 = 0.1
        float[][] q = column(0.2f, 0.3f, 0.4f, 0.9f);
        boolean[][] u = column(true, true, true, false);
        // candidates: 0.1 all (TP3 FP1: 6/7), 0.25 (TP2 FP1 FN1: 4/6), 0.35 (TP1 FP1 FN2: 2/5), 0.65 (0), 0.95 (0)
        assertEquals(0.2f / 2.0, ThresholdTuning.perLabel(q, u)[0], 0.0);
        // the upper sentinel: positives at 0.05 and 0.1, a negative at 0.2; balanced accuracy by candidate:
        //   0.025 (all) 0.5 | 0.075 (1/2 + 0)/2 | 0.15 (0 + 0)/2 | 0.6 (none) (0 + 1)/2 = 0.5, nearer 0.5 than 0.025
        float[][] r = column(0.05f, 0.1f, 0.2f);
        boolean[][] v = column(true, true, false);
        assertEquals((0.2f + 1.0) / 2, ThresholdTuning.perLabel(r, v, Objective.BALANCED_ACCURACY)[0], 0.0);
    }

    @Test
    void tiesGoToTheThresholdNearestOneHalf() {
        // sorted 0.2 T, 0.3 F, 0.7 F, 0.8 T; F1 by candidate:
        //   0.1 (all) TP2 FP2 -> 4/6 | 0.25 TP1 FP2 FN1 -> 2/5 | 0.5 TP1 FP1 FN1 -> 1/2 | 0.75 TP1 FN1 -> 2/3 | 0.9 -> 0
        // 0.1 and 0.75 tie at 2/3; 0.75 is nearer 0.5
        float[][] p = column(0.2f, 0.3f, 0.7f, 0.8f);
        boolean[][] t = column(true, false, false, true);
        assertEquals(((double) 0.7f + (double) 0.8f) / 2, ThresholdTuning.perLabel(p, t, Objective.F1)[0], 0.0);
    }

    @Test
    void equallyNearTiesGoToTheLowerThreshold() {
        // 0.25 F, 0.5 T, 0.5 F, 0.75 T (P = N = 2); balanced accuracy by candidate:
        //   0.125 (all) (1 + 0)/2 = 0.5 | 0.375 (1 + 1/2)/2 = 0.75 | 0.625 (1/2 + 1)/2 = 0.75 | 0.875 (none) 0.5
        // 0.375 and 0.625 are both 0.125 from 0.5: the lower wins
        float[][] p = column(0.25f, 0.5f, 0.5f, 0.75f);
        boolean[][] t = column(false, true, false, true);
        assertEquals(0.375, ThresholdTuning.perLabel(p, t, Objective.BALANCED_ACCURACY)[0], 0.0);
        // F1 here: 0.125 -> 4/6, 0.375 -> TP2 FP1 -> 4/5, 0.625 -> 2/3: unique maximum at 0.375 as well
        assertEquals(0.375, ThresholdTuning.perLabel(p, t, Objective.F1)[0], 0.0);
    }

    @Test
    void f1AndBalancedAccuracyAgreeOnARareLabelAndDisagreeOnALowScoredOne() {
        // 1 positive at 0.6; 7 negatives at 0.1 .. 0.4, 2 negatives above it at 0.7 and 0.8.
        // At 0.5 (between 0.4 and 0.6): TP1 FP2 -> F1 2/4, balanced accuracy (1 + 7/9)/2 = 0.889; lower thresholds
        // only add false positives, higher ones lose the positive (F1 0, balanced accuracy <= 1/2). Both pick 0.5.
        float[][] p = column(0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.6f, 0.7f, 0.8f);
        boolean[][] t = column(false, false, false, false, false, false, false, true, false, false);
        double mid = ((double) 0.4f + (double) 0.6f) / 2;
        assertEquals(mid, ThresholdTuning.perLabel(p, t, Objective.F1)[0], 0.0);
        assertEquals(mid, ThresholdTuning.perLabel(p, t, Objective.BALANCED_ACCURACY)[0], 0.0);
        // 3 positives at 0.1, 0.2, 0.9; 4 negatives at 0.3, 0.4, 0.5, 0.6 (P 3, N 4):
        //   0.05 (all): F1 6/10 = 0.6,       balanced accuracy (1 + 0)/2 = 0.5
        //   0.15:       F1 4/9,              (2/3 + 0)/2
        //   0.25..0.55: F1 <= 2/5,           <= (1/3 + 3/4)/2 = 0.542
        //   0.75:       F1 2/4 = 0.5,        (1/3 + 1)/2 = 0.667
        //   0.95:       F1 0,                0.5
        float[][] q = column(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.9f);
        boolean[][] u = column(true, true, false, false, false, false, true);
        assertEquals(0.1f / 2.0, ThresholdTuning.perLabel(q, u, Objective.F1)[0], 0.0);
        assertEquals(((double) 0.6f + (double) 0.9f) / 2,
                ThresholdTuning.perLabel(q, u, Objective.BALANCED_ACCURACY)[0], 0.0);
    }

    @Test
    void accuracyCountsRightCells() {
        // the second case above (P 3 at 0.1, 0.2, 0.9; N 4 at 0.3 .. 0.6): right cells per threshold
        //   0.05: 3 of 7; 0.15: 2 + 0; 0.25..0.55: at most 1 + 3 = 4; 0.75: 1 + 4 = 5; 0.95: 0 + 4 = 4 -> 0.75
        float[][] q = column(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.9f);
        boolean[][] u = column(true, true, false, false, false, false, true);
        assertEquals(((double) 0.6f + (double) 0.9f) / 2, ThresholdTuning.perLabel(q, u, Objective.ACCURACY)[0],
                0.0);
    }

    @Test
    void labelsWithoutPositivesOrNegativesKeepOneHalfAndAreNamed() {
        float[][] p = {{0.2f, 0.9f, 0.1f}, {0.7f, 0.8f, 0.3f}, {0.9f, 0.4f, 0.6f}};
        boolean[][] t = {{false, true, false}, {true, true, false}, {true, true, false}};
        Tuned tuned = ThresholdTuning.tune(p, t, List.of("piano", "voice", "harp"), Objective.F1);
        double[] th = tuned.thresholds();
        assertEquals(((double) 0.2f + (double) 0.7f) / 2, th[0], 0.0);
        assertEquals(0.5, th[1], 0.0, "voice: only positives");
        assertEquals(0.5, th[2], 0.0, "harp: only negatives");
        assertEquals(List.of("voice", "harp"), tuned.untuned());
        th[0] = 0.99;
        assertEquals(((double) 0.2f + (double) 0.7f) / 2, tuned.thresholds()[0], 0.0, "the record is immutable");
    }

    @Test
    void constantScoresAreAllOrNothing() {
        // one score 0.3 for all: candidates 0.15 (all present) and 0.65 (none)
        float[][] p = column(0.3f, 0.3f, 0.3f, 0.3f);
        boolean[][] t = column(true, false, false, false);
        assertEquals(0.3f / 2.0, ThresholdTuning.perLabel(p, t, Objective.F1)[0], 0.0);
        // balanced accuracy 0.5 either way: 0.65 is nearer 0.5
        assertEquals((0.3f + 1.0) / 2, ThresholdTuning.perLabel(p, t, Objective.BALANCED_ACCURACY)[0], 0.0);
        // scores exactly 0 or 1 leave a single candidate each
        assertEquals(0.5, ThresholdTuning.perLabel(column(0f, 0f), column(true, false))[0], 0.0);
        assertEquals(0.5, ThresholdTuning.perLabel(column(1f, 1f), column(true, false))[0], 0.0);
        // 0 and 1 themselves: the gap's midpoint 0.5 separates them
        assertEquals(0.5, ThresholdTuning.perLabel(column(0f, 1f), column(false, true))[0], 0.0);
    }

    /** The exact search is never beaten by any threshold of a fine grid, on random labels and scores. */
    @Test
    void noGridThresholdBeatsTheExactSearch() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(40);
            float[][] p = new float[n][1];
            boolean[][] t = new boolean[n][1];
            for (int i = 0; i < n; i++) {
                // coarse values so that ties occur
                p[i][0] = random.nextInt(21) / 20f;
                t[i][0] = random.nextDouble() < (0.3 + 0.4 * p[i][0]);
            }
            t[0][0] = true;
            t[1][0] = false;
            for (Objective o : Objective.values()) {
                double tuned = ThresholdTuning.perLabel(p, t, o)[0];
                assertTrue(tuned > 0 && tuned < 1, "threshold in (0, 1): " + tuned);
                double best = score(p, t, tuned, o);
                for (int k = 1; k < 1000; k++) {
                    double s = score(p, t, k / 1000.0, o);
                    assertTrue(s <= best + 1e-12, "trial " + trial + " " + o + ": grid threshold " + k / 1000.0
                            + " scores " + s + " above the tuned " + tuned + " (" + best + ")");
                }
            }
        }
    }

    private static double score(float[][] p, boolean[][] t, double threshold, Objective o) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean present = p[i][0] >= threshold;
            if (present && t[i][0]) {
                tp++;
            } else if (present) {
                fp++;
            } else if (t[i][0]) {
                fn++;
            } else {
                tn++;
            }
        }
        return switch (o) {
            case F1 -> 2.0 * tp / (2 * tp + fp + fn);
            case BALANCED_ACCURACY -> ((double) tp / (tp + fn) + (double) tn / (tn + fp)) / 2;
            case ACCURACY -> (double) (tp + tn) / (tp + tn + fp + fn);
        };
    }
}
