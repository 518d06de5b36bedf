package org.cadenza.model.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The differentiable loss agrees with the hand computation, and so does its gradient. */
class TripletLossNdTest {

    @Test
    void ndLossEqualsTheFloatLoss() {
        float[][] points = {{0}, {1}, {3}, {2}, {10}};
        int[] labels = {0, 0, 0, 1, 1};
        float[][] d = TripletMining.distances(points);
        List<Triplet> t = TripletMining.mine(d, labels, Mining.BATCH_HARD);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray e = m.create(new float[] {0, 1, 3, 2, 10}, new Shape(5, 1));
            assertEquals(2.9, TripletLoss.loss(e, t, 0.5).getFloat(), 1e-5);
            assertEquals(TripletLoss.value(d, t, 0.5, MarginKind.SOFT),
                    TripletLoss.loss(e, t, 0.5, MarginKind.SOFT).getFloat(), 1e-5);
        }
    }

    @Test
    void gradientPullsThePositiveInAndPushesTheNegativeOut() {
        // anchor x0=0, positive x1=3, negative x2=2, margin 0.5: loss = |x0-x1| - |x0-x2| + 0.5 = 1.5
        // d/dx0 = sign(x0-x1) - sign(x0-x2) = -1 + 1 = 0; d/dx1 = +1; d/dx2 = -1
        assertLossAndGradient(new float[] {0, 3, 2}, 1.5, new float[] {0, 1, -1}, 1e-5f);
    }

    @Test
    void aSatisfiedTripletHasNoGradient() {
        assertLossAndGradient(new float[] {0, 1, 9}, 0, new float[] {0, 0, 0}, 1e-6f);
    }

    /**
     * The loss of the one triplet (anchor 0, positive 1, negative 2) of three 1-d embeddings at margin 0.5, and its
     * gradient with respect to the embeddings, each within {@code tolerance}.
     */
    private static void assertLossAndGradient(float[] embeddings, double loss, float[] gradient, float tolerance) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray e = m.create(embeddings, new Shape(3, 1));
            e.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = TripletLoss.loss(e, List.of(new Triplet(0, 1, 2)), 0.5);
                assertEquals(loss, l.getFloat(), tolerance);
                gc.backward(l);
            }
            assertArrayEquals(gradient, e.getGradient().toFloatArray(), tolerance);
        }
    }
}
