package org.cadenza.eval.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import smile.clustering.HierarchicalClustering;
import smile.validation.metric.AdjustedRandIndex;

/**
 * The agreement figures of {@link ComposerAgreement} and {@link PieceAgreement}. The adjusted Rand index is Smile's;
 * purity, the silhouette and the leave-one-out k-nearest-neighbour vote are computed here because the kNN must be
 * able to skip neighbours by the same composer (Smile's {@code KNN} cannot) and neither Smile 2.6 nor Tribuo has a
 * silhouette; each is a few lines of its textbook definition.
 */
final class PeriodAgreement {

    /** Neighbours asked by the piece-level vote. */
    static final int K = 5;
    /** Shuffles behind every baseline. */
    static final int PERMUTATIONS = 100;

    private PeriodAgreement() {
    }

    /**
     * @param tree      the clustering of {@code n} anchors
     * @param composers anchor names, index = anchor id
     * @param periods   per anchor, its period or {@link ComposerMap#UNKNOWN}
     * @param leafOrder anchor ids in dendrogram order
     */
    static ComposerAgreement composers(HierarchicalClustering tree, List<String> composers, List<String> periods,
                                       int[] leafOrder, long seed) {
        int n = composers.size();
        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!ComposerMap.UNKNOWN.equals(periods.get(i))) {
                labelled.add(i);
            }
        }
        int k = (int) labelled.stream().map(periods::get).distinct().count();
        if (k < 2 || labelled.size() < 3) {
            return new ComposerAgreement(n, labelled.size(), k, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, PERMUTATIONS, List.of());
        }
        int[] cut = tree.partition(k);
        // clusters numbered left to right along the dendrogram
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        for (int leaf : leafOrder) {
            renumber.putIfAbsent(cut[leaf], renumber.size());
        }
        List<List<String>> members = new ArrayList<>();
        for (int c = 0; c < renumber.size(); c++) {
            members.add(new ArrayList<>());
        }
        for (int leaf : leafOrder) {
            members.get(renumber.get(cut[leaf])).add(composers.get(leaf));
        }
        int m = labelled.size();
        int[] clusters = new int[m];
        int[] truth = new int[m];
        Map<String, Integer> periodIds = new HashMap<>();
        for (int j = 0; j < m; j++) {
            int anchor = labelled.get(j);
            clusters[j] = renumber.get(cut[anchor]);
            truth[j] = periodIds.computeIfAbsent(periods.get(anchor), p -> periodIds.size());
        }
        double ari = adjustedRandIndex(truth, clusters);
        double purity = purity(clusters, truth);
        Shuffled shuffledAri = new Shuffled(ari, shuffled -> adjustedRandIndex(shuffled, clusters));
        Shuffled shuffledPurity = new Shuffled(purity, shuffled -> purity(clusters, shuffled));
        permute(truth, new Random(seed), shuffledAri, shuffledPurity);
        return new ComposerAgreement(n, m, k, ari, purity, shuffledAri.mean(), shuffledPurity.mean(),
                shuffledAri.pValue(), PERMUTATIONS, members);
    }

    /**
     * Smile's adjusted Rand index, with the one case its formula leaves at 0/0 (both partitions all singletons or
     * both one cluster) answered 1 as scikit-learn does.
     */
    static double adjustedRandIndex(int[] truth, int[] clusters) {
        double ari = AdjustedRandIndex.of(truth, clusters);
        if (Double.isNaN(ari)) {
            return samePartition(truth, clusters) ? 1.0 : 0.0;
        }
        return ari;
    }

    private static boolean samePartition(int[] a, int[] b) {
        Map<Integer, Integer> ab = new HashMap<>();
        Map<Integer, Integer> ba = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Integer x = ab.putIfAbsent(a[i], b[i]);
            Integer y = ba.putIfAbsent(b[i], a[i]);
            if ((x != null && x.intValue() != b[i]) || (y != null && y.intValue() != a[i])) {
                return false;
            }
        }
        return true;
    }

    /** Share of items whose label is the most common label of their cluster; labels and clusters are 0-based. */
    static double purity(int[] clusters, int[] labels) {
        Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            counts.computeIfAbsent(clusters[i], c -> new HashMap<>()).merge(labels[i], 1, Integer::sum);
        }
        int sum = 0;
        for (Map<Integer, Integer> c : counts.values()) {
            sum += Collections.max(c.values());
        }
        return (double) sum / clusters.length;
    }

    /**
     * @param distances Euclidean distances between all pieces
     * @param periods   per piece, a period id (0-based) or -1 when unknown
     * @param composers per piece, a composer id (0-based)
     */
    static PieceAgreement pieces(double[][] distances, int[] periods, int[] composers, long seed) {
        int n = periods.length;
        int[] labelled = IntStream.range(0, n).filter(i -> periods[i] >= 0).toArray();
        int m = labelled.length;
        int[] labels = new int[m];
        int[] owners = new int[m];
        for (int j = 0; j < m; j++) {
            labels[j] = periods[labelled[j]];
            owners[j] = composers[labelled[j]];
        }
        long distinct = Arrays.stream(labels).distinct().count();
        if (distinct < 2 || m < 3) {
            return new PieceAgreement(n, m, Math.min(K, Math.max(0, m - 1)), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, PERMUTATIONS);
        }
        double[][] d = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                d[a][b] = distances[labelled[a]][labelled[b]];
            }
        }
        int k = Math.min(K, m - 1);
        int[][] nearest = new int[m][];
        int[][] nearestOther = new int[m][];
        int scoredOther = 0;
        for (int a = 0; a < m; a++) {
            final int self = a;
            Integer[] order = new Integer[m - 1];
            for (int b = 0, t = 0; b < m; b++) {
                if (b != a) {
                    order[t++] = b;
                }
            }
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(d[self][x], d[self][y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            nearest[a] = new int[k];
            for (int t = 0; t < k; t++) {
                nearest[a][t] = order[t];
            }
            nearestOther[a] = Arrays.stream(order).filter(b -> owners[b] != owners[self]).limit(k)
                    .mapToInt(Integer::intValue).toArray();
            if (nearestOther[a].length > 0) {
                scoredOther++;
            }
        }
        double knn = knnAgreement(nearest, labels);
        double knnOther = knnAgreement(nearestOther, labels);
        double silhouette = silhouette(d, labels);
        int[] counts = new int[Arrays.stream(labels).max().orElse(0) + 1];
        for (int label : labels) {
            counts[label]++;
        }
        double mostFrequent = (double) Arrays.stream(counts).max().orElse(0) / m;

        Random random = new Random(seed);
        Shuffled shuffledKnn = new Shuffled(knn, shuffled -> knnAgreement(nearest, shuffled));
        Shuffled shuffledSilhouette = new Shuffled(silhouette, shuffled -> silhouette(d, shuffled));
        permute(labels, random, shuffledKnn, shuffledSilhouette);
        // periods shuffled among composers: each labelled composer keeps one period, drawn from the others'
        List<Integer> owningComposers = Arrays.stream(owners).distinct().sorted().boxed().toList();
        Map<Integer, Integer> periodOfComposer = new HashMap<>();
        for (int j = 0; j < m; j++) {
            periodOfComposer.putIfAbsent(owners[j], labels[j]);
        }
        int[] composerPeriods = owningComposers.stream().mapToInt(periodOfComposer::get).toArray();
        Shuffled shuffledOther = new Shuffled(knnOther, drawnLabels -> knnAgreement(nearestOther, drawnLabels));
        int[] relabelled = new int[m];
        for (int p = 0; p < PERMUTATIONS; p++) {
            shuffle(composerPeriods, random);
            Map<Integer, Integer> drawn = new HashMap<>();
            for (int c = 0; c < composerPeriods.length; c++) {
                drawn.put(owningComposers.get(c), composerPeriods[c]);
            }
            for (int j = 0; j < m; j++) {
                relabelled[j] = drawn.get(owners[j]);
            }
            shuffledOther.score(relabelled);
        }
        return new PieceAgreement(n, m, k, knn, shuffledKnn.mean(), shuffledKnn.pValue(),
                mostFrequent, knnOther, scoredOther == 0 ? Double.NaN : shuffledOther.mean(),
                scoredOther == 0 ? Double.NaN : shuffledOther.pValue(), scoredOther,
                silhouette, shuffledSilhouette.mean(), PERMUTATIONS);
    }

    /**
     * Leave-one-out kNN agreement: the share of items (among those with at least one neighbour) whose neighbours'
     * majority label is their own; a tie goes to the tied label met first in the neighbour list (the nearest).
     *
     * @param neighbours per item, its neighbours nearest first (the item itself excluded)
     * @return NaN when no item has a neighbour
     */
    static double knnAgreement(int[][] neighbours, int[] labels) {
        int scored = 0;
        int agree = 0;
        Map<Integer, Integer> votes = new HashMap<>();
        for (int i = 0; i < neighbours.length; i++) {
            int[] nb = neighbours[i];
            if (nb.length == 0) {
                continue;
            }
            votes.clear();
            int best = -1;
            int bestVotes = 0;
            for (int j : nb) {
                votes.merge(labels[j], 1, Integer::sum);
            }
            for (int j : nb) { // nearest first: the first label reaching the top count wins a tie
                int v = votes.get(labels[j]);
                if (v > bestVotes) {
                    bestVotes = v;
                    best = labels[j];
                }
            }
            scored++;
            if (best == labels[i]) {
                agree++;
            }
        }
        return scored == 0 ? Double.NaN : (double) agree / scored;
    }

    /**
     * Mean silhouette: for item i, a = mean distance to the other items of its label, b = the smallest mean distance
     * to the items of another label, s = (b - a) / max(a, b); an item alone in its label counts 0.
     *
     * @param d      symmetric distances, zero diagonal
     * @param labels 0-based labels, at least two distinct
     */
    static double silhouette(double[][] d, int[] labels) {
        int m = labels.length;
        int numLabels = Arrays.stream(labels).max().orElse(0) + 1;
        int[] sizes = new int[numLabels];
        for (int label : labels) {
            sizes[label]++;
        }
        double total = 0;
        double[] sums = new double[numLabels];
        for (int i = 0; i < m; i++) {
            Arrays.fill(sums, 0);
            double[] row = d[i];
            for (int j = 0; j < m; j++) {
                sums[labels[j]] += row[j];
            }
            int own = labels[i];
            if (sizes[own] < 2) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < numLabels; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double max = Math.max(a, b);
            total += max > 0 ? (b - a) / max : 0;
        }
        return total / m;
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * {@value #PERMUTATIONS} shuffles of a copy of {@code labels}, drawn with {@code random}, each scored by every one
     * of {@code statistics}.
     */
    private static void permute(int[] labels, Random random, Shuffled... statistics) {
        int[] shuffled = labels.clone();
        for (int p = 0; p < PERMUTATIONS; p++) {
            shuffle(shuffled, random);
            for (Shuffled s : statistics) {
                s.score(shuffled);
            }
        }
    }

    /**
     * A statistic over {@link #PERMUTATIONS} shufflings of the labels, beside its observed value: the mean, and the
     * permutation p-value {@code (1 + #{shuffled >= observed}) / (1 + shufflings)} (ties within 1e-12 count).
     */
    private static final class Shuffled {
        private final double observed;
        private final ToDoubleFunction<int[]> statistic;
        private double sum;
        private int atLeast;
        private int count;

        /** @param statistic the statistic of a labelling */
        Shuffled(double observed, ToDoubleFunction<int[]> statistic) {
            this.observed = observed;
            this.statistic = statistic;
        }

        /** Adds the statistic of a shuffled labelling. */
        void score(int[] shuffled) {
            double value = statistic.applyAsDouble(shuffled);
            sum += value;
            count++;
            if (value >= observed - 1e-12) {
                atLeast++;
            }
        }

        double mean() {
            return sum / count;
        }

        double pValue() {
            return (1.0 + atLeast) / (1.0 + count);
        }
    }
}
