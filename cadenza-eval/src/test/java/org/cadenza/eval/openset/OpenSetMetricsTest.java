package org.cadenza.eval.openset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

class OpenSetMetricsTest {

    @Test
    void aurocIsOneForPerfectSeparationZeroReversedHalfForTies() {
        assertEquals(1.0, OpenSetMetrics.auroc(new double[]{0.1, 0.2, 0.3}, new double[]{0.5, 0.9}));
        assertEquals(0.0, OpenSetMetrics.auroc(new double[]{0.5, 0.9}, new double[]{0.1, 0.2, 0.3}));
        assertEquals(0.5, OpenSetMetrics.auroc(new double[]{1, 1}, new double[]{1, 1, 1}));
        // infinities are ordinary scores: +inf above everything
        assertEquals(1.0, OpenSetMetrics.auroc(new double[]{Double.NEGATIVE_INFINITY, 0},
                new double[]{Double.POSITIVE_INFINITY}));
    }

    @Test
    void aurocMixedCaseByHand() {
        // known {1, 2, 3}, unknown {2, 4}; pairs (u, k):
        // u = 2: beats 1 (1), ties 2 (0.5), loses to 3 (0) -> 1.5
        // u = 4: beats 1, 2, 3 -> 3
        // AUROC = 4.5 / (2 x 3) = 0.75
        assertEquals(0.75, OpenSetMetrics.auroc(new double[]{3, 1, 2}, new double[]{4, 2}), 1e-15);
        // known {1, 2, 3, 4}, unknown {2.5, 3, 5}: 2 + (2 + 0.5) + 4 = 8.5 of 12
        assertEquals(8.5 / 12, OpenSetMetrics.auroc(new double[]{1, 2, 3, 4}, new double[]{2.5, 3, 5}), 1e-15);
    }

    @Test
    void aurocAgreesWithTribuoOnRandomScoresWithTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int nk = 1 + random.nextInt(60);
            int nu = 1 + random.nextInt(60);
            double[] known = new double[nk];
            double[] unknown = new double[nu];
            boolean[] isUnknown = new boolean[nk + nu];
            double[] all = new double[nk + nu];
            for (int i = 0; i < nk; i++) {
                known[i] = Math.round(random.nextGaussian() * 3) / 2.0; // coarse values: many ties
                all[i] = known[i];
            }
            for (int i = 0; i < nu; i++) {
                unknown[i] = Math.round((random.nextGaussian() + 0.7) * 3) / 2.0;
                all[nk + i] = unknown[i];
                isUnknown[nk + i] = true;
            }
            assertEquals(LabelEvaluationUtil.binaryAUCROC(isUnknown, all), OpenSetMetrics.auroc(known, unknown), 1e-9,
                    "trial " + trial);
        }
    }

    @Test
    void fprAtTprByHand() {
        // known {1, 2, 3, 4}, tpr 0.75: m = ceil(0.75 x 4) = 3, threshold t = 3rd smallest = 3;
        // unknown {2.5, 3, 5}: accepted (<= 3) are 2.5 and 3 -> FPR = 2/3
        double[] known = {4, 1, 3, 2};
        double[] unknown = {5, 2.5, 3};
        assertEquals(3.0, OpenSetMetrics.thresholdForTpr(known, 0.75));
        assertEquals(2.0 / 3, OpenSetMetrics.fprAtTpr(known, unknown, 0.75), 1e-15);
        // tpr 1: t = 4, still 2 of 3 accepted; tpr 0.25: m = 1, t = 1, none accepted
        assertEquals(2.0 / 3, OpenSetMetrics.fprAtTpr(known, unknown, 1.0), 1e-15);
        assertEquals(0.0, OpenSetMetrics.fprAtTpr(known, unknown, 0.25));
    }

    @Test
    void fprAt95OnTwentyKnownPieces() {
        // known 1..20, tpr 0.95: m = ceil(0.95 x 20) = 19 (not 20 despite binary rounding), t = 19;
        // unknown {18.5, 19, 19.5, 30}: accepted are 18.5 and 19 -> FPR = 2/4
        double[] known = new double[20];
        for (int i = 0; i < 20; i++) {
            known[i] = i + 1;
        }
        assertEquals(19.0, OpenSetMetrics.thresholdForTpr(known, 0.95));
        assertEquals(0.5, OpenSetMetrics.fprAtTpr(known, new double[]{18.5, 19, 19.5, 30}, 0.95));
    }

    @Test
    void fprAtTprNeverSplitsTiedKnownScores() {
        // known {1, 2, 2, 2, 5}, tpr 0.4: m = 2, t = 2nd smallest = 2 (which accepts 4 of 5 known, not 2);
        // unknown {2, 3}: 2 is accepted -> FPR = 1/2
        double[] known = {1, 2, 2, 2, 5};
        assertEquals(2.0, OpenSetMetrics.thresholdForTpr(known, 0.4));
        assertEquals(0.5, OpenSetMetrics.fprAtTpr(known, new double[]{2, 3}, 0.4));
    }

    @Test
    void closedSetAccuracyCountsExactMatches() {
        assertEquals(0.75, OpenSetMetrics.closedSetAccuracy(new int[]{0, 1, 2, 1}, new int[]{0, 1, 1, 1}));
        assertEquals(0.0, OpenSetMetrics.closedSetAccuracy(new int[]{1}, new int[]{0}));
    }

    @Test
    void summaryByHand() {
        // known {1, 2, 3, 4}, unknown {2.5, 3, 5}, threshold 2.5:
        // known accepted (<= 2.5): 1, 2 -> 2 right; unknown flagged (> 2.5): 3, 5 -> 2 right; 4 of 7 right
        // AUROC 8.5/12 (see aurocMixedCaseByHand); FPR at 95%: m = ceil(3.8) = 4, t = 4, unknown <= 4: 2 of 3
        OpenSetMetrics.Summary s = OpenSetMetrics.summarise(new double[]{1, 2, 3, 4}, new double[]{2.5, 3, 5}, 2.5);
        assertEquals(8.5 / 12, s.auroc(), 1e-15);
        assertEquals(2.0 / 3, s.fprAt95(), 1e-15);
        assertEquals(4.0 / 7, s.detectionAccuracyAtThreshold(), 1e-15);
        assertEquals(4, s.known());
        assertEquals(3, s.unknown());
        String row = s.toMarkdownRow("energy");
        assertEquals("| energy | 0.708 | 0.667 | 0.571 | 4 | 3 |", row);
        String header = OpenSetMetrics.Summary.markdownHeader();
        assertEquals(columns(header.lines().findFirst().orElseThrow()), columns(row));
        assertTrue(header.contains("AUROC"), header);
    }

    static long columns(String markdownRow) {
        return markdownRow.chars().filter(c -> c == '|').count();
    }
}
