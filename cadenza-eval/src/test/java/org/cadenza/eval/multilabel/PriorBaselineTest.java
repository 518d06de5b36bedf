package org.cadenza.eval.multilabel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cadenza.eval.multilabel.MultiLabelMetrics.Report;
import org.cadenza.eval.multilabel.PriorBaseline.Variant;
import org.cadenza.eval.multilabel.ThresholdTuning.Objective;
import org.cadenza.eval.multilabel.ThresholdTuning.Tuned;
import org.junit.jupiter.api.Test;

class PriorBaselineTest {

    private static final double EPS = 1e-12;
    private static final List<String> LABELS = List.of("piano", "violin", "harp");

    /*
     * Training (4 items): piano in 3 -> prior 0.75, violin in 1 -> 0.25, harp in 0 -> 0.
     * Validation (3 items): piano T F T, violin F T F, harp F F F (no positive: untuned, keeps 0.5).
     * Test (3 items): {piano, violin}, {piano}, {harp}.
     */
    private static final boolean[][] TRAIN = {
            {true, false, false},
            {true, true, false},
            {true, false, false},
            {false, false, false}};
    private static final boolean[][] VAL = {
            {true, false, false},
            {false, true, false},
            {true, false, false}};
    private static final boolean[][] TEST = {
            {true, true, false},
            {true, false, false},
            {false, false, true}};

    @Test
    void everyItemGetsTheTrainingPrevalence() {
        float[][] p = PriorBaseline.probabilities(TRAIN, 2);
        assertEquals(2, p.length);
        assertArrayEquals(new float[]{0.75f, 0.25f, 0f}, p[0]);
        assertArrayEquals(new float[]{0.75f, 0.25f, 0f}, p[1]);
        p[0][0] = 0;
        assertEquals(0.75f, p[1][0], "rows are independent copies");
    }

    /*
     * (a) tuned on validation with F1. Constant scores leave two candidates per label, c/2 (always) and (c+1)/2
     * (never); "always" wins whenever validation has a positive (F1 > 0 beats 0):
     *   piano c = 0.75 -> 0.375 (always); violin c = 0.25 -> 0.125 (always); harp untuned -> 0.5, c = 0 -> never.
     * Prediction for every test item: {piano, violin}.
     *   item 0 {piano, violin}: exact; item 1 {piano}: violin wrong; item 2 {harp}: piano, violin, harp wrong.
     *   exact match 1/3, Hamming loss 4/9.
     */
    @Test
    void priorWithThresholdsTunedOnValidation() {
        Tuned tuned = PriorBaseline.tunedThresholds(TRAIN, VAL, LABELS, Objective.F1);
        assertArrayEquals(new double[]{0.375, 0.125, 0.5}, tuned.thresholds(), 0.0);
        assertEquals(List.of("harp"), tuned.untuned());
        Report r = PriorBaseline.evaluate(Variant.PRIOR_TUNED, TRAIN, VAL, TEST, LABELS, Objective.F1);
        assertEquals(1.0 / 3, r.exactMatchRatio(), EPS);
        assertEquals(4.0 / 9, r.hammingLoss(), EPS);
        assertEquals(3, r.perLabel().get(0).predicted());
        assertEquals(3, r.perLabel().get(1).predicted());
        assertEquals(0, r.perLabel().get(2).predicted());
        // balanced accuracy: both choices score 0.5, the one nearer 0.5 wins: piano 0.375 (always) against 0.875,
        // violin 0.625 (never) against 0.125
        assertArrayEquals(new double[]{0.375, 0.625, 0.5},
                PriorBaseline.tunedThresholds(TRAIN, VAL, LABELS, Objective.BALANCED_ACCURACY).thresholds(), 0.0);
    }

    /*
     * (b) threshold 0.5: piano 0.75 >= 0.5 present, violin 0.25 absent, harp 0 absent: {piano} for every item.
     *   item 0: violin wrong; item 1: exact; item 2: piano and harp wrong -> exact 1/3, Hamming loss 3/9.
     */
    @Test
    void priorAtOneHalf() {
        Report r = PriorBaseline.evaluate(Variant.PRIOR_HALF, TRAIN, VAL, TEST, LABELS, Objective.F1);
        assertEquals(1.0 / 3, r.exactMatchRatio(), EPS);
        assertEquals(3.0 / 9, r.hammingLoss(), EPS);
        assertEquals(0.5, r.perLabel().get(0).threshold(), 0.0);
        assertEquals(3, r.perLabel().get(0).predicted());
        assertEquals(0, r.perLabel().get(1).predicted());
        // a prior of exactly 0.5 is present (p >= threshold)
        boolean[][] half = {{true}, {false}};
        boolean[][] d = MultiLabelMetrics.decide(PriorBaseline.probabilities(half, 1), PriorBaseline.halfThresholds(1));
        assertArrayEquals(new boolean[]{true}, d[0]);
    }

    /*
     * Training sets {A, B}, {A, B}, {A, C}, {B, C}, {C}: every prior is 3/5 >= 0.5, so the 0.5 prior baseline
     * predicts {A, B, C}, a set never seen; the most frequent set is {A, B} (twice).
     * Test {A, B}, {C}: most frequent set exact 1/2, Hamming 3/6; prior at 0.5 exact 0, Hamming 3/6.
     */
    @Test
    void mostFrequentSetDiffersFromThePerLabelMode() {
        boolean[][] train = {
                {true, true, false},
                {true, true, false},
                {true, false, true},
                {false, true, true},
                {false, false, true}};
        boolean[][] test = {{true, true, false}, {false, false, true}};
        List<String> abc = List.of("A", "B", "C");
        assertArrayEquals(new boolean[]{true, true, false}, PriorBaseline.mostFrequentSet(train));
        Report mfs = PriorBaseline.evaluate(Variant.MOST_FREQUENT_SET, train, test, test, abc, Objective.F1);
        assertEquals(0.5, mfs.exactMatchRatio(), EPS);
        assertEquals(0.5, mfs.hammingLoss(), EPS);
        Report half = PriorBaseline.evaluate(Variant.PRIOR_HALF, train, test, test, abc, Objective.F1);
        assertEquals(0.0, half.exactMatchRatio(), EPS);
        assertEquals(0.5, half.hammingLoss(), EPS);
    }

    @Test
    void mostFrequentSetTiesDoNotDependOnOrder() {
        // {A} twice, {B} twice, {A, B} twice: same size first -> {A} or {B}; "01" ({B}) reads before "10" ({A})
        boolean[][] train = {{true, false}, {true, true}, {false, true}, {true, false}, {false, true}, {true, true}};
        boolean[][] reversed = new boolean[train.length][];
        for (int i = 0; i < train.length; i++) {
            reversed[i] = train[train.length - 1 - i];
        }
        assertArrayEquals(new boolean[]{false, true}, PriorBaseline.mostFrequentSet(train));
        assertArrayEquals(new boolean[]{false, true}, PriorBaseline.mostFrequentSet(reversed));
        float[][] p = PriorBaseline.mostFrequentSetProbabilities(train, 2);
        assertArrayEquals(new float[]{0f, 1f}, p[1]);
    }
}
