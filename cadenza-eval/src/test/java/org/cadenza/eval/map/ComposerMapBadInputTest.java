package org.cadenza.eval.map;

import static org.cadenza.io.Refusals.refuses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadenza.corpus.dataset.Periods;
import org.junit.jupiter.api.Test;

/** Every way the input can be wrong, and the message that says so. */
class ComposerMapBadInputTest {

    private static final Periods PERIODS = Periods.of(Map.of("bach", "baroque", "chopin", "romantic"));
    private static final List<EmbeddedPiece> PIECES = List.of(
            new EmbeddedPiece("bach/1", "bach", new float[] {1, 0, 0}),
            new EmbeddedPiece("chopin/1", "chopin", new float[] {0, 1, 0}),
            new EmbeddedPiece("chopin/2", "chopin", new float[] {0, 0.9f, 0.1f}));

    private static Map<String, float[]> anchors() {
        Map<String, float[]> a = new HashMap<>();
        a.put("bach", new float[] {1, 0, 0});
        a.put("chopin", new float[] {0, 1, 0});
        return a;
    }

    @Test
    void fewerThanTwoAnchors() {
        refuses(() -> ComposerMap.build(Map.of("bach", new float[] {1, 0, 0}), PIECES, PERIODS,
                MapSettings.DEFAULTS), "at least 2 anchors", "got 1");
        refuses(() -> ComposerMap.build(Map.of(), PIECES, PERIODS, MapSettings.DEFAULTS), "got 0");
        refuses(() -> ComposerMap.build(null, PIECES, PERIODS, MapSettings.DEFAULTS), "at least 2 anchors");
    }

    @Test
    void anchorsOfDifferentLengths() {
        Map<String, float[]> a = anchors();
        a.put("chopin", new float[] {0, 1});
        refuses(() -> ComposerMap.build(a, PIECES, PERIODS, MapSettings.DEFAULTS), "anchor of chopin has 2",
                "anchor of bach has 3", "same length");
    }

    @Test
    void aPieceOfAnotherLength() {
        List<EmbeddedPiece> pieces = List.of(PIECES.get(0), new EmbeddedPiece("chopin/x", "chopin", new float[4]));
        refuses(() -> ComposerMap.build(anchors(), pieces, PERIODS, MapSettings.DEFAULTS),
                "piece chopin/x (composer chopin) has 4 values", "anchors have 3");
    }

    @Test
    void fewerThanTwoPieces() {
        refuses(() -> ComposerMap.build(anchors(), PIECES.subList(0, 1), PERIODS, MapSettings.DEFAULTS),
                "at least 2 piece embeddings", "got 1");
        refuses(() -> ComposerMap.build(anchors(), List.of(), PERIODS, MapSettings.DEFAULTS), "got 0");
    }

    @Test
    void zeroNonFiniteAndOneDimensionalVectors() {
        Map<String, float[]> zero = anchors();
        zero.put("bach", new float[3]);
        refuses(() -> ComposerMap.build(zero, PIECES, PERIODS, MapSettings.DEFAULTS), "anchor of bach",
                "all zeros");
        List<EmbeddedPiece> nan = List.of(PIECES.get(0), new EmbeddedPiece("chopin/nan", "chopin",
                new float[] {0, Float.NaN, 0}));
        refuses(() -> ComposerMap.build(anchors(), nan, PERIODS, MapSettings.DEFAULTS), "chopin/nan",
                "NaN at index 1");
        refuses(() -> ComposerMap.build(Map.of("bach", new float[] {1}, "chopin", new float[] {-1}),
                PIECES, PERIODS, MapSettings.DEFAULTS), "at least 2 values");
    }

    @Test
    void badSettings() {
        refuses(() -> MapSettings.builder().optPerplexity(0).build(), "perplexity", "positive");
        refuses(() -> MapSettings.builder().optPerplexity(Double.NaN).build(), "perplexity");
        refuses(() -> MapSettings.builder().optTsneIterations(0).build(), "at least 1 iteration");
        refuses(() -> new MapSettings(1, null, 30, 100), "linkage");
    }

    @Test
    void perplexityIsLoweredForFewPiecesButNeverBelowOne() {
        MapSettings s = MapSettings.DEFAULTS;
        assertTrue(s.perplexityFor(1000) == 30);
        assertTrue(s.perplexityFor(31) == 10);
        assertTrue(s.perplexityFor(3) == 1);
    }

    @Test
    void aPieceWithoutAnAnchorIsFine() {
        List<EmbeddedPiece> pieces = List.of(PIECES.get(0), PIECES.get(1),
                new EmbeddedPiece("liszt/1", "liszt", new float[] {0, 0, 1}));
        var r = ComposerMap.build(anchors(), pieces, PERIODS, MapSettings.builder().optTsneIterations(50).build());
        assertTrue(r.tsne().stream().anyMatch(p -> p.composer().equals("liszt")
                && p.period().equals(ComposerMap.UNKNOWN)));
    }

    @Test
    void settingsOutOfRange() {
        refuses(() -> MapSettings.builder().optPerplexity(0).build(),
                "MapSettings: the t-SNE perplexity must be a positive number, got 0.0");
        refuses(() -> MapSettings.builder().optPerplexity(Double.POSITIVE_INFINITY).build(), "perplexity");
        refuses(() -> MapSettings.builder().optTsneIterations(0).build(),
                "MapSettings: t-SNE needs at least 1 iteration, got 0");
    }
}
