package org.cadenza.eval.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cadenza.corpus.dataset.Periods;
import org.junit.jupiter.api.Test;

class ComposerMapTest {

    /** Fewer t-SNE steps than the default keep the tests fast; the exaggeration phase (250) is passed. */
    private static final MapSettings FAST = MapSettings.builder().optTsneIterations(400).build();

    /** Four anchors on the unit circle: a1 at 0 degrees, a2 at 10, b1 at 90, b2 at 100. */
    private static Map<String, float[]> circle() {
        Map<String, float[]> anchors = new LinkedHashMap<>();
        anchors.put("b2", MapFixtures.angle(100));
        anchors.put("a1", MapFixtures.angle(0));
        anchors.put("b1", MapFixtures.angle(90));
        anchors.put("a2", MapFixtures.angle(10));
        return anchors;
    }

    private static final Periods CIRCLE_PERIODS = Periods.of(Map.of("a1", "baroque", "a2", "baroque",
            "b1", "romantic", "b2", "romantic"));

    /** Chord between two points of the unit circle {@code degrees} apart. */
    private static double chord(double degrees) {
        return 2 * Math.sin(Math.toRadians(degrees) / 2);
    }

    @Test
    void averageLinkageMergesAtTheHandComputedHeights() {
        var pieces = MapFixtures.piecesAround(circle(), 3, 0.02, 1);
        ComposerMap.Result r = ComposerMap.build(circle(), pieces, CIRCLE_PERIODS, FAST);
        // composers in name order: a1=0, a2=1, b1=2, b2=3
        assertEquals(List.of("a1", "a2", "b1", "b2"), r.composers());
        assertEquals(3, r.merges().size());
        assertEquals(chord(10), r.merges().get(0).height(), 1e-6);
        assertEquals(chord(10), r.merges().get(1).height(), 1e-6);
        Set<Set<Integer>> firstTwo = Set.of(
                Set.of(r.merges().get(0).left(), r.merges().get(0).right()),
                Set.of(r.merges().get(1).left(), r.merges().get(1).right()));
        assertEquals(Set.of(Set.of(0, 1), Set.of(2, 3)), firstTwo);
        Merge last = r.merges().get(2);
        assertEquals(4, last.left());
        assertEquals(5, last.right());
        assertEquals(4, last.size());
        // UPGMA: the mean of the four cross distances (90, 100, 80 and 90 degrees apart)
        double expected = (chord(90) + chord(100) + chord(80) + chord(90)) / 4;
        assertEquals(expected, last.height(), 1e-6);
        assertEquals(4, r.leafOrder().size());
        assertEquals(Set.of("a1", "a2"), Set.copyOf(r.leafOrder().subList(0, 2)));
    }

    @Test
    void theOtherLinkagesMergeTheGroupsAtTheirOwnHeights() {
        var pieces = MapFixtures.piecesAround(circle(), 2, 0.02, 1);
        double complete = ComposerMap.build(circle(), pieces, CIRCLE_PERIODS,
                FAST.toBuilder().optLinkage(Linkage.COMPLETE).build()).merges().get(2).height();
        double single = ComposerMap.build(circle(), pieces, CIRCLE_PERIODS,
                FAST.toBuilder().optLinkage(Linkage.SINGLE).build()).merges().get(2).height();
        double ward = ComposerMap.build(circle(), pieces, CIRCLE_PERIODS,
                FAST.toBuilder().optLinkage(Linkage.WARD).build()).merges().get(2).height();
        assertEquals(chord(100), complete, 1e-6);
        assertEquals(chord(80), single, 1e-6);
        // Ward (scipy's ward, R's ward.D2): sqrt(2 |A| |B| / (|A| + |B|)) times the distance between the centroids
        double[] ca = {(1 + Math.cos(Math.toRadians(10))) / 2, Math.sin(Math.toRadians(10)) / 2};
        double[] cb = {(Math.cos(Math.toRadians(90)) + Math.cos(Math.toRadians(100))) / 2,
            (1 + Math.sin(Math.toRadians(100))) / 2};
        double centroids = Math.hypot(ca[0] - cb[0], ca[1] - cb[1]);
        assertEquals(Math.sqrt(2.0 * 2 * 2 / 4) * centroids, ward, 1e-5);
    }

