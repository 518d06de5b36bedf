package org.cadenza.model.train;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecAugmentTest {

    private static float[] ramp(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = -i - 1;
        }
        return w;
    }

    @Test
    void rowMaskSetsExactlyTheBandInEveryChannel() {
        int c = 2;
        int m = 4;
        int f = 5;
        float[] w = ramp(c * m * f);
        SpecAugment.maskRows(w, c, m, f, 1, 2, 7f);
        for (int ch = 0; ch < c; ch++) {
            for (int row = 0; row < m; row++) {
                for (int t = 0; t < f; t++) {
                    int i = (ch * m + row) * f + t;
                    float expected = row == 1 || row == 2 ? 7f : -i - 1;
                    assertEquals(expected, w[i], "channel " + ch + " row " + row + " frame " + t);
                }
            }
        }
    }

    @Test
    void frameMaskSetsExactlyTheColumns() {
        int m = 3;
        int f = 6;
        float[] w = ramp(m * f);
        SpecAugment.maskFrames(w, 1, m, f, 4, 2, 0f);
        for (int row = 0; row < m; row++) {
            for (int t = 0; t < f; t++) {
                int i = row * f + t;
                assertEquals(t >= 4 ? 0f : -i - 1, w[i], "row " + row + " frame " + t);
            }
        }
    }

    @Test
    void applyFillsWithTheMeanAndOnlyFullRowsOrColumns() {
        int m = 16;
        int f = 20;
        float[] original = ramp(m * f);
        double mean = 0;
        for (float v : original) {
            mean += v;
        }
        float fill = (float) (mean / original.length);
        float[] w = original.clone();
        new SpecAugment(1, 4, 0, 0).apply(w, 1, m, f, new Random(3));
        int maskedRows = 0;
        for (int row = 0; row < m; row++) {
            int changed = 0;
            for (int t = 0; t < f; t++) {
                if (w[row * f + t] != original[row * f + t]) {
                    assertEquals(fill, w[row * f + t], 1e-4);
                    changed++;
                }
            }
            assertTrue(changed == 0 || changed == f, "row " + row + " partly masked: " + changed);
            maskedRows += changed == f ? 1 : 0;
        }
        assertTrue(maskedRows <= 4, "at most 4 rows, got " + maskedRows);
        float[] same = original.clone();
        SpecAugment.NONE.apply(same, 1, m, f, new Random(3));
        assertEquals(java.util.Arrays.toString(original), java.util.Arrays.toString(same));
    }

    @Test
    void sameRngSameMasks() {
        float[] a = ramp(32 * 40);
        float[] b = ramp(32 * 40);
        SpecAugment.DEFAULT.apply(a, 1, 32, 40, new Random(9));
        SpecAugment.DEFAULT.apply(b, 1, 32, 40, new Random(9));
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }
}
