package org.cadenza.model.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;
import java.util.Objects;

/**
 * The triplet loss {@code mean over triplets of max(0, d(a, p) - d(a, n) + margin)} with Euclidean distances
 * (Schroff et al. 2015; on L2-normalised embeddings distances lie in [0, 2]). Two forms: on a float matrix of
 * distances (to test and to monitor) and on the network's output (differentiable, for training).
 */
public final class TripletLoss {

    /** Added under the square root so that the gradient of a zero distance stays finite. */
    static final float EPSILON = 1e-12f;

    private TripletLoss() {
    }

    /**
     * @param distances {@code [n][n]} pairwise distances
     * @param triplets  batch positions, at least one
     * @param margin    the margin, &ge; 0 (distance units)
     * @return the mean hinge over the triplets
     */
    public static double value(float[][] distances, List<Triplet> triplets, double margin) {
        return value(distances, triplets, margin, MarginKind.HINGE);
    }

    /** {@link #value(float[][], List, double)} with the hinge or the soft margin. */
    public static double value(float[][] distances, List<Triplet> triplets, double margin, MarginKind kind) {
        checkMargin(margin);
        if (triplets.isEmpty()) {
            throw new IllegalArgumentException("no triplets: the batch needs two items of a class and one of another");
        }
        double sum = 0;
        for (Triplet t : triplets) {
            double x = distances[t.anchor()][t.positive()] - distances[t.anchor()][t.negative()];
            sum += kind == MarginKind.SOFT ? Math.log1p(Math.exp(x)) : Math.max(0, x + margin);
        }
        return sum / triplets.size();
    }

    /** @return the fraction of triplets with a positive hinge (those that still teach the network something) */
    public static double activeFraction(float[][] distances, List<Triplet> triplets, double margin) {
        if (triplets.isEmpty()) {
            return 0;
        }
        int active = 0;
        for (Triplet t : triplets) {
            if (distances[t.anchor()][t.positive()] - distances[t.anchor()][t.negative()] + margin > 0) {
                active++;
            }
        }
        return active / (double) triplets.size();
    }

    /**
     * The loss on embeddings, differentiable with respect to them. The triplets pick rows through one-hot selection
     * matrices, so that gradients reach every row used.
     *
     * @param embeddings {@code (n, dim)}
     * @param triplets   batch positions, at least one
     * @param margin     the margin, &ge; 0
     * @return a scalar
     */
    public static NDArray loss(NDArray embeddings, List<Triplet> triplets, double margin) {
        return loss(embeddings, triplets, margin, MarginKind.HINGE);
    }

    /**
     * The hinge loss or, with {@link MarginKind#SOFT}, the soft-margin loss {@code mean log(1 + exp(d(a,p) - d(a,n)))}
     * (Hermans et al. 2017), which keeps pulling satisfied triplets apart and has no margin to set.
     *
     * @param margin the hinge's margin (ignored by the soft margin), &ge; 0
     */
    public static NDArray loss(NDArray embeddings, List<Triplet> triplets, double margin, MarginKind kind) {
        Objects.requireNonNull(embeddings, "embeddings");
        checkMargin(margin);
        if (triplets.isEmpty()) {
            throw new IllegalArgumentException("no triplets: the batch needs two items of a class and one of another");
        }
        int n = Math.toIntExact(embeddings.getShape().get(0));
        int t = triplets.size();
        float[] a = new float[t * n];
        float[] p = new float[t * n];
        float[] q = new float[t * n];
        for (int i = 0; i < t; i++) {
            Triplet tr = triplets.get(i);
            if (tr.anchor() >= n || tr.positive() >= n || tr.negative() >= n) {
                throw new IllegalArgumentException("triplet " + tr + " outside a batch of " + n);
            }
            a[i * n + tr.anchor()] = 1;
            p[i * n + tr.positive()] = 1;
            q[i * n + tr.negative()] = 1;
        }
        NDManager m = embeddings.getManager();
        Shape shape = new Shape(t, n);
        NDArray ea = m.create(a, shape).matMul(embeddings);
        NDArray ep = m.create(p, shape).matMul(embeddings);
        NDArray en = m.create(q, shape).matMul(embeddings);
        NDArray dap = ea.sub(ep).square().sum(new int[] {1}).add(EPSILON).sqrt();
        NDArray dan = ea.sub(en).square().sum(new int[] {1}).add(EPSILON).sqrt();
        return kind == MarginKind.SOFT ? ai.djl.nn.Activation.softPlus(dap.sub(dan)).mean()
                : dap.sub(dan).add((float) margin).maximum(0f).mean();
    }

    private static void checkMargin(double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("the margin must be a finite number >= 0, got " + margin);
        }
    }
}