    @Test
    void periodsThatMatchTheGroupsGiveAdjustedRandIndexAndPurityOne() {
        Map<String, float[]> anchors = MapFixtures.twoGroups(5, 8, 3);
        Map<String, String> periods = new HashMap<>();
        anchors.keySet().forEach(c -> periods.put(c, c.startsWith("a") ? "baroque" : "romantic"));
        ComposerMap.Result r = ComposerMap.build(anchors, MapFixtures.piecesAround(anchors, 2, 0.05, 4),
                Periods.of(periods), FAST);
        ComposerAgreement c = r.composerAgreement();
        assertTrue(c.defined());
        assertEquals(10, c.labelledAnchors());
        assertEquals(2, c.clusters());
        assertEquals(1.0, c.adjustedRandIndex(), 1e-12);
        assertEquals(1.0, c.purity(), 1e-12);
        assertTrue(c.shuffledAdjustedRandIndex() < 0.2, "shuffled ARI " + c.shuffledAdjustedRandIndex());
        assertTrue(c.shuffledPurity() < 0.9, "shuffled purity " + c.shuffledPurity());
        assertTrue(c.adjustedRandIndexPValue() <= 0.05, "p " + c.adjustedRandIndexPValue());
        assertEquals(2, c.clusterMembers().size());
        for (List<String> members : c.clusterMembers()) {
            assertEquals(1, members.stream().map(m -> m.charAt(0)).distinct().count(), members.toString());
        }
        assertTrue(MapReport.composerVerdict(c).startsWith("the clusters follow the periods closely"),
                MapReport.composerVerdict(c));
        String summary = r.summary();
        assertTrue(summary.contains("adjusted Rand index 1.00"), summary);
        assertTrue(summary.lines().count() >= 5, summary);
    }

    @Test
    void periodsThatCutAcrossTheGroupsGiveALowAdjustedRandIndex() {
        Map<String, float[]> anchors = MapFixtures.twoGroups(5, 8, 3);
        Map<String, String> periods = new HashMap<>();
        anchors.keySet().forEach(c -> periods.put(c, Integer.parseInt(c.substring(1)) % 2 == 0 ? "baroque"
                : "romantic"));
        ComposerMap.Result r = ComposerMap.build(anchors, MapFixtures.piecesAround(anchors, 2, 0.05, 4),
                Periods.of(periods), FAST);
        ComposerAgreement c = r.composerAgreement();
        assertEquals(2, c.clusters());
        assertTrue(c.adjustedRandIndex() < 0.1, "ARI " + c.adjustedRandIndex());
        assertTrue(c.purity() <= 0.6 + 1e-12, "purity " + c.purity());
        assertTrue(c.adjustedRandIndexPValue() > 0.05, "p " + c.adjustedRandIndexPValue());
        assertTrue(MapReport.composerVerdict(c).startsWith("the clusters do not follow"),
                MapReport.composerVerdict(c));
    }

    @Test
    void composersWithoutAPeriodAreLeftOutOfTheFiguresAndUnknownEverywhere() {
        Map<String, float[]> anchors = MapFixtures.twoGroups(2, 6, 5);
        ComposerMap.Result none = ComposerMap.build(anchors, MapFixtures.piecesAround(anchors, 2, 0.05, 6),
                Periods.of(Map.of()), FAST);
        assertFalse(none.composerAgreement().defined());
        assertFalse(none.pieceAgreement().defined());
        assertTrue(none.composerPeriods().stream().allMatch(ComposerMap.UNKNOWN::equals));
        assertTrue(none.pca().stream().allMatch(p -> p.period().equals(ComposerMap.UNKNOWN)));
        assertTrue(none.summary().contains("cannot say"), none.summary());
    }

    @Test
    void kNearestNeighbourAgreementCountsTheOneIntruder() {
        // 10 baroque pieces near axis 0 (composers a0, a1), 10 romantic near axis 1 (b0, b1), and one a0 piece
        // placed among the romantic ones: only the intruder's neighbours out-vote it
        Random random = new Random(11);
        Map<String, float[]> anchors = Map.of("a0", MapFixtures.near(0, 12, 0, random),
                "a1", MapFixtures.near(0, 12, 0.01, random), "b0", MapFixtures.near(1, 12, 0, random),
                "b1", MapFixtures.near(1, 12, 0.01, random));
        List<EmbeddedPiece> pieces = new ArrayList<>();
        for (String composer : List.of("a0", "a1", "b0", "b1")) {
            int axis = composer.startsWith("a") ? 0 : 1;
            for (int p = 0; p < 5; p++) {
                pieces.add(new EmbeddedPiece(composer + "/" + p, composer, MapFixtures.near(axis, 12, 0.05, random)));
            }
        }
        pieces.add(new EmbeddedPiece("a0/intruder", "a0", MapFixtures.near(1, 12, 0.05, random)));
        Periods periods = Periods.of(Map.of("a0", "baroque", "a1", "baroque", "b0", "romantic", "b1", "romantic"));
        PieceAgreement p = ComposerMap.build(anchors, pieces, periods, FAST).pieceAgreement();
        assertEquals(21, p.labelledPieces());
        assertEquals(5, p.k());
        assertEquals(20.0 / 21, p.knnAgreement(), 1e-12);
        assertEquals(20.0 / 21, p.knnOtherComposers(), 1e-12);
        assertEquals(21, p.piecesScoredOtherComposers());
        assertEquals(11.0 / 21, p.mostFrequentPeriodShare(), 1e-12);
        assertTrue(p.shuffledKnnAgreement() < 0.7, "shuffled " + p.shuffledKnnAgreement());
        assertTrue(p.knnPValue() <= 0.05, "p " + p.knnPValue());
        assertTrue(p.silhouette() > 0.7, "silhouette " + p.silhouette());
        assertTrue(p.shuffledSilhouette() < 0.2, "shuffled silhouette " + p.shuffledSilhouette());
    }

