package org.cadenza.eval.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DensityComparisonTest {

    private static double[] gaussian(int n, double mean, double sd, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * random.nextGaussian();
        }
        return x;
    }

    @Test
    void identicalSamplesOverlapFullyWithNoDivergence() {
        double[] x = gaussian(300, 5, 2, 1);
        DensityComparison c = DensityComparison.of(x, x.clone());
        assertEquals(1.0, c.overlapArea(), 0.005);
        assertEquals(0.0, c.klDivergence(), 1e-6);
        assertEquals(c.bandwidthP(), c.bandwidthQ(), 0);
    }

    @Test
    void bandwidthIsScottsRule() {
        // values 1, 2, 3, 4, 5: sd = sqrt(2.5), h = sd * 5^(-1/5)
        DensityComparison c = DensityComparison.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 3, 4});
        assertEquals(Math.sqrt(2.5) * Math.pow(5, -0.2), c.bandwidthP(), 1e-12);
        assertEquals(1.0 * Math.pow(3, -0.2), c.bandwidthQ(), 1e-12);
    }

    @Test
    void disjointSamplesDoNotOverlapAndDivergeStrongly() {
        DensityComparison c = DensityComparison.of(gaussian(200, 0, 1, 2), gaussian(200, 100, 1, 3));
        assertTrue(c.overlapArea() < 0.001, "OA " + c.overlapArea());
        assertTrue(c.klDivergence() > 15, "KL " + c.klDivergence());
    }

    @Test
    void shiftedGaussiansMatchTheClosedForm() {
        // N(0, 1) against N(1, 1); each KDE is about N(mu, 1 + h^2) with h = n^(-1/5) ~ 0.22:
        // OA = 2 Phi(-0.5 / 1.024) ~ 0.625, KL = 1 / (2 * 1.048) ~ 0.477 nats
        DensityComparison c = DensityComparison.of(gaussian(2000, 0, 1, 4), gaussian(2000, 1, 1, 5));
        assertEquals(0.625, c.overlapArea(), 0.04);
        assertEquals(0.477, c.klDivergence(), 0.08);
    }

    @Test
    void divergenceIsNeverNegative() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] p = gaussian(2 + random.nextInt(30), random.nextDouble() * 3, 0.1 + random.nextDouble(), trial);
            double[] q = gaussian(1 + random.nextInt(30), random.nextDouble() * 3, 0.1 + random.nextDouble(),
                    100 + trial);
            DensityComparison c = DensityComparison.of(p, q);
            assertTrue(c.klDivergence() >= 0, "KL " + c.klDivergence());
            assertTrue(c.overlapArea() >= 0 && c.overlapArea() <= 1, "OA " + c.overlapArea());
        }
    }

    @Test
    void allZeroDistancesAreOnePointMassOverlappingFully() {
        DensityComparison c = DensityComparison.of(new double[] {0, 0, 0}, new double[] {0});
        assertEquals(new DensityComparison(1, 0, 0, 0, 0), c);
    }

    @Test
    void twoDifferentPointMassesAreDisjoint() {
        DensityComparison c = DensityComparison.of(new double[] {0}, new double[] {5, 5});
        assertEquals(5e-3, c.bandwidthP(), 1e-15); // 1/1000 of the pooled range
        assertTrue(c.overlapArea() < 1e-6, "OA " + c.overlapArea());
        assertTrue(c.klDivergence() > 15, "KL " + c.klDivergence());
        assertTrue(Double.isFinite(c.klDivergence()));
    }

    @Test
    void aSampleWithoutSpreadBorrowsTheOtherBandwidth() {
        DensityComparison c = DensityComparison.of(new double[] {3.0}, new double[] {2.9, 3.2});
        assertEquals(c.bandwidthQ(), c.bandwidthP(), 0);
        assertTrue(c.overlapArea() > 0.5, "OA " + c.overlapArea());
    }

    @Test
    void theSamplesAreNotModified() {
        double[] p = {3, 1, 2};
        double[] q = {9, 7, 8};
        DensityComparison.of(p, q);
        assertArrayEquals(new double[] {3, 1, 2}, p);
        assertArrayEquals(new double[] {9, 7, 8}, q);
    }

    @Test
    void badSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DensityComparison.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> DensityComparison.of(new double[] {1, Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> DensityComparison.of(new double[] {1, 2}, new double[] {1}, 10));
    }
}
