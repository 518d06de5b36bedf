package org.cadenza.eval.openset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cadenza.eval.openset.NoveltyScores.Method;
import org.junit.jupiter.api.Test;

class NoveltyScoresTest {

    @Test
    void maxSoftmaxProbabilityScoreByHand() {
        assertEquals(-0.5, NoveltyScores.maxSoftmaxProbabilityScore(new float[]{0, 0}), 1e-15);
        // softmax(ln 3, 0) = (3/4, 1/4)
        assertEquals(-0.75, NoveltyScores.maxSoftmaxProbabilityScore(new float[]{(float) Math.log(3), 0}), 1e-7);
        // huge logits neither overflow nor underflow
        assertEquals(-0.25, NoveltyScores.maxSoftmaxProbabilityScore(new float[]{1000, 1000, 1000, 1000}), 1e-15);
        assertEquals(-1.0, NoveltyScores.maxSoftmaxProbabilityScore(new float[]{1000, 0}), 1e-15);
        assertEquals(-0.5, NoveltyScores.maxSoftmaxProbabilityScore(new float[]{-1000, -1000}), 1e-15);
        assertEquals(-1.0, NoveltyScores.maxSoftmaxProbabilityScore(new float[]{3.5f}));
    }

    @Test
    void energyScoreByHand() {
        // E = -T logsumexp(l / T)
        assertEquals(-Math.log(2), NoveltyScores.energyScore(new float[]{0, 0}, 1), 1e-15);
        // T = 2, logits {2, 4}: -2 (2 + ln(1 + e^-1)) = -2 (2 + 0.31326168751822286)
        assertEquals(-4.626523375036446, NoveltyScores.energyScore(new float[]{2, 4}, 2), 1e-12);
        // stability: exp(1000) would overflow, exp(-1000) underflow
        assertEquals(-(1000 + Math.log(2)), NoveltyScores.energyScore(new float[]{1000, 1000}, 1), 1e-9);
        assertEquals(-1000.0, NoveltyScores.energyScore(new float[]{1000, 0}, 1), 1e-9);
        assertEquals(1000 - Math.log(2), NoveltyScores.energyScore(new float[]{-1000, -1000}, 1), 1e-9);
        assertTrue(Double.isFinite(NoveltyScores.energyScore(new float[]{1000, -1000}, 0.01)));
    }

    @Test
    void confidentLogitsScoreLowerThanFlatOnesForBothLogitScores() {
        float[] confident = {10, 0, 0};
        float[] flat = {1, 1, 1};
        // energy: -(10 + ln(1 + 2 e^-10)) = -10.0000908 against -(1 + ln 3) = -2.0986
        assertEquals(-10.000090795737467, NoveltyScores.energyScore(confident, 1), 1e-12);
        assertEquals(-(10 + Math.log(1 + 2 * Math.exp(-10))), NoveltyScores.energyScore(confident, 1), 1e-12);
        assertEquals(-(1 + Math.log(3)), NoveltyScores.energyScore(flat, 1), 1e-12);
        assertTrue(NoveltyScores.energyScore(confident, 1) < NoveltyScores.energyScore(flat, 1));
        assertTrue(NoveltyScores.maxSoftmaxProbabilityScore(confident)
                < NoveltyScores.maxSoftmaxProbabilityScore(flat));
        assertEquals(-1.0 / 3, NoveltyScores.maxSoftmaxProbabilityScore(flat), 1e-15);
    }

    @Test
    void nearestAnchorDistanceByHand() {
        float[][] anchors = {{0, 1}, {1, 0}};
        assertEquals(0.0, NoveltyScores.nearestAnchorDistance(new float[]{1, 0}, anchors));
        assertEquals(Math.sqrt(2), NoveltyScores.nearestAnchorDistance(new float[]{-1, 0}, new float[][]{{0, 1},
                {1, 0}}), 1e-15);
        // (3, 4) to (0, 0) is 5, to (3, 0) is 4
        assertEquals(4.0, NoveltyScores.nearestAnchorDistance(new float[]{3, 4}, new float[][]{{0, 0}, {3, 0}}));
    }

    @Test
    void relativeAnchorDistanceDividesByEachComposersSpread() {
        // distances from the origin: 5 to the first anchor, 1 to the second; spreads 10 and 0.5 -> 0.5 and 2
        float[][] anchors = {{3, 4}, {1, 0}};
        float[] origin = {0, 0};
        assertEquals(0.5, NoveltyScores.relativeAnchorDistance(origin, anchors, new double[] {10, 0.5}), 1e-12);
        // with equal spreads it is the nearest-anchor distance in those units
        assertEquals(1.0, NoveltyScores.relativeAnchorDistance(origin, anchors, new double[] {1, 1}), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> NoveltyScores.relativeAnchorDistance(origin, anchors, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> NoveltyScores.relativeAnchorDistance(origin, anchors, new double[] {1, 0}));
    }

    @Test
    void knnDistanceIsTheKthSmallestDistance() {
        // distances from the origin: 5, 1, 2, 10
        float[][] reference = {{3, 4}, {1, 0}, {0, 2}, {6, 8}};
        float[] origin = {0, 0};
        assertEquals(1.0, NoveltyScores.knnDistance(origin, reference, 1));
        assertEquals(2.0, NoveltyScores.knnDistance(origin, reference, 2));
        assertEquals(5.0, NoveltyScores.knnDistance(origin, reference, 3));
        assertEquals(10.0, NoveltyScores.knnDistance(origin, reference, 4));
        // k = 1 on the anchors is the nearest-anchor distance
        assertEquals(NoveltyScores.nearestAnchorDistance(origin, reference), NoveltyScores.knnDistance(origin, reference, 1));
    }

    @Test
    void methodsHaveTheirCommandLineNames() {
        assertEquals(Arrays.asList("anchor-distance", "relative-anchor-distance", "knn-distance", "max-softmax",
                "energy"),
                Arrays.stream(Method.values()).map(Method::cliName).toList());
        for (Method m : Method.values()) {
            assertEquals(m, Method.fromCliName(m.cliName()));
            assertFalse(m.description().isBlank());
            assertFalse(m.description().contains("\n"));
        }
        assertEquals(Method.KNN_DISTANCE, Method.fromCliName(" KNN-Distance "));
        assertTrue(Method.ENERGY.usesLogits());
        assertTrue(Method.MAX_SOFTMAX.usesLogits());
        assertFalse(Method.ANCHOR_DISTANCE.usesLogits());
        assertFalse(Method.KNN_DISTANCE.usesLogits());
    }
}
