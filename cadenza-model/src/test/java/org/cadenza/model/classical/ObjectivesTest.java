package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;

class ObjectivesTest {

    private static Pair<Double, SGDVector> of(org.tribuo.classification.sgd.LabelObjective objective, int truth,
                                              double... scores) {
        return objective.lossAndGradient(truth, DenseVector.createDenseVector(scores));
    }

    @Test
    void modifiedHuberLossValuesByHand() {
        assertEquals(0.0, ModifiedHuber.loss(2.0));
        assertEquals(0.0, ModifiedHuber.loss(1.0));
        assertEquals(0.25, ModifiedHuber.loss(0.5));
        assertEquals(1.0, ModifiedHuber.loss(0.0));
        assertEquals(4.0, ModifiedHuber.loss(-1.0)); // both branches meet: (1 + 1)^2 = -4 * -1
        assertEquals(8.0, ModifiedHuber.loss(-2.0));
    }

    @Test
    void modifiedHuberValueAndGradientByHand() {
        // truth 0, scores (0.5, -2, 0, 3): class 0 y = +1, z = 0.5: loss 0.25, gradient 2 * 1 * 0.5 = 1;
        // class 1 y = -1, z = 2: loss 0, gradient 0; class 2 y = -1, z = 0: loss 1, gradient 2 * -1 * 1 = -2;
        // class 3 y = -1, z = -3 < -1, the linear branch: loss -4 * -3 = 12, gradient 4 * y = -4
        Pair<Double, SGDVector> r = of(new ModifiedHuber(), 0, 0.5, -2.0, 0.0, 3.0);
        assertEquals(-(0.25 + 0 + 1 + 12), r.getA(), 1e-12);
        assertArrayEquals(new double[] {1, 0, -2, -4}, r.getB().toArray(), 1e-12);
    }

    @Test
    void modifiedHuberGradientIsTheNegatedDerivativeOfTheLoss() {
        double[] scores = {0.3, -1.7, 0.9, -0.2};
        for (int truth = 0; truth < scores.length; truth++) {
            double[] g = of(new ModifiedHuber(), truth, scores.clone()).getB().toArray();
            for (int k = 0; k < scores.length; k++) {
                double h = 1e-6;
                double[] up = scores.clone();
                double[] down = scores.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (of(new ModifiedHuber(), truth, up).getA() - of(new ModifiedHuber(), truth, down)
                        .getA()) / (2 * h);
                assertEquals(numeric, g[k], 1e-6, "truth " + truth + ", class " + k);
            }
        }
    }

    @Test
    void perceptronUpdatesOnlyOnMistakes() {
        Pair<Double, SGDVector> wrong = of(new Perceptron(), 0, 1.0, 3.0, 2.0);
        assertEquals(1.0 - 3.0, wrong.getA(), 1e-12);
        assertArrayEquals(new double[] {1, -1, 0}, wrong.getB().toArray(), 1e-12);
        Pair<Double, SGDVector> wrongHigh = of(new Perceptron(), 2, 1.0, 3.0, 2.0);
        assertArrayEquals(new double[] {0, -1, 1}, wrongHigh.getB().toArray(), 1e-12);
        Pair<Double, SGDVector> right = of(new Perceptron(), 1, 1.0, 3.0, 2.0);
        assertEquals(0.0, right.getA());
        assertArrayEquals(new double[] {0, 0, 0}, right.getB().toArray(), 0.0);
    }

    /** Why the perceptron is its own objective: Tribuo 4.3.2's hinge with margin 0 never moves the weights. */
    @Test
    void tribuoHingeWithMarginZeroHasAZeroGradientEvenOnMistakes() {
        Pair<Double, SGDVector> r = of(new Hinge(0.0), 0, 1.0, 3.0, 2.0);
        assertArrayEquals(new double[] {0, 0, 0}, r.getB().toArray(), 0.0);
        Pair<Double, SGDVector> margin1 = of(new Hinge(1.0), 0, 1.0, 3.0, 2.0);
        assertArrayEquals(new double[] {1, -1, 0}, margin1.getB().toArray(), 0.0);
    }
}
