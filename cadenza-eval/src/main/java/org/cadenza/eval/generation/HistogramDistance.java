package org.cadenza.eval.generation;

import java.util.Objects;

import smile.math.MathEx;

/** Distances between two histograms over the same bins. */
public final class HistogramDistance {

    private static final double LN2 = Math.log(2);

    private HistogramDistance() {
    }

    /**
     * The Jensen-Shannon divergence in bits: {@code JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m)} with
     * {@code m = (p + q) / 2}, base-2 logarithms, so 0 for identical histograms and 1 for histograms with no bin
     * in common. Symmetric and always finite (Smile's {@code MathEx.JensenShannonDivergence}, converted from nats).
     *
     * <p>Each histogram is normalised to sum 1 first. An empty histogram (all zeros: no event of that kind, such
     * as the intervals of a piece with one onset) has no distribution: two empty histograms are at 0, an empty
     * and a non-empty one at 1 (nothing in common).
     *
     * @param p counts or shares, non-negative, finite
     * @param q counts or shares over the same bins
     * @return 0-1, bits
     * @throws IllegalArgumentException for different lengths, no bins, negative or non-finite values
     */
    public static double jensenShannon(double[] p, double[] q) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        if (p.length != q.length || p.length == 0) {
            throw new IllegalArgumentException("jensenShannon: two histograms over the same bins expected, got "
                    + p.length + " and " + q.length + " bins");
        }
        double sp = total(p, "p");
        double sq = total(q, "q");
        if (sp == 0 || sq == 0) {
            return sp == sq ? 0 : 1;
        }
        double[] a = new double[p.length];
        double[] b = new double[q.length];
        for (int i = 0; i < p.length; i++) {
            a[i] = p[i] / sp;
            b[i] = q[i] / sq;
        }
        return Math.max(0, Math.min(1, MathEx.JensenShannonDivergence(a, b) / LN2));
    }

    private static double total(double[] h, String name) {
        double sum = 0;
        for (int i = 0; i < h.length; i++) {
            if (!(h[i] >= 0) || Double.isInfinite(h[i])) {
                throw new IllegalArgumentException("jensenShannon: histogram " + name + " bin " + i + " is " + h[i]
                        + "; non-negative finite values expected");
            }
            sum += h[i];
        }
        return sum;
    }
}
