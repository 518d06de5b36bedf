package org.cadenza.eval.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.model.classical.Pca;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.CompleteLinkage;
import smile.clustering.linkage.SingleLinkage;
import smile.clustering.linkage.UPGMALinkage;
import smile.clustering.linkage.WardLinkage;
import smile.manifold.TSNE;
import smile.math.MathEx;

/**
 * A map of composers (issue 6, part 6): the composers' anchors clustered hierarchically (Smile's
 * {@link HierarchicalClustering}, {@link MapSettings#linkage()} on the Euclidean distance between unit vectors),
 * the pieces' embeddings projected to two dimensions by PCA ({@link Pca}, Tribuo's eigendecomposition: Smile 2.6's
 * own PCA needs native OpenBLAS) and by t-SNE (Smile's {@link TSNE}, exact, learning rate 200), and figures saying
 * whether the clusters follow the periods ({@link ComposerAgreement}, {@link PieceAgreement}), each beside a
 * baseline of shuffled periods.
 *
 * <p>Every vector is L2-normalised again on the way in, so anchors that are means of unit vectors are accepted.
 * Composers are taken in name order, so the map does not depend on the iteration order of the anchor map. Same
 * settings and data, same map (t-SNE: identical on a machine; its parallel sums may differ in the last digits on a
 * machine with another number of cores).
 */
public final class ComposerMap {

    /** The period shown for a composer the periods table does not know. */
    public static final String UNKNOWN = "unknown";
    /** t-SNE learning rate (Smile's default and van der Maaten's). */
    static final double TSNE_LEARNING_RATE = 200;

    private ComposerMap() {
    }

