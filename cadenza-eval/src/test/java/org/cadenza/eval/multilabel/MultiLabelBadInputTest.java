package org.cadenza.eval.multilabel;

import static org.cadenza.io.Refusals.refuses;

import java.util.List;
import org.cadenza.eval.multilabel.ThresholdTuning.Objective;
import org.junit.jupiter.api.Test;

/** Every refusal of the multi-label package, with a message that says what is wrong and where. */
class MultiLabelBadInputTest {

    private static final float[][] P = {{0.2f, 0.8f}, {0.6f, 0.4f}};
    private static final boolean[][] T = {{false, true}, {true, false}};
    private static final double[] HALF = {0.5, 0.5};
    private static final List<String> AB = List.of("a", "b");

    @Test
    void probabilitiesOutsideZeroOneOrNaN() {
        refuses(() -> MultiLabelMetrics.evaluate(new float[][]{{0.2f, 0.8f}, {0.6f, Float.NaN}}, T, HALF, AB),
                "probabilities", "item 1, label 1 is NaN");
        refuses(() -> MultiLabelMetrics.evaluate(new float[][]{{0.2f, 1.5f}, {0.6f, 0.4f}}, T, HALF, AB),
                "item 0, label 1 is 1.5", "outside [0, 1]", "logits");
        refuses(() -> MultiLabelMetrics.decide(new float[][]{{-0.1f}}, new double[]{0.5}), "item 0, label 0 is -0.1");
        refuses(() -> MultiLabelMetrics.decide(new float[][]{{Float.POSITIVE_INFINITY}}, new double[]{0.5}),
                "Infinity");
        refuses(() -> ThresholdTuning.perLabel(new float[][]{{0.5f}, {Float.NaN}}, new boolean[][]{{true}, {false}},
                Objective.F1), "validation probabilities", "item 1, label 0 is NaN");
    }

    @Test
    void shapeMismatches() {
        refuses(() -> MultiLabelMetrics.evaluate(P, new boolean[][]{{true, false}}, HALF, AB),
                "truth is 1 items x 2 labels", "probabilities is 2 items x 2 labels");
        refuses(() -> MultiLabelMetrics.evaluate(P, new boolean[][]{{true}, {false}}, HALF, AB),
                "truth is 2 items x 1 labels");
        refuses(() -> MultiLabelMetrics.evaluate(new float[][]{{0.1f, 0.2f}, {0.3f}}, T, HALF, AB),
                "item 1 has 1 labels but item 0 has 2", "rectangular");
        refuses(() -> MultiLabelMetrics.evaluate(P, new boolean[][]{{true, false}, null}, HALF, AB), "item 1 is null");
        refuses(() -> MultiLabelMetrics.evaluate(P, T, new double[]{0.5}, AB), "1 thresholds for 2 labels");
        refuses(() -> MultiLabelMetrics.evaluate(P, T, new double[]{0.5, Double.NaN}, AB),
                "label 1 has threshold NaN");
        refuses(() -> MultiLabelMetrics.evaluate(P, T, new double[]{0.5, 1.2}, AB), "label 1 has threshold 1.2");
        refuses(() -> MultiLabelMetrics.evaluate(P, T, HALF, List.of("a")), "1 names [a] for 2 columns");
        refuses(() -> MultiLabelMetrics.evaluate(P, T, HALF, List.of("a", "a")), "'a' names two columns");
        refuses(() -> MultiLabelMetrics.evaluate(P, T, HALF, List.of("a", " ")), "column 1 has no name");
        refuses(() -> ThresholdTuning.perLabel(P, new boolean[][]{{true, false, true}, {true, false, true}},
                Objective.F1), "validation truth is 2 items x 3 labels");
        refuses(() -> ThresholdTuning.tune(P, T, List.of("a", "b", "c"), Objective.F1), "3 names");
        refuses(() -> ThresholdTuning.perLabel(P, T, null), "objective");
    }

    @Test
    void emptyMatrices() {
        refuses(() -> MultiLabelMetrics.decide(new float[0][], new double[0]), "no items");
        refuses(() -> MultiLabelMetrics.decide(new float[][]{{}}, new double[0]), "no labels");
        refuses(() -> MultiLabelMetrics.decide(null, HALF), "null matrix");
        refuses(() -> PriorBaseline.probabilities(new boolean[0][], 3), "training truth", "no items");
        refuses(() -> PriorBaseline.probabilities(T, 0), "at least 1 item", "got 0");
        refuses(() -> PriorBaseline.mostFrequentSet(new boolean[0][]), "no items");
    }

    @Test
    void perfectPredictionNeedsTheSameItems() {
        refuses(() -> MultiLabelMetrics.perfectPrediction(new int[]{0}, new int[]{0, 1}, T, T),
                "1 predicted composers and 2 true composers for 2 instrument sets");
        refuses(() -> MultiLabelMetrics.perfectPrediction(new int[]{0, 1}, new int[]{0, 1}, T,
                new boolean[][]{{true}}), "truth is 1 items x 1 labels");
        refuses(() -> MultiLabelMetrics.exactMatchRatio(T, new boolean[][]{{true, true}}), "truth is 1 items");
    }

    @Test
    void baselinesAndFilterRefuseWhatTheyCannotUse() {
        refuses(() -> PriorBaseline.evaluate(PriorBaseline.Variant.PRIOR_HALF, T, T,
                new boolean[][]{{true}}, AB, Objective.F1), "test truth is 1 items x 1 labels");
        refuses(() -> PriorBaseline.evaluate(null, T, T, T, AB, Objective.F1), "variant", "PRIOR_TUNED");
        refuses(() -> PriorBaseline.halfThresholds(0), "at least 1");
    }
}