    @Test
    void tsneKeepsTwoSeparatedBlobsApartAndIsDeterministic() {
        MapFixtures.TwoBlobs blobs = MapFixtures.twoBlobs(5, 16, 20, 0.1, 21);
        Map<String, float[]> anchors = blobs.anchors();
        List<EmbeddedPiece> pieces = blobs.pieces();
        Periods periods = Periods.of(Map.of("x", "baroque", "y", "romantic"));
        ComposerMap.Result r = ComposerMap.build(anchors, pieces, periods, FAST);
        assertEquals(13.0, r.tsnePerplexity(), 1e-12); // 30 lowered to (40 - 1) / 3
        double[][] centroid = new double[2][2];
        for (PiecePoint p : r.tsne()) {
            int blob = p.composer().equals("x") ? 0 : 1;
            centroid[blob][0] += p.x() / 20;
            centroid[blob][1] += p.y() / 20;
        }
        double gap = Math.hypot(centroid[0][0] - centroid[1][0], centroid[0][1] - centroid[1][1]);
        double spread = 0;
        for (PiecePoint p : r.tsne()) {
            int blob = p.composer().equals("x") ? 0 : 1;
            double own = Math.hypot(p.x() - centroid[blob][0], p.y() - centroid[blob][1]);
            double other = Math.hypot(p.x() - centroid[1 - blob][0], p.y() - centroid[1 - blob][1]);
            assertTrue(own < other, p + " lies nearer the other blob");
            spread = Math.max(spread, own);
        }
        assertTrue(gap > 2 * spread, "gap " + gap + " against the largest spread " + spread);

        ComposerMap.Result again = ComposerMap.build(anchors, pieces, periods, FAST);
        assertEquals(r.tsne(), again.tsne());
        assertEquals(r.pca(), again.pca());
        ComposerMap.Result otherSeed = ComposerMap.build(anchors, pieces, periods,
                FAST.toBuilder().optSeed(7).build());
        assertNotEquals(r.tsne(), otherSeed.tsne());
    }

    @Test
    void pcaFindsTheAxisThatSeparatesTheBlobs() {
        MapFixtures.TwoBlobs blobs = MapFixtures.twoBlobs(1, 8, 15, 0.02, 31);
        ComposerMap.Result r = ComposerMap.build(blobs.anchors(), blobs.pieces(), Periods.of(Map.of()), FAST);
        double[] ev = r.pcaExplainedVariance();
        assertTrue(ev[0] > 0.9, "first component " + ev[0]);
        assertTrue(ev[1] <= ev[0]);
        for (PiecePoint p : r.pca()) {
            boolean x = p.composer().equals("x");
            PiecePoint first = r.pca().get(0); // an x piece
            assertEquals(x, Math.signum(p.x()) == Math.signum(first.x()), p.toString());
        }
    }

    @Test
    void aPieceWhoseComposerHasNoAnchorIsStillPlotted() {
        Map<String, float[]> anchors = MapFixtures.twoGroups(2, 6, 5);
        List<EmbeddedPiece> pieces = new ArrayList<>(MapFixtures.piecesAround(anchors, 2, 0.05, 6));
        pieces.add(new EmbeddedPiece("chopin/ballade-1", "chopin", MapFixtures.near(2, 6, 0.05, new Random(1))));
        ComposerMap.Result r = ComposerMap.build(anchors, pieces, Periods.builtIn(), FAST);
        PiecePoint last = r.pca().get(r.pca().size() - 1);
        assertEquals("chopin/ballade-1", last.piece());
        assertEquals("romantic", last.period());
        assertEquals(pieces.size(), r.tsne().size());
        assertEquals(4, r.composers().size());
    }
}
