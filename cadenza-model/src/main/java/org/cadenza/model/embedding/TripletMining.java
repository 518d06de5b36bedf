package org.cadenza.model.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Online triplet mining: picks the triplets of a batch from the pairwise distances of its embeddings. Pure Java, so
 * that the choice can be tested on hand-built distances; the loss itself is computed on the network's output by
 * {@link TripletLoss}. Ties go to the lowest batch position.
 */
public final class TripletMining {

    private TripletMining() {
    }

    /**
     * @param distances {@code [n][n]} pairwise distances of the batch's embeddings (symmetric, zero diagonal)
     * @param labels    class of each batch item, length {@code n}
     * @param mining    how to choose
     * @return the triplets, in anchor order; anchors without a positive or without a negative in the batch give none
     */
    public static List<Triplet> mine(float[][] distances, int[] labels, Mining mining) {
        Objects.requireNonNull(mining, "mining");
        check(distances, labels);
        return switch (mining) {
            case BATCH_HARD -> batchHard(distances, labels);
            case SEMI_HARD -> semiHard(distances, labels);
        };
    }

    /** For each anchor: the farthest positive and the nearest negative. */
    static List<Triplet> batchHard(float[][] d, int[] labels) {
        List<Triplet> out = new ArrayList<>();
        int n = labels.length;
        for (int a = 0; a < n; a++) {
            int p = -1;
            int neg = -1;
            for (int j = 0; j < n; j++) {
                if (j == a) {
                    continue;
                }
                if (labels[j] == labels[a]) {
                    if (p < 0 || d[a][j] > d[a][p]) {
                        p = j;
                    }
                } else if (neg < 0 || d[a][j] < d[a][neg]) {
                    neg = j;
                }
            }
            if (p >= 0 && neg >= 0) {
                out.add(new Triplet(a, p, neg));
            }
        }
        return out;
    }

    /**
     * For each anchor-positive pair: the nearest negative farther than the positive (semi-hard when within the
     * margin, otherwise easy and contributing no loss); when every negative is at most as far as the positive, the
     * farthest negative (the least hard of the hard ones), as TensorFlow Addons' {@code triplet_semihard_loss} does.
     */
    static List<Triplet> semiHard(float[][] d, int[] labels) {
        List<Triplet> out = new ArrayList<>();
        int n = labels.length;
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                if (p == a || labels[p] != labels[a]) {
                    continue;
                }
                int beyond = -1;
                int farthest = -1;
                for (int j = 0; j < n; j++) {
                    if (labels[j] == labels[a]) {
                        continue;
                    }
                    if (d[a][j] > d[a][p] && (beyond < 0 || d[a][j] < d[a][beyond])) {
                        beyond = j;
                    }
                    if (farthest < 0 || d[a][j] > d[a][farthest]) {
                        farthest = j;
                    }
                }
                if (farthest >= 0) {
                    out.add(new Triplet(a, p, beyond >= 0 ? beyond : farthest));
                }
            }
        }
        return out;
    }

    /**
     * Euclidean distances between rows.
     *
     * @param embeddings {@code [n][dim]}
     * @return {@code [n][n]}, symmetric, zero diagonal
     */
    public static float[][] distances(float[][] embeddings) {
        int n = embeddings.length;
        float[][] d = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = (float) Anchors.distance(embeddings[i], embeddings[j]);
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    private static void check(float[][] d, int[] labels) {
        Objects.requireNonNull(d, "distances");
        Objects.requireNonNull(labels, "labels");
        if (d.length != labels.length) {
            throw new IllegalArgumentException(d.length + " rows of distances for " + labels.length + " labels");
        }
        for (int i = 0; i < d.length; i++) {
            if (d[i].length != labels.length) {
                throw new IllegalArgumentException("distance row " + i + " has " + d[i].length + " values, expected "
                        + labels.length);
            }
        }
    }
}
