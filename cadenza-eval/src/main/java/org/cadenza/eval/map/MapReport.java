package org.cadenza.eval.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code map.json} (Jackson) and {@code map.md}, and the verdicts in words shared with {@link ComposerMap.Result#summary()}. */
final class MapReport {

    /** A p-value at or below this says "better than chance". */
    static final double SIGNIFICANCE = 0.05;

    private MapReport() {
    }

    /** @return {@code v} with two decimals, or "n/a" for NaN */
    static String figure(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** @return one sentence: do the composer clusters follow the periods, with the figures that say so */
    static String composerVerdict(ComposerAgreement c) {
        if (!c.defined()) {
            return "cannot say: the agreement needs at least two periods and three anchors with a known period ("
                    + c.labelledAnchors() + " anchors with a period, " + c.clusters() + " periods)";
        }
        String figures = String.format(Locale.ROOT, "adjusted Rand index %.2f against %.2f for shuffled periods, "
                + "p = %.2f over %d shuffles", c.adjustedRandIndex(), c.shuffledAdjustedRandIndex(),
                c.adjustedRandIndexPValue(), c.permutations());
        if (c.adjustedRandIndexPValue() <= SIGNIFICANCE && c.adjustedRandIndex() > c.shuffledAdjustedRandIndex()) {
            return "the clusters follow the periods " + strength(c.adjustedRandIndex()) + ", better than chance ("
                    + figures + ")";
        }
        return "the clusters do not follow the periods more than chance would (" + figures + ")";
    }

    /** @return one sentence: do pieces of one period lie together, beyond their composer */
    static String pieceVerdict(PieceAgreement p) {
        if (!p.defined()) {
            return "cannot say: the agreement needs at least two periods and three pieces with a known period";
        }
        String all = String.format(Locale.ROOT, "%d-NN agreement %.2f against %.2f shuffled, p = %.2f", p.k(),
                p.knnAgreement(), p.shuffledKnnAgreement(), p.knnPValue());
        if (Double.isNaN(p.knnOtherComposers())) {
            return (p.knnPValue() <= SIGNIFICANCE ? "a piece's neighbours share its period more than chance ("
                    : "a piece's neighbours share its period no more than chance (") + all
                    + "); with a single composer per period, composers and periods cannot be told apart";
        }
        String other = String.format(Locale.ROOT, "%.2f against %.2f with periods shuffled among composers, "
                + "p = %.2f", p.knnOtherComposers(), p.shuffledKnnOtherComposers(), p.knnOtherComposersPValue());
        boolean beyond = p.knnOtherComposersPValue() <= SIGNIFICANCE
                && p.knnOtherComposers() > p.shuffledKnnOtherComposers();
        boolean near = p.knnPValue() <= SIGNIFICANCE && p.knnAgreement() > p.shuffledKnnAgreement();
        if (beyond) {
            return "pieces lie near pieces of the same period, also by other composers (" + all
                    + "; other composers only " + other + ")";
        }
        if (near) {
            return "pieces lie near pieces of the same period, but only through their own composer (" + all
                    + "; other composers only " + other + ")";
        }
        return "pieces do not lie near pieces of their period more than chance would (" + all + ")";
    }

    private static String strength(double ari) {
        return ari >= 0.65 ? "closely" : ari >= 0.3 ? "partly" : "weakly";
    }

    static void writeJson(ComposerMap.Result r, Path json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode settings = root.putObject("settings");
        settings.put("seed", r.settings().seed());
        settings.put("linkage", r.settings().linkage().name().toLowerCase(Locale.ROOT));
        settings.put("distance", "euclidean between unit vectors");
        settings.put("perplexity", r.settings().perplexity());
        settings.put("tsnePerplexityUsed", r.tsnePerplexity());
        settings.put("tsneIterations", r.settings().tsneIterations());
        settings.put("tsneLearningRate", ComposerMap.TSNE_LEARNING_RATE);
        ArrayNode composers = root.putArray("composers");
        for (int i = 0; i < r.composers().size(); i++) {
            composers.addObject().put("id", i).put("composer", r.composers().get(i))
                    .put("period", r.composerPeriods().get(i));
        }
        ArrayNode merges = root.putArray("merges");
        for (Merge m : r.merges()) {
            merges.addObject().put("left", m.left()).put("right", m.right()).put("height", m.height())
                    .put("size", m.size());
        }
        ArrayNode leafOrder = root.putArray("leafOrder");
        r.leafOrder().forEach(leafOrder::add);
        ArrayNode ev = root.putArray("pcaExplainedVariance");
        for (double v : r.pcaExplainedVariance()) {
            ev.add(v);
        }
        ArrayNode pieces = root.putArray("pieces");
        for (int i = 0; i < r.pca().size(); i++) {
            PiecePoint p = r.pca().get(i);
            PiecePoint t = r.tsne().get(i);
            ObjectNode o = pieces.addObject().put("piece", p.piece()).put("composer", p.composer())
                    .put("period", p.period());
            o.putArray("pca").add(p.x()).add(p.y());
            o.putArray("tsne").add(t.x()).add(t.y());
        }
        ObjectNode agreement = root.putObject("agreement");
        ComposerAgreement c = r.composerAgreement();
        ObjectNode ca = agreement.putObject("composers");
        ca.put("anchors", c.anchors()).put("labelledAnchors", c.labelledAnchors()).put("clusters", c.clusters());
        number(ca, "adjustedRandIndex", c.adjustedRandIndex());
        number(ca, "purity", c.purity());
        number(ca, "shuffledAdjustedRandIndex", c.shuffledAdjustedRandIndex());
        number(ca, "shuffledPurity", c.shuffledPurity());
        number(ca, "adjustedRandIndexPValue", c.adjustedRandIndexPValue());
        ca.put("permutations", c.permutations());
        ArrayNode clusters = ca.putArray("clusterMembers");
        for (List<String> members : c.clusterMembers()) {
            ArrayNode a = clusters.addArray();
            members.forEach(a::add);
        }
        ca.put("verdict", composerVerdict(c));
        PieceAgreement p = r.pieceAgreement();
        ObjectNode pa = agreement.putObject("pieces");
        pa.put("pieces", p.pieces()).put("labelledPieces", p.labelledPieces()).put("k", p.k());
        pa.put("distance", PieceAgreement.DISTANCE);
        number(pa, "knnAgreement", p.knnAgreement());
        number(pa, "shuffledKnnAgreement", p.shuffledKnnAgreement());
        number(pa, "knnPValue", p.knnPValue());
        number(pa, "mostFrequentPeriodShare", p.mostFrequentPeriodShare());
        number(pa, "knnOtherComposers", p.knnOtherComposers());
        number(pa, "shuffledKnnOtherComposers", p.shuffledKnnOtherComposers());
        number(pa, "knnOtherComposersPValue", p.knnOtherComposersPValue());
        pa.put("piecesScoredOtherComposers", p.piecesScoredOtherComposers());
        number(pa, "silhouette", p.silhouette());
        number(pa, "shuffledSilhouette", p.shuffledSilhouette());
        pa.put("permutations", p.permutations());
        pa.put("verdict", pieceVerdict(p));
        mapper.writeValue(json.toFile(), root);
    }

    /** JSON has no NaN: an undefined figure is null. */
    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    static void writeMarkdown(ComposerMap.Result r, Path md) throws IOException {
        ComposerAgreement c = r.composerAgreement();
        PieceAgreement p = r.pieceAgreement();
        StringBuilder sb = new StringBuilder();
        sb.append("# A map of composers\n\n");
        sb.append(String.format(Locale.ROOT, "%d composer anchors (%d with a known period), %d pieces (%d with a "
                        + "known period). Distances: Euclidean between unit vectors. Dendrogram: %s linkage. "
                        + "t-SNE: perplexity %.1f, %d iterations, seed %d. How to read this: "
                        + "`docs/COMPOSER_MAP.md`.\n\n", c.anchors(), c.labelledAnchors(), p.pieces(),
                p.labelledPieces(), r.settings().linkage().name().toLowerCase(Locale.ROOT), r.tsnePerplexity(),
                r.settings().tsneIterations(), r.settings().seed()));
        sb.append("## Does the clustering follow the periods?\n\n");
        sb.append("- Composers: ").append(composerVerdict(c)).append(".\n");
        sb.append("- Pieces: ").append(pieceVerdict(p)).append(".\n\n");
        sb.append("| figure | observed | shuffled periods | p |\n|---|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| composers: adjusted Rand index (%d clusters) | %s | %s | %s |\n",
                c.clusters(), figure(c.adjustedRandIndex()), figure(c.shuffledAdjustedRandIndex()),
                figure(c.adjustedRandIndexPValue())));
        sb.append(String.format(Locale.ROOT, "| composers: purity | %s | %s | |\n", figure(c.purity()),
                figure(c.shuffledPurity())));
        sb.append(String.format(Locale.ROOT, "| pieces: %d-NN period agreement (most frequent period: %s) | %s | %s "
                        + "| %s |\n", p.k(), figure(p.mostFrequentPeriodShare()), figure(p.knnAgreement()),
                figure(p.shuffledKnnAgreement()), figure(p.knnPValue())));
        sb.append(String.format(Locale.ROOT, "| pieces: %d-NN agreement, other composers only (%d pieces; periods "
                        + "shuffled among composers) | %s | %s | %s |\n", p.k(), p.piecesScoredOtherComposers(),
                figure(p.knnOtherComposers()), figure(p.shuffledKnnOtherComposers()),
                figure(p.knnOtherComposersPValue())));
        sb.append(String.format(Locale.ROOT, "| pieces: silhouette of the periods (Euclidean) | %s | %s | |\n\n",
                figure(p.silhouette()), figure(p.shuffledSilhouette())));
        sb.append(String.format(Locale.ROOT, "Shuffled figures are means over %d seeded shuffles; p = (1 + shuffles "
                + "scoring at least the observed figure) / (1 + shuffles).\n\n", c.permutations()));
        if (!c.clusterMembers().isEmpty()) {
            sb.append("## The clusters of the cut\n\n| cluster | composers (period) |\n|---:|---|\n");
            for (int i = 0; i < c.clusterMembers().size(); i++) {
                StringBuilder names = new StringBuilder();
                for (String composer : c.clusterMembers().get(i)) {
                    if (!names.isEmpty()) {
                        names.append(", ");
                    }
                    names.append(composer).append(" (")
                            .append(r.composerPeriods().get(r.composers().indexOf(composer))).append(')');
                }
                sb.append("| ").append(i + 1).append(" | ").append(names).append(" |\n");
            }
            sb.append('\n');
        }
        double[] ev = r.pcaExplainedVariance();
        sb.append("## Pictures\n\n");
        sb.append("![dendrogram](dendrogram.png)\n\n");
        sb.append(String.format(Locale.ROOT, "![pieces on PCA](pieces-pca.png)\n\nThe first two principal "
                + "components hold %.1f %% and %.1f %% of the pieces' variance.\n\n", 100 * ev[0], 100 * ev[1]));
        sb.append("![pieces on t-SNE](pieces-tsne.png)\n\nt-SNE keeps neighbours together; distances between "
                + "far groups and the groups' sizes on its map mean little.\n");
        Files.writeString(md, sb.toString(), StandardCharsets.UTF_8);
    }
}
