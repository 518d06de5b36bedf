package org.cadenza.eval.generation;

import java.util.Arrays;
import java.util.Objects;

import smile.math.MathEx;
import smile.stat.distribution.KernelDensity;

/**
 * MGEval's relative measures for one feature: how the density of a sample {@code Q} (the inter-set distances,
 * generated vs real) sits against the density of a sample {@code P} (the intra-set distances of the real set).
 *
 * <p><b>Densities.</b> Each sample gets a Gaussian kernel density estimate (Smile's {@link KernelDensity}) with
 * Scott's bandwidth {@code h = sd · n^(-1/5)} (sample standard deviation, {@code n - 1} in the denominator): the
 * rule of SciPy's {@code gaussian_kde}, which MGEval uses. Smile sums the kernels within 5 bandwidths of a point.
 * A sample that cannot estimate its own spread (a single value, or all values equal) borrows the other sample's
 * bandwidth; no bandwidth is ever below 1/1,000 of the pooled range of both samples (the floor also serves when
 * both samples are degenerate). When every value of both samples is the same (all distances 0, say) the two
 * densities are the same point mass: the overlap is 1 and the divergence 0, by definition, with bandwidths 0.
 *
 * <p><b>Grid.</b> Both densities are evaluated on one evenly spaced grid from the smallest value minus 6
 * bandwidths to the largest plus 6 (the larger bandwidth), with a step of 1/8 of the smaller bandwidth, at least
 * 1,001 and at most {@code maxGridPoints} points.
 *
 * <p><b>Overlapping area</b> {@code OA = ∫ min(p(x), q(x)) dx}, trapezoidal rule on the grid, clamped to [0, 1]: 1
 * for identical densities, 0 for disjoint ones. (MGEval integrates only between the samples' extreme values, which
 * leaves out the kernels' tails; this grid includes them.)
 *
 * <p><b>Kullback-Leibler divergence</b> {@code KL(P ‖ Q) = Σ p_i ln(p_i / q_i)}, nats, over the grid values of
 * the two densities each normalised to sum 1, as SciPy's {@code entropy(p, q)} in MGEval (which, unlike this
 * class, evaluates the two densities on two different grids). Where {@code Q} has no mass the sum would be
 * infinite: {@code q} is floored at {@value #KL_FLOOR} per grid point (then renormalised), which caps the
 * divergence below {@code ln(1/1e-10) ≈ 23} nats (disjoint densities score about 18-20). 0 for identical
 * densities, never negative.
 * (Smile's {@code MathEx.KullbackLeiblerDivergence} skips the points where {@code q = 0}, which would report disjoint
 * densities as close, so the sum is written here.)
 *
 * @param overlapArea     OA, 0-1
 * @param klDivergence    KL(P ‖ Q), nats, &ge; 0
 * @param bandwidthP      the kernel bandwidth used for P, in the samples' unit (0 when both are one point mass)
 * @param bandwidthQ      the kernel bandwidth used for Q, in the samples' unit
 * @param gridPoints      points of the integration grid (0 when both are one point mass)
 */
