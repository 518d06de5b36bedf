package org.cadenza.model.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LateFusionTest {

    private static final List<String> CLASSES = List.of("bach", "chopin");

    /** Log-probabilities that put {@code p} on the true class of each item. */
    private static double[][] scores(int[] truth, double p) {
        double[][] s = new double[truth.length][2];
        for (int i = 0; i < truth.length; i++) {
            s[i][truth[i]] = Math.log(p);
            s[i][1 - truth[i]] = Math.log(1 - p);
        }
        return s;
    }

    @Test
    void theWeightsGoToTheMemberThatIsRightOnValidation() {
        int[] truth = {0, 1, 0, 1, 0, 1, 1, 0};
        // member a is right on every validation item, member b wrong on every one
        LateFusion f = LateFusion.fit(List.of("a", "b"), CLASSES, List.of(scores(truth, 0.9), scores(truth, 0.2)),
                truth, null);
        assertArrayEquals(new double[] {1.0, 0.0}, f.weights(), 1e-12);
        assertEquals(1.0, f.validationAccuracy(), 1e-12);
        assertArrayEquals(new double[] {1.0, 0.0}, f.memberAccuracy(), 1e-12);
        assertEquals(truth.length, f.validationItems());
    }

    @Test
    void fitSeesOnlyValidationSoTestCannotMoveTheWeights() {
        int[] val = {0, 1, 0, 1, 1, 0};
        List<double[][]> valScores = List.of(scores(val, 0.8), scores(val, 0.4));
        LateFusion f = LateFusion.fit(List.of("a", "b"), CLASSES, valScores, val, null);
        // on test, member b is perfect and a always wrong: the fused prediction still follows the validation weights
        double[] a = {Math.log(0.1), Math.log(0.9)};
        double[] b = {Math.log(0.99), Math.log(0.01)};
        double[] fused = f.combine(List.of(a, b));
        assertTrue(fused[1] > fused[0], "the fusion should follow member a, which validation trusted");
        // refitting on the same validation data gives the same weights whatever happens on test
        assertEquals(f, LateFusion.fit(List.of("a", "b"), CLASSES, valScores, val, null));
    }

    @Test
    void complementaryMembersShareTheWeightAndBeatEitherAlone() {
        int[] truth = {0, 0, 0, 0, 1, 1, 1, 1};
        // a knows the bach items, b the chopin items; each is unsure elsewhere
        double[][] a = new double[8][];
        double[][] b = new double[8][];
        for (int i = 0; i < 8; i++) {
            boolean bach = truth[i] == 0;
            a[i] = bach ? new double[] {Math.log(0.95), Math.log(0.05)} : new double[] {Math.log(0.55), Math.log(0.45)};
            b[i] = bach ? new double[] {Math.log(0.45), Math.log(0.55)} : new double[] {Math.log(0.05), Math.log(0.95)};
        }
        LateFusion f = LateFusion.fit(List.of("a", "b"), CLASSES, List.of(a, b), truth, null);
        assertTrue(f.weights()[0] > 0.2 && f.weights()[1] > 0.2, "both members should keep weight: "
                + java.util.Arrays.toString(f.weights()));
        assertEquals(1.0, f.validationAccuracy(), 1e-12);
        assertEquals(0.5, f.memberAccuracy()[0], 1e-12);
        assertEquals(0.5, f.memberAccuracy()[1], 1e-12);
    }

    @Test
    void compositionsCoverTheSimplexGrid() {
        List<int[]> c = LateFusion.compositions(20, 3);
        assertEquals(231, c.size()); // C(22, 2)
        for (int[] w : c) {
            assertEquals(20, w[0] + w[1] + w[2]);
        }
    }

    @Test
    void savedAndLoadedFusionCombinesTheSame(@TempDir Path dir) {
        int[] truth = {0, 1, 1, 0};
        LateFusion f = LateFusion.fit(List.of("notes", "/abs/audio"), CLASSES,
                List.of(scores(truth, 0.7), scores(truth, 0.6)), truth, null);
        f.save(dir);
        LateFusion g = LateFusion.load(dir);
        assertEquals(f, g);
        double[] x = {Math.log(0.3), Math.log(0.7)};
        double[] y = {Math.log(0.6), Math.log(0.4)};
        assertArrayEquals(f.combine(List.of(x, y)), g.combine(List.of(x, y)), 1e-12);
    }

    @Test
    void thePriorCorrectionGivesTheSmallClassItsRecallBackWhenValidationGainsFromIt() {
        // bach has 9 of 10 training files, and both members lean to it: a chopin item gets 0.6 bach, 0.4 chopin
        int[] truth = {0, 0, 0, 0, 0, 0, 1, 1};
        double[][] lean = new double[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            lean[i] = truth[i] == 0 ? new double[] {Math.log(0.9), Math.log(0.1)}
                    : new double[] {Math.log(0.6), Math.log(0.4)};
        }
        double[] prior = LateFusion.shares(new long[] {90, 10});
        assertArrayEquals(new double[] {0.9, 0.1}, prior, 1e-12);
        LateFusion plain = LateFusion.fit(List.of("a", "b"), CLASSES, List.of(lean, lean), truth, null);
        assertEquals(0.0, plain.priorCorrection());
        assertEquals(0.75, plain.validationAccuracy(), 1e-12);
        assertEquals(0.5, plain.validationBalancedAccuracy(), 1e-12);
        LateFusion f = LateFusion.fit(List.of("a", "b"), CLASSES, List.of(lean, lean), truth, prior);
        assertTrue(f.priorCorrection() > 0, f.toString());
        assertEquals(1.0, f.validationAccuracy(), 1e-12);
        assertEquals(1.0, f.validationBalancedAccuracy(), 1e-12);
        // the smallest correction that turns the chopin items: scale * log(0.4/0.6) + tau * log(9) > 0
        double tau = f.priorCorrection();
        assertTrue(tau - LateFusion.CORRECTIONS.get(1) < f.scale() * Math.log(1.5) / Math.log(9), "tau " + tau);
        double[] fused = f.combine(List.of(lean[6], lean[6]));
        assertTrue(fused[1] > fused[0], "a chopin item is chopin after the correction");
        assertArrayEquals(new double[] {f.scale() * Math.log(0.6) - tau * Math.log(0.9),
                f.scale() * Math.log(0.4) - tau * Math.log(0.1)}, fused, 1e-12);
        // kept by the refit's copy
        assertEquals(tau, f.withMembers(List.of("c", "d")).priorCorrection());
    }

    @Test
    void aCorrectionThatCostsValidationIsLeftAtZero() {
        int[] truth = {0, 1, 0, 1, 0, 1, 1, 0};
        // balanced validation, members right everywhere: any correction can only turn right answers wrong
        LateFusion f = LateFusion.fit(List.of("a", "b"), CLASSES, List.of(scores(truth, 0.55), scores(truth, 0.55)),
                truth, new double[] {0.99, 0.01});
        assertEquals(0.0, f.priorCorrection());
        assertEquals(1.0, f.validationBalancedAccuracy(), 1e-12);
    }

    @Test
    void aFusionSavedBeforeThePriorCorrectionLoadsWithoutOne(@TempDir Path dir) throws java.io.IOException {
        // the fusion.json of a run made before the manifest: the record's fields of that time
        java.nio.file.Files.writeString(dir.resolve("fusion.json"), """
                {"members": ["a", "b"], "classes": ["bach", "chopin"], "weights": [0.5, 0.5],
                 "scale": 1.0, "validationItems": 4, "validationNll": 0.5, "validationAccuracy": 0.75,
                 "memberAccuracy": [0.75, 0.5]}
                """);
        LateFusion f = LateFusion.load(dir);
        assertEquals(0.0, f.priorCorrection());
        assertArrayEquals(new double[] {0.5, 0.5}, f.classPrior(), 1e-12);
        double[] x = {Math.log(0.3), Math.log(0.7)};
        assertArrayEquals(new double[] {Math.log(0.3), Math.log(0.7)}, f.combine(List.of(x, x)), 1e-12);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        int[] truth = {0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LateFusion.fit(
                List.of("a", "b"), CLASSES, List.of(scores(truth, 0.7), scores(new int[] {0}, 0.7)), truth, null));
        assertTrue(e.getMessage().contains("member b"), e.getMessage());
        List<double[][]> one = List.<double[][]>of(scores(truth, 0.7));
        assertThrows(IllegalArgumentException.class, () -> LateFusion.fit(List.of("a"), CLASSES, one, new int[0],
                null));
    }
}
