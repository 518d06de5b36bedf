package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * Three independent columns with population variances exactly 9, 4 and 1: 3, 2 and 1 times three mutually
     * orthogonal, zero-mean +-1 columns of a Hadamard matrix (8 rows), then rotated by a fixed orthogonal matrix
     * so that the components are not the axes.
     */
    private static List<double[]> knownVariance() {
        int[][] hadamard = {{1, 1, 1, 1, 1, 1, 1, 1}, {1, -1, 1, -1, 1, -1, 1, -1}, {1, 1, -1, -1, 1, 1, -1, -1},
            {1, -1, -1, 1, 1, -1, -1, 1}};
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] rotation = {{c, -s, 0}, {s * 0.6, c * 0.6, 0.8}, {-s * 0.8, -c * 0.8, 0.6}};
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            double[] x = {3 * hadamard[1][r] + 10, 2 * hadamard[2][r] - 5, hadamard[3][r] + 1};
            double[] y = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    y[i] += rotation[i][j] * x[j];
                }
            }
            rows.add(y);
        }
        return rows;
    }

    @Test
    void explainedVarianceOfIndependentColumnsWithVariances941() {
        Pca pca = Pca.fit(knownVariance());
        assertArrayEquals(new double[] {9 / 14.0, 4 / 14.0, 1 / 14.0}, pca.explainedVarianceRatio(), 1e-9);
        assertEquals(1, pca.componentsFor(0.5));
        assertEquals(2, pca.componentsFor(0.75));
        assertEquals(2, pca.componentsFor(13 / 14.0));
        assertEquals(3, pca.componentsFor(0.95));
        assertEquals(3, pca.componentsFor(1.0));
    }

    @Test
    void transformedColumnsAreUncorrelatedWithTheComponentVariancesAndKeepDistances() {
        List<double[]> rows = knownVariance();
        Pca pca = Pca.fit(rows);
        List<double[]> z = rows.stream().map(r -> pca.transform(r, 3)).toList();
        double[] expectedVariance = {9 * 8 / 7.0, 4 * 8 / 7.0, 8 / 7.0}; // sample variances (n - 1 = 7)
        for (int a = 0; a < 3; a++) {
            final int i = a;
            assertEquals(0, z.stream().mapToDouble(v -> v[i]).sum() / 8, 1e-9, "projection " + a + " is centred");
            for (int b = 0; b < 3; b++) {
                final int j = b;
                double dot = z.stream().mapToDouble(v -> v[i] * v[j]).sum() / 7;
                assertEquals(a == b ? expectedVariance[a] : 0, dot, 1e-9, "covariance of components " + a + ", " + b);
            }
        }
        // all components: a rotation, so distances between rows are kept
        for (int r = 1; r < rows.size(); r++) {
            assertEquals(distance(rows.get(0), rows.get(r)), distance(z.get(0), z.get(r)), 1e-9);
        }
        assertEquals(2, pca.transform(rows.get(0), 2).length);
    }

    @Test
    void componentsAreUnitVectorsAndOrthogonal() {
        double[][] v = Pca.fit(knownVariance()).components();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = 0;
                for (int f = 0; f < 3; f++) {
                    dot += v[a][f] * v[b][f];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-9);
            }
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pca.fit(List.of(new double[] {1, 2})))
                .getMessage().contains("at least two rows"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(List.of(new double[] {1, 2}, new double[] {1}))).getMessage().contains("row 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(List.of(new double[] {1, 2}, new double[] {1, Double.NaN}))).getMessage()
                .contains("NaN"));
        Pca pca = Pca.fit(knownVariance());
        assertThrows(IllegalArgumentException.class, () -> pca.componentsFor(0));
        assertThrows(IllegalArgumentException.class, () -> pca.componentsFor(1.5));
        assertThrows(IllegalArgumentException.class, () -> pca.transform(new double[] {1, 2, 3}, 4));
        assertThrows(IllegalArgumentException.class, () -> pca.transform(new double[] {1, 2}, 1));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