public record DensityComparison(double overlapArea, double klDivergence, double bandwidthP, double bandwidthQ,
                                int gridPoints) {

    /** Default and maximum number of grid points. */
    public static final int DEFAULT_MAX_GRID_POINTS = 20_001;
    /** Fewest grid points. */
    public static final int MIN_GRID_POINTS = 1_001;
    /** Floor of the normalised Q mass per grid point in the divergence. */
    public static final double KL_FLOOR = 1e-10;
    private static final double MIN_BANDWIDTH_SHARE_OF_RANGE = 1e-3;
    private static final double GRID_MARGIN_BANDWIDTHS = 6;
    private static final double GRID_STEPS_PER_BANDWIDTH = 8;

    /** Compares with at most {@link #DEFAULT_MAX_GRID_POINTS} grid points. */
    public static DensityComparison of(double[] p, double[] q) {
        return of(p, q, DEFAULT_MAX_GRID_POINTS);
    }

    /**
     * @param p             the reference sample (MGEval: intra-set distances of the real set), at least one finite
     *                      value; not modified
     * @param q             the compared sample (MGEval: inter-set distances), at least one finite value; not
     *                      modified
     * @param maxGridPoints the most grid points, at least {@value #MIN_GRID_POINTS}
     * @throws IllegalArgumentException for an empty sample, a value that is not finite, too few grid points
     */
    public static DensityComparison of(double[] p, double[] q, int maxGridPoints) {
        double[] a = checked(p, "P");
        double[] b = checked(q, "Q");
        if (maxGridPoints < MIN_GRID_POINTS) {
            throw new IllegalArgumentException("DensityComparison: at least " + MIN_GRID_POINTS
                    + " grid points expected, got " + maxGridPoints);
        }
        double lo = Math.min(a[0], b[0]);
        double hi = Math.max(a[a.length - 1], b[b.length - 1]);
        double range = hi - lo;
        if (range == 0) {
            return new DensityComparison(1, 0, 0, 0, 0);
        }
        double floor = MIN_BANDWIDTH_SHARE_OF_RANGE * range;
        double ha = scott(a);
        double hb = scott(b);
        if (ha == 0) {
            ha = hb;
        }
        if (hb == 0) {
            hb = ha;
        }
        ha = Math.max(ha, floor);
        hb = Math.max(hb, floor);
        double margin = GRID_MARGIN_BANDWIDTHS * Math.max(ha, hb);
        double from = lo - margin;
        double to = hi + margin;
        long wanted = (long) Math.ceil((to - from) / (Math.min(ha, hb) / GRID_STEPS_PER_BANDWIDTH)) + 1;
        int points = (int) Math.max(MIN_GRID_POINTS, Math.min(maxGridPoints, wanted));
        double step = (to - from) / (points - 1);

        // Smile sorts the sample it is given: both are copies already.
        KernelDensity da = new KernelDensity(a.length == 1 ? new double[] {a[0], a[0]} : a, ha);
        KernelDensity db = new KernelDensity(b.length == 1 ? new double[] {b[0], b[0]} : b, hb);
        double[] pa = new double[points];
        double[] pb = new double[points];
        double overlap = 0;
        for (int i = 0; i < points; i++) {
            double x = from + i * step;
            pa[i] = da.p(x);
            pb[i] = db.p(x);
            double weight = i == 0 || i == points - 1 ? 0.5 : 1;
            overlap += weight * Math.min(pa[i], pb[i]) * step;
        }
        return new DensityComparison(Math.max(0, Math.min(1, overlap)), klDivergence(pa, pb), ha, hb, points);
    }

    /**
     * {@code KL(P ‖ Q)} in nats between two densities given on the same grid: each normalised to sum 1, Q floored
     * at {@value #KL_FLOOR} per point and renormalised.
     */
    static double klDivergence(double[] p, double[] q) {
        double sumP = Arrays.stream(p).sum();
        double sumQ = Arrays.stream(q).sum();
        double kl = 0;
        double norm = 1 + KL_FLOOR * q.length;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sumP;
            if (pi > 0) {
                double qi = (q[i] / sumQ + KL_FLOOR) / norm;
                kl += pi * Math.log(pi / qi);
            }
        }
        return Math.max(0, kl);
    }

    /** Scott's rule; 0 for a single value or no spread. */
    private static double scott(double[] sorted) {
        if (sorted.length < 2 || sorted[0] == sorted[sorted.length - 1]) {
            return 0;
        }
        double sd = MathEx.sd(sorted);
        // Smile's one-pass variance can round below 0 for values that barely differ: no spread then.
        return sd > 0 ? sd * Math.pow(sorted.length, -0.2) : 0;
    }

    private static double[] checked(double[] sample, String name) {
        Objects.requireNonNull(sample, name);
        if (sample.length == 0) {
            throw new IllegalArgumentException("DensityComparison: sample " + name + " is empty; at least one value "
                    + "is needed for a density");
        }
        double[] copy = sample.clone();
        for (double v : copy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("DensityComparison: sample " + name + " holds " + v
                        + "; finite values expected");
            }
        }
        Arrays.sort(copy);
        return copy;
    }
}
