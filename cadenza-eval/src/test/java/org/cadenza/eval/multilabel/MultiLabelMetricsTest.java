package org.cadenza.eval.multilabel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cadenza.eval.multilabel.MultiLabelMetrics.LabelMetrics;
import org.cadenza.eval.multilabel.MultiLabelMetrics.Report;
import org.junit.jupiter.api.Test;

class MultiLabelMetricsTest {

    private static final double EPS = 1e-12;
    private static final List<String> LABELS = List.of("piano", "violin", "cello");

    /*
     * 4 items x 3 labels (piano, violin, cello), thresholds 0.5 everywhere (present = p >= 0.5):
     *
     *   item  probabilities      predicted   truth     wrong cells
     *   0     0.9  0.2  0.6      T F T       T F T     -
     *   1     0.4  0.7  0.1      F T F       T T F     piano (FN)
     *   2     0.8  0.5  0.3      T T F       T F F     violin (FP; 0.5 >= 0.5 is present)
     *   3     0.1  0.3  0.9      F F T       F F T     -
     *
     * exact match: items 0 and 3 -> 2/4 = 0.5; Hamming loss: 2 wrong of 12 cells = 1/6.
     * piano:  TP 2, FP 0, FN 1 -> P 1, R 2/3, F1 4/5; support 3, predicted 2
     * violin: TP 1, FP 1, FN 0 -> P 1/2, R 1, F1 2/3; support 1, predicted 2
     * cello:  TP 2, FP 0, FN 0 -> P 1, R 1, F1 1;     support 2, predicted 2
     * micro: TP 5, FP 1, FN 1 -> P 5/6, R 5/6, F1 10/12
     * macro: P (1 + 1/2 + 1)/3 = 5/6, R (2/3 + 1 + 1)/3 = 8/9, F1 (4/5 + 2/3 + 1)/3 = 37/45
     */
    private static final float[][] P = {
            {0.9f, 0.2f, 0.6f},
            {0.4f, 0.7f, 0.1f},
            {0.8f, 0.5f, 0.3f},
            {0.1f, 0.3f, 0.9f}};
    private static final boolean[][] TRUTH = {
            {true, false, true},
            {true, true, false},
            {true, false, false},
            {false, false, true}};
    private static final double[] HALF = {0.5, 0.5, 0.5};

    @Test
    void exactMatchAndHammingLossOnAHandComputedExample() {
        Report r = MultiLabelMetrics.evaluate(P, TRUTH, HALF, LABELS);
        assertEquals(4, r.items());
        assertEquals(0.5, r.exactMatchRatio(), EPS);
        assertEquals(1.0 / 6, r.hammingLoss(), EPS);
        assertEquals(0.5, MultiLabelMetrics.exactMatchRatio(MultiLabelMetrics.decide(P, HALF), TRUTH), EPS);
    }

    @Test
    void decideIsInclusiveAtTheThreshold() {
        boolean[][] d = MultiLabelMetrics.decide(P, HALF);
        assertArrayEquals(new boolean[]{true, true, false}, d[2], "0.5 >= 0.5 is present");
        boolean[][] strict = MultiLabelMetrics.decide(P, new double[]{0.5, 0.50001, 0.5});
        assertArrayEquals(new boolean[]{true, false, false}, strict[2]);
        boolean[][] all = MultiLabelMetrics.decide(P, new double[]{0, 0, 0});
        for (boolean[] row : all) {
            assertArrayEquals(new boolean[]{true, true, true}, row);
        }
    }

    @Test
    void perLabelPrecisionRecallAndF1() {
        Report r = MultiLabelMetrics.evaluate(P, TRUTH, HALF, LABELS);
        assertLabel(r.perLabel().get(0), "piano", 3, 2, 2, 1.0, 2.0 / 3, 0.8);
        assertLabel(r.perLabel().get(1), "violin", 1, 2, 1, 0.5, 1.0, 2.0 / 3);
        assertLabel(r.perLabel().get(2), "cello", 2, 2, 2, 1.0, 1.0, 1.0);
        assertEquals(5.0 / 6, r.microPrecision(), EPS);
        assertEquals(5.0 / 6, r.microRecall(), EPS);
        assertEquals(5.0 / 6, r.microF1(), EPS);
        assertEquals(5.0 / 6, r.macroPrecision(), EPS);
        assertEquals(8.0 / 9, r.macroRecall(), EPS);
        assertEquals(37.0 / 45, r.macroF1(), EPS);
    }

