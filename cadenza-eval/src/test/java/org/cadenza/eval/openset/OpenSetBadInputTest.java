package org.cadenza.eval.openset;

import static org.cadenza.io.Refusals.refuses;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every refusal of the open-set package, with a message that says what is wrong. */
class OpenSetBadInputTest {

    @Test
    void metricsRefuseEmptySidesNaNAndBadRates() {
        double[] ok = {1, 2};
        refuses(() -> OpenSetMetrics.auroc(new double[0], ok), "no known scores");
        refuses(() -> OpenSetMetrics.auroc(ok, new double[0]), "no unknown scores");
        refuses(() -> OpenSetMetrics.auroc(ok, new double[]{0.5, Double.NaN}), "unknown score 1 of 2 is NaN");
        refuses(() -> OpenSetMetrics.fprAtTpr(new double[]{Double.NaN}, ok, 0.95), "known score 0 of 1 is NaN");
        refuses(() -> OpenSetMetrics.fprAtTpr(ok, ok, 0), "(0, 1]", "got 0.0");
        refuses(() -> OpenSetMetrics.fprAtTpr(ok, ok, 1.5), "(0, 1]");
        refuses(() -> OpenSetMetrics.fprAtTpr(ok, ok, Double.NaN), "(0, 1]");
        refuses(() -> OpenSetMetrics.summarise(ok, ok, Double.NaN), "threshold is NaN");
        refuses(() -> OpenSetMetrics.closedSetAccuracy(new int[]{1, 2}, new int[]{1}), "2 predictions for 1");
        refuses(() -> OpenSetMetrics.closedSetAccuracy(new int[0], new int[0]), "no pieces");
    }

    @Test
    void calibrationRefusesEmptyInputAndRatesOutsideZeroOne() {
        refuses(() -> ThresholdCalibration.forFalseAlarmRate(new double[0], 0.05), "no validation scores");
        refuses(() -> ThresholdCalibration.forFalseAlarmRate(new double[]{1}, 1.0), "[0, 1)", "got 1.0");
        refuses(() -> ThresholdCalibration.forFalseAlarmRate(new double[]{1}, -0.1), "[0, 1)");
        refuses(() -> ThresholdCalibration.forFalseAlarmRate(new double[]{1}, Double.NaN), "[0, 1)");
        refuses(() -> ThresholdCalibration.forFalseAlarmRate(new double[]{1, Double.NaN}, 0.05), "is NaN");
    }

    @Test
    void scoresRefuseBadShapesAndValues() {
        float[][] anchors = {{1, 0}, {0, 1, 0}};
        refuses(() -> NoveltyScores.nearestAnchorDistance(new float[]{1, 0}, anchors), "anchor 1 has 3 dimensions");
        refuses(() -> NoveltyScores.nearestAnchorDistance(new float[]{1, 0}, new float[0][]), "no anchors");
        refuses(() -> NoveltyScores.nearestAnchorDistance(new float[]{Float.NaN, 0}, new float[][]{{1, 0}}), "NaN");
        refuses(() -> NoveltyScores.nearestAnchorDistance(new float[0], new float[][]{{}}), "empty embedding");
        refuses(() -> NoveltyScores.knnDistance(new float[]{0, 0}, new float[][]{{1, 0}}, 2), "[1, 1]", "got 2");
        refuses(() -> NoveltyScores.knnDistance(new float[]{0, 0}, new float[][]{{1, 0}}, 0), "got 0");
        refuses(() -> NoveltyScores.maxSoftmaxProbabilityScore(new float[0]), "no logits");
        refuses(() -> NoveltyScores.maxSoftmaxProbabilityScore(new float[]{1, Float.NaN}), "logit 1 of 2 is NaN");
        refuses(() -> NoveltyScores.energyScore(new float[]{1, Float.POSITIVE_INFINITY}, 1), "logit 1 of 2");
        refuses(() -> NoveltyScores.energyScore(new float[]{1}, 0), "temperature", "got 0.0");
        refuses(() -> NoveltyScores.energyScore(new float[]{1}, Double.NaN), "temperature");
        refuses(() -> NoveltyScores.Method.fromCliName("mahalanobis"), "mahalanobis", "anchor-distance", "energy");
    }

    @Test
    void enrolmentRefusesWhatItCannotEvaluate() {
        Map<String, float[]> anchors = Map.of("A", new float[]{1, 0});
        List<LabelledEmbedding> known = List.of(new LabelledEmbedding("a1", "A", new float[]{1, 0}));
        List<LabelledEmbedding> fresh = List.of(new LabelledEmbedding("c1", "C", new float[]{-1, 0}),
                new LabelledEmbedding("c2", "C", new float[]{-1, 0.1f}));
        refuses(() -> FewShotEnrolment.evaluate(anchors, known, fresh, 0, 1, 1), "k ", "got 0");
        refuses(() -> FewShotEnrolment.evaluate(anchors, known, fresh, 1, 0, 1), "draws", "got 0");
        refuses(() -> FewShotEnrolment.evaluate(Map.of(), known, fresh, 1, 1, 1), "no known anchors");
        refuses(() -> FewShotEnrolment.evaluate(anchors, List.of(), fresh, 1, 1, 1), "no known test pieces");
        refuses(() -> FewShotEnrolment.evaluate(anchors,
                List.of(new LabelledEmbedding("z1", "Z", new float[]{1, 0})), fresh, 1, 1, 1), "z1", "Z", "no anchor");
        refuses(() -> FewShotEnrolment.evaluate(anchors, known,
                List.of(new LabelledEmbedding("a9", "A", new float[]{1, 0})), 1, 1, 1), "a9", "already has a known");
        refuses(() -> FewShotEnrolment.evaluate(anchors, known,
                List.of(new LabelledEmbedding("c3", "C", new float[]{1, 0, 0})), 1, 1, 1), "c3", "3 dimensions");
        refuses(() -> FewShotEnrolment.evaluate(anchors, known, fresh, 2, 1, 1), "more than k = 2", "{C=2}");
        refuses(() -> FewShotEnrolment.anchorOf(List.of()), "no embeddings");
        refuses(() -> FewShotEnrolment.anchorOf(List.of(new float[]{1, 0}, new float[]{-1, 0})), "zero vector");
        refuses(() -> FewShotEnrolment.anchorOf(List.of(new float[]{1, 0}, new float[]{1})), "embedding 1 has 1");
        refuses(() -> new LabelledEmbedding("p", "X", new float[0]), "p", "empty embedding");
    }
}
