package org.cadenza.eval.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramDistanceTest {

    private static final double EPS = 1e-12;

    @Test
    void identicalHistogramsAreAtZero() {
        assertEquals(0, HistogramDistance.jensenShannon(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5}),
                EPS);
    }

    @Test
    void histogramsWithNoBinInCommonAreAtOneBit() {
        assertEquals(1, HistogramDistance.jensenShannon(new double[] {1, 0}, new double[] {0, 1}), EPS);
    }

    @Test
    void halfOverlapByHand() {
        // p = (1/2, 1/2), q = (1, 0), m = (3/4, 1/4)
        // KL(p||m) = 1/2 log2(2/3) + 1/2 log2(2) ; KL(q||m) = log2(4/3)
        // JS = (KL(p||m) + KL(q||m)) / 2 = 0.311278...
        double byHand = 0.5 * (0.5 * log2(2.0 / 3) + 0.5 * 1 + log2(4.0 / 3));
        assertEquals(0.3112781244591328, byHand, 1e-15);
        assertEquals(byHand, HistogramDistance.jensenShannon(new double[] {0.5, 0.5}, new double[] {1, 0}), EPS);
        // counts are normalised first, and the divergence is symmetric
        assertEquals(byHand, HistogramDistance.jensenShannon(new double[] {3, 0}, new double[] {2, 2}), EPS);
    }

    @Test
    void emptyHistogramsHaveDocumentedDistances() {
        assertEquals(0, HistogramDistance.jensenShannon(new double[3], new double[3]), EPS);
        assertEquals(1, HistogramDistance.jensenShannon(new double[3], new double[] {0, 1, 0}), EPS);
    }

    @Test
    void badHistogramsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> HistogramDistance.jensenShannon(new double[] {1}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> HistogramDistance.jensenShannon(new double[] {-1, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> HistogramDistance.jensenShannon(new double[] {Double.NaN, 2}, new double[] {1, 0}));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