    /**
     * Everything the map shows.
     *
     * @param settings             the settings it was built with
     * @param composers            the anchors' composers, in name order (anchor id = index)
     * @param composerPeriods      each composer's period, or {@value #UNKNOWN}
     * @param merges               the n - 1 merges of the hierarchical clustering, in order (see {@link Merge})
     * @param leafOrder            composers in the dendrogram's left-to-right order
     * @param pca                  every piece on the first two principal components, in input order
     * @param pcaExplainedVariance the share of the pieces' variance on each of the two components, in [0, 1]
     * @param tsne                 every piece on the t-SNE map, in input order
     * @param tsnePerplexity       the perplexity t-SNE used ({@link MapSettings#perplexityFor(int)})
     * @param composerAgreement    do the composer clusters follow the periods?
     * @param pieceAgreement       do pieces of one period lie together?
     */
    public record Result(MapSettings settings, List<String> composers, List<String> composerPeriods,
                         List<Merge> merges, List<String> leafOrder, List<PiecePoint> pca,
                         double[] pcaExplainedVariance, List<PiecePoint> tsne, double tsnePerplexity,
                         ComposerAgreement composerAgreement, PieceAgreement pieceAgreement) {

        public Result {
            composers = List.copyOf(composers);
            composerPeriods = List.copyOf(composerPeriods);
            merges = List.copyOf(merges);
            leafOrder = List.copyOf(leafOrder);
            pca = List.copyOf(pca);
            pcaExplainedVariance = pcaExplainedVariance.clone();
            tsne = List.copyOf(tsne);
        }

        /** @return a copy of the two components' shares of variance */
        @Override
        public double[] pcaExplainedVariance() {
            return pcaExplainedVariance.clone();
        }

        /** @return the few lines a command prints: sizes, the figures beside their baselines, the verdicts */
        public String summary() {
            ComposerAgreement c = composerAgreement;
            PieceAgreement p = pieceAgreement;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "composer map: %d anchors (%d with a period), %d pieces (%d with a "
                            + "period), %s linkage, seed %d%n", c.anchors(), c.labelledAnchors(), p.pieces(),
                    p.labelledPieces(), settings.linkage().name().toLowerCase(Locale.ROOT), settings.seed()));
            if (c.defined()) {
                sb.append(String.format(Locale.ROOT, "composers cut into %d clusters: adjusted Rand index %.2f "
                                + "(shuffled periods %.2f, p = %.2f), purity %.2f (shuffled %.2f)%n", c.clusters(),
                        c.adjustedRandIndex(), c.shuffledAdjustedRandIndex(), c.adjustedRandIndexPValue(),
                        c.purity(), c.shuffledPurity()));
            }
            if (p.defined()) {
                sb.append(String.format(Locale.ROOT, "pieces: %d-NN period agreement %.2f (shuffled %.2f, most "
                                + "frequent period %.2f); other composers only %s (shuffled %s); silhouette %.2f "
                                + "(shuffled %.2f)%n", p.k(), p.knnAgreement(), p.shuffledKnnAgreement(),
                        p.mostFrequentPeriodShare(), MapReport.figure(p.knnOtherComposers()),
                        MapReport.figure(p.shuffledKnnOtherComposers()), p.silhouette(), p.shuffledSilhouette()));
            }
            sb.append(String.format(Locale.ROOT, "PCA: %.1f %% + %.1f %% of the variance; t-SNE perplexity %.1f%n",
                    100 * pcaExplainedVariance[0], 100 * pcaExplainedVariance[1], tsnePerplexity));
            sb.append("composers: ").append(MapReport.composerVerdict(c)).append(System.lineSeparator());
            sb.append("pieces: ").append(MapReport.pieceVerdict(p)).append(System.lineSeparator());
            return sb.toString();
        }
    }

    /**
     * Builds the map.
     *
     * @param anchors  composer id -&gt; anchor (a unit vector, e.g. the centroid of the composer's piece embeddings);
     *                 at least 2, all of one length (at least 2 values), finite, not all zero
     * @param pieces   the pieces' embeddings, of the anchors' length; at least 2; a piece whose composer has no
     *                 anchor is projected and scored all the same
     * @param periods  composer id -&gt; period (e.g. {@link Periods#builtIn()}); composers it does not know are
     *                 "unknown": plotted in grey and left out of the agreement figures
     * @param settings seed, linkage, t-SNE perplexity and iterations ({@link MapSettings#DEFAULTS})
     * @throws IllegalArgumentException naming what is wrong: fewer than 2 anchors or pieces, vectors of different
     *                                  lengths, non-finite or all-zero vectors
     */
    public static Result build(Map<String, float[]> anchors, List<EmbeddedPiece> pieces, Periods periods,
                               MapSettings settings) {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(settings, "settings");
        if (anchors == null || anchors.size() < 2) {
            throw new IllegalArgumentException("a composer map needs at least 2 anchors (one per composer), got "
                    + (anchors == null ? 0 : anchors.size()));
        }
        TreeMap<String, float[]> sorted = new TreeMap<>();
        anchors.forEach((composer, vector) -> sorted.put(Objects.requireNonNull(composer, "composer id"),
                Objects.requireNonNull(vector, () -> "the anchor of " + composer + " is null")));
        String firstComposer = sorted.firstKey();
        int dim = sorted.firstEntry().getValue().length;
        if (dim < 2) {
            throw new IllegalArgumentException("a composer map needs embeddings of at least 2 values; the anchor of "
                    + firstComposer + " has " + dim);
        }
        List<String> composers = new ArrayList<>(sorted.keySet());
        double[][] anchorRows = new double[composers.size()][];
        for (int i = 0; i < composers.size(); i++) {
            String composer = composers.get(i);
            float[] v = sorted.get(composer);
            if (v.length != dim) {
                throw new IllegalArgumentException("the anchor of " + composer + " has " + v.length + " values, the "
                        + "anchor of " + firstComposer + " has " + dim + ": all anchors and pieces must have the "
                        + "same length");
            }
            anchorRows[i] = unit(v, "the anchor of " + composer);
        }
        if (pieces == null || pieces.size() < 2) {
            throw new IllegalArgumentException("a composer map needs at least 2 piece embeddings to project, got "
                    + (pieces == null ? 0 : pieces.size()));
        }
        double[][] pieceRows = new double[pieces.size()][];
        for (int i = 0; i < pieces.size(); i++) {
            EmbeddedPiece p = pieces.get(i);
            if (p.embedding().length != dim) {
                throw new IllegalArgumentException("piece " + p.piece() + " (composer " + p.composer() + ") has "
                        + p.embedding().length + " values, the anchors have " + dim + ": all anchors and pieces "
                        + "must have the same length");
            }
            pieceRows[i] = unit(p.embedding(), "piece " + p.piece() + " (composer " + p.composer() + ")");
        }
        List<String> composerPeriods = composers.stream().map(c -> periods.periodOf(c).orElse(UNKNOWN)).toList();

        // the dendrogram
        int n = composers.size();
        double[][] anchorDistances = distances(anchorRows, false);
        HierarchicalClustering tree = HierarchicalClustering.fit(linkage(settings.linkage(), anchorDistances));
        int[][] pairs = tree.getTree();
        double[] heights = tree.getHeight();
        int[] sizes = new int[2 * n - 1];
        java.util.Arrays.fill(sizes, 0, n, 1);
        List<Merge> merges = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            sizes[n + i] = sizes[pairs[i][0]] + sizes[pairs[i][1]];
            merges.add(new Merge(pairs[i][0], pairs[i][1], heights[i], sizes[n + i]));
        }
        int[] leafOrder = leafOrder(pairs, n);
        List<String> leafNames = java.util.Arrays.stream(leafOrder).mapToObj(composers::get).toList();
        ComposerAgreement composerAgreement = PeriodAgreement.composers(tree, composers, composerPeriods,
                leafOrder, settings.seed());

        // the pieces
        List<String> piecePeriods = pieces.stream().map(p -> periods.periodOf(p.composer()).orElse(UNKNOWN))
                .toList();
        Pca pca = Pca.fit(java.util.Arrays.asList(pieceRows));
        double[] ratio = pca.explainedVarianceRatio();
        List<PiecePoint> pcaPoints = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            double[] xy = pca.transform(pieceRows[i], 2);
            pcaPoints.add(point(pieces.get(i), piecePeriods.get(i), xy));
        }
        double[][] squared = distances(pieceRows, true);
        double perplexity = settings.perplexityFor(pieces.size());
        MathEx.setSeed(settings.seed()); // the start of t-SNE: N(0, 1e-4) drawn from this thread's generator
        TSNE tsne = new TSNE(squared, 2, perplexity, TSNE_LEARNING_RATE, settings.tsneIterations());
        List<PiecePoint> tsnePoints = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            tsnePoints.add(point(pieces.get(i), piecePeriods.get(i), tsne.coordinates[i]));
        }

        Map<String, Integer> periodIds = new HashMap<>();
        Map<String, Integer> composerIds = new HashMap<>();
        int[] periodOf = new int[pieces.size()];
        int[] composerOf = new int[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            String period = piecePeriods.get(i);
            periodOf[i] = UNKNOWN.equals(period) ? -1 : periodIds.computeIfAbsent(period, x -> periodIds.size());
            composerOf[i] = composerIds.computeIfAbsent(pieces.get(i).composer(), x -> composerIds.size());
        }
        double[][] pieceDistances = new double[squared.length][squared.length];
        for (int i = 0; i < squared.length; i++) {
            for (int j = 0; j < squared.length; j++) {
                pieceDistances[i][j] = Math.sqrt(squared[i][j]);
            }
        }
        PieceAgreement pieceAgreement = PeriodAgreement.pieces(pieceDistances, periodOf, composerOf, settings.seed());
        return new Result(settings, composers, composerPeriods, merges, leafNames, pcaPoints,
                new double[] {ratio[0], ratio[1]}, tsnePoints, perplexity, composerAgreement, pieceAgreement);
    }

    /**
     * Writes the map into {@code dir} (created): {@code dendrogram.png}, {@code pieces-pca.png},
     * {@code pieces-tsne.png}, {@code map.json} and {@code map.md} ({@code docs/COMPOSER_MAP.md} explains them).
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void write(Result result, Path dir) {
        Objects.requireNonNull(result, "result");
        try {
            Files.createDirectories(dir);
            MapPlots.dendrogram(result, dir.resolve("dendrogram.png"));
            MapPlots.pieces(result, result.pca(), MapPlots.Projection.PCA, dir.resolve("pieces-pca.png"));
            MapPlots.pieces(result, result.tsne(), MapPlots.Projection.TSNE, dir.resolve("pieces-tsne.png"));
            MapReport.writeJson(result, dir.resolve("map.json"));
            MapReport.writeMarkdown(result, dir.resolve("map.md"));
        } catch (IOException e) {
            throw new UncheckedIOException("composer map: cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static PiecePoint point(EmbeddedPiece piece, String period, double[] xy) {
        return new PiecePoint(piece.piece(), piece.composer(), period, xy[0], xy[1]);
    }

    /** @return {@code v} as doubles scaled to unit length */
    private static double[] unit(float[] v, String what) {
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " holds " + v[i] + " at index " + i
                        + ": embeddings must be finite");
            }
            norm += (double) v[i] * v[i];
        }
        if (norm == 0) {
            throw new IllegalArgumentException(what + " is all zeros: it has no direction to normalise");
        }
        double scale = 1 / Math.sqrt(norm);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    /** @return Euclidean distances (or their squares) between all rows */
    private static double[][] distances(double[][] rows, boolean squared) {
        int n = rows.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                double[] a = rows[i];
                double[] b = rows[j];
                for (int k = 0; k < a.length; k++) {
                    double t = a[k] - b[k];
                    s += t * t;
                }
                d[i][j] = squared ? s : Math.sqrt(s);
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    private static smile.clustering.linkage.Linkage linkage(Linkage linkage, double[][] distances) {
        return switch (linkage) {
            case AVERAGE -> new UPGMALinkage(distances);
            case COMPLETE -> new CompleteLinkage(distances);
            case SINGLE -> new SingleLinkage(distances);
            case WARD -> new WardLinkage(distances);
        };
    }

    /** @return anchor ids left to right: depth first from the root, the smaller id of each merge first */
    static int[] leafOrder(int[][] pairs, int n) {
        int[] order = new int[n];
        int t = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(2 * n - 2);
        while (!stack.isEmpty()) {
            int id = stack.pop();
            if (id < n) {
                order[t++] = id;
            } else {
                stack.push(pairs[id - n][1]);
                stack.push(pairs[id - n][0]);
            }
        }
        return order;
    }
}