    /*
     * Zero division as scikit-learn's zero_division=0, 3 items:
     *   horn:  truth T T F, predicted F F F -> TP 0, FP 0, FN 2: precision 0/0 -> 0, recall 0, F1 0
     *   harp:  truth F F F, predicted T F F -> TP 0, FP 1, FN 0: precision 0, recall 0/0 -> 0, F1 0
     *   organ: truth F F F, predicted F F F -> all 0/0 -> 0
     */
    @Test
    void zeroDivisionGivesZeroNotNaN() {
        float[][] p = {{0.1f, 0.9f, 0.0f}, {0.2f, 0.1f, 0.0f}, {0.3f, 0.2f, 0.4f}};
        boolean[][] t = {{true, false, false}, {true, false, false}, {false, false, false}};
        Report r = MultiLabelMetrics.evaluate(p, t, HALF, List.of("horn", "harp", "organ"));
        assertLabel(r.perLabel().get(0), "horn", 2, 0, 0, 0, 0, 0);
        assertLabel(r.perLabel().get(1), "harp", 0, 1, 0, 0, 0, 0);
        assertLabel(r.perLabel().get(2), "organ", 0, 0, 0, 0, 0, 0);
        assertEquals(0, r.microPrecision(), EPS);
        assertEquals(0, r.microRecall(), EPS);
        assertEquals(0, r.microF1(), EPS);
        assertEquals(0, r.macroF1(), EPS);
        // item 2 is the only exact match (nothing true, nothing predicted); 3 wrong cells of 9
        assertEquals(1.0 / 3, r.exactMatchRatio(), EPS);
        assertEquals(3.0 / 9, r.hammingLoss(), EPS);
    }

    /*
     * Micro pools the cells, macro averages the labels (those without support counting 0), 4 items:
     *   common: truth T T T T, predicted T T T T -> TP 4            P 1, R 1, F1 1
     *   rare:   truth T F F F, predicted F F F F -> FN 1            P 0, R 0, F1 0
     *   absent: truth F F F F, predicted F F F F -> nothing at all  P 0, R 0, F1 0
     * micro: TP 4, FP 0, FN 1 -> P 1, R 4/5, F1 8/9; macro: P = R = F1 = 1/3
     */
    @Test
    void microPoolsCellsWhileMacroWeighsEveryLabelAlike() {
        float[][] p = {{0.9f, 0.1f, 0.1f}, {0.8f, 0.2f, 0.1f}, {0.7f, 0.3f, 0.2f}, {0.6f, 0.1f, 0.3f}};
        boolean[][] t = {{true, true, false}, {true, false, false}, {true, false, false}, {true, false, false}};
        Report r = MultiLabelMetrics.evaluate(p, t, HALF, List.of("common", "rare", "absent"));
        assertEquals(1.0, r.microPrecision(), EPS);
        assertEquals(0.8, r.microRecall(), EPS);
        assertEquals(8.0 / 9, r.microF1(), EPS);
        assertEquals(1.0 / 3, r.macroPrecision(), EPS);
        assertEquals(1.0 / 3, r.macroRecall(), EPS);
        assertEquals(1.0 / 3, r.macroF1(), EPS);
        assertTrue(r.microF1() > r.macroF1());
    }

    /*
     * 4 items; composer predicted 0 1 2 1, true 0 1 1 1; instrument sets right for items 0, 2, 3 (item 1 wrong).
     * Composer and every instrument right: items 0 and 3 -> 2/4. Item 2 has the set right but not the composer,
     * item 1 the composer but not the set.
     */
    @Test
    void perfectPredictionNeedsTheComposerAndEveryInstrument() {
        boolean[][] truth = {{true, false}, {true, true}, {false, true}, {false, false}};
        boolean[][] predicted = {{true, false}, {true, false}, {false, true}, {false, false}};
        double perfect = MultiLabelMetrics.perfectPrediction(new int[]{0, 1, 2, 1}, new int[]{0, 1, 1, 1},
                predicted, truth);
        assertEquals(0.5, perfect, EPS);
        assertEquals(0.75, MultiLabelMetrics.exactMatchRatio(predicted, truth), EPS);
    }

    @Test
    void markdownHasTheTableAndTheSummary() {
        Report r = MultiLabelMetrics.evaluate(P, TRUTH, new double[]{0.5, 0.45, 0.55}, LABELS);
        String md = r.toMarkdown();
        assertTrue(md.contains("| instrument | threshold | support | predicted | precision | recall | F1 |"), md);
        assertTrue(md.contains("| piano | 0.500 | 3 | 2 | 1.000 | 0.667 | 0.800 |"), md);
        assertTrue(md.contains("| violin | 0.450 | 1 | 2 | 0.500 | 1.000 | 0.667 |"), md);
        assertTrue(md.contains("| cello | 0.550 | 2 | 2 | 1.000 | 1.000 | 1.000 |"), md);
        assertTrue(md.contains("- exact-match ratio: 0.500"), md);
        assertTrue(md.contains("- Hamming loss: 0.167"), md);
        assertTrue(md.contains("- items: 4"), md);
        assertTrue(r.toMarkdownRow("model").startsWith("| model | 4 | 0.500 | 0.167 |"), r.toMarkdownRow("model"));
        assertTrue(Report.markdownHeader().startsWith("| predictor | items | exact-match ratio | Hamming loss |"));
    }

    private static void assertLabel(LabelMetrics m, String label, int support, int predicted, int tp,
                                    double precision, double recall, double f1) {
        assertEquals(label, m.label());
        assertEquals(support, m.support(), label + " support");
        assertEquals(predicted, m.predicted(), label + " predicted");
        assertEquals(tp, m.truePositives(), label + " TP");
        assertEquals(precision, m.precision(), EPS, label + " precision");
        assertEquals(recall, m.recall(), EPS, label + " recall");
        assertEquals(f1, m.f1(), EPS, label + " F1");
    }
}
