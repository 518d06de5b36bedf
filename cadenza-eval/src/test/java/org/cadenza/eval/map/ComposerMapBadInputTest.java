package org.cadenza.eval.map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadenza.corpus.dataset.Periods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void fewerThanTwoAnchors() {
        assertMessage(() -> ComposerMap.build(Map.of("bach", new float[] {1, 0, 0}), PIECES, PERIODS,
                MapSettings.DEFAULTS), "at least 2 anchors", "got 1");
        assertMessage(() -> ComposerMap.build(Map.of(), PIECES, PERIODS, MapSettings.DEFAULTS), "got 0");
        assertMessage(() -> ComposerMap.build(null, PIECES, PERIODS, MapSettings.DEFAULTS), "at least 2 anchors");
    }

    @Test
    void anchorsOfDifferentLengths() {
        Map<String, float[]> a = anchors();
        a.put("chopin", new float[] {0, 1});
        assertMessage(() -> ComposerMap.build(a, PIECES, PERIODS, MapSettings.DEFAULTS), "anchor of chopin has 2",
                "anchor of bach has 3", "same length");
    }

    @Test
    void aPieceOfAnotherLength() {
        List<EmbeddedPiece> pieces = List.of(PIECES.get(0), new EmbeddedPiece("chopin/x", "chopin", new float[4]));
        assertMessage(() -> ComposerMap.build(anchors(), pieces, PERIODS, MapSettings.DEFAULTS),
                "piece chopin/x (composer chopin) has 4 values", "anchors have 3");
    }

    @Test
    void fewerThanTwoPieces() {
        assertMessage(() -> ComposerMap.build(anchors(), PIECES.subList(0, 1), PERIODS, MapSettings.DEFAULTS),
                "at least 2 piece embeddings", "got 1");
        assertMessage(() -> ComposerMap.build(anchors(), List.of(), PERIODS, MapSettings.DEFAULTS), "got 0");
    }

    @Test
    void zeroNonFiniteAndOneDimensionalVectors() {
        Map<String, float[]> zero = anchors();
        zero.put("bach", new float[3]);
        assertMessage(() -> ComposerMap.build(zero, PIECES, PERIODS, MapSettings.DEFAULTS), "anchor of bach",
                "all zeros");
        List<EmbeddedPiece> nan = List.of(PIECES.get(0), new EmbeddedPiece("chopin/nan", "chopin",
                new float[] {0, Float.NaN, 0}));
        assertMessage(() -> ComposerMap.build(anchors(), nan, PERIODS, MapSettings.DEFAULTS), "chopin/nan",
                "NaN at index 1");
        assertMessage(() -> ComposerMap.build(Map.of("bach", new float[] {1}, "chopin", new float[] {-1}),
                PIECES, PERIODS, MapSettings.DEFAULTS), "at least 2 values");
    }

    @Test
    void badSettings() {
        assertMessage(() -> MapSettings.builder().optPerplexity(0).build(), "perplexity", "positive");
        assertMessage(() -> MapSettings.builder().optPerplexity(Double.NaN).build(), "perplexity");
        assertMessage(() -> MapSettings.builder().optTsneIterations(0).build(), "at least 1 iteration");
        assertMessage(() -> new MapSettings(1, null, 30, 100), "linkage");
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
}
