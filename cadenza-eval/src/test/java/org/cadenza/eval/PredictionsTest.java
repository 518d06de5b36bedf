package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsTest {

    private static final List<String> XY = List.of("x", "y");

    private static WindowPrediction w(String file, String piece, int truth, double start, float... p) {
        return new WindowPrediction(file, piece, truth, start, p);
    }

    @Test
    void meanLogProbabilityAndMajorityVoteDisagree() {
        // piece P, true class x; two windows lean to y a little, one is very sure of x
        Predictions predictions = new Predictions(XY, List.of(
                w("p1.mid", "P", 0, 0, 0.4f, 0.6f),
                w("p1.mid", "P", 0, 3, 0.4f, 0.6f),
                w("p2.mid", "P", 0, 0, 0.99f, 0.01f)));
        PiecePrediction byLogP = predictions.pieces().get(0);
        // x: (2 ln 0.4 + ln 0.99) / 3 = -0.6142; y: (2 ln 0.6 + ln 0.01) / 3 = -1.8756 -> x
        double x = (2 * Math.log(0.4f) + Math.log(0.99f)) / 3;
        double y = (2 * Math.log(0.6f) + Math.log(0.01f)) / 3;
        assertArrayEquals(new double[] {x, y}, byLogP.scores(), 1e-12);
        assertEquals(-0.6142, x, 1e-4);
        assertEquals(0, byLogP.predictedClass());
        assertEquals(3, byLogP.windowCount());
        assertEquals(List.of("p1.mid", "p2.mid"), byLogP.files());

        // votes: y, y, x -> y wins 2/3
        PiecePrediction byVote = predictions.pieces(PieceAggregation.VOTE_SHARE).get(0);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, byVote.scores(), 1e-12);
        assertEquals(1, byVote.predictedClass());

        assertEquals(1.0, predictions.report(Level.PIECE).accuracy());
        assertEquals(1.0 / 3, predictions.report(Level.WINDOW).accuracy(), 1e-12);
        // normalised geometric mean: exp(x) / (exp(x) + exp(y))
        assertEquals(Math.exp(x) / (Math.exp(x) + Math.exp(y)), byLogP.probabilities()[0], 1e-12);
    }

    @Test
    void probabilitiesAreFlooredAtOneInAMillionBeforeTheLog() {
        // one window gives x probability 0 (or 1e-9): without the floor x would score minus infinity and lose;
        // with it, x scores (ln 1e-6 + 9 ln 0.999) / 10 = -1.3825 and beats y's (ln 1 + 9 ln 0.001) / 10 = -6.2170
        for (float zero : new float[] {0f, 1e-9f}) {
            List<WindowPrediction> windows = new ArrayList<>();
            windows.add(w("f.mid", "P", 0, 0, zero, 1 - zero));
            for (int i = 1; i < 10; i++) {
                windows.add(w("f.mid", "P", 0, i, 0.999f, 0.001f));
            }
            PiecePrediction piece = new Predictions(XY, windows).pieces().get(0);
            double expectedX = (Math.log(1e-6) + 9 * Math.log(0.999f)) / 10;
            assertEquals(expectedX, piece.scores()[0], 1e-9);
            assertEquals(-1.3825, piece.scores()[0], 1e-4);
            assertEquals(-6.2170, piece.scores()[1], 1e-3);
            assertEquals(0, piece.predictedClass());
        }
        // the window's loss uses the same floor: -ln(1e-6)
        assertEquals(-Math.log(1e-6), w("f.mid", "P", 0, 0, 0f, 1f).loss(), 1e-12);
    }

    @Test
    void piecesAggregateAcrossFilesAndKeepFirstAppearanceOrder() {
        Predictions p = new Predictions(XY, List.of(
                w("b1.mid", "B", 1, 0, 0.2f, 0.8f),
                w("a1.mid", "A", 0, 0, 0.9f, 0.1f),
                w("b2.mid", "B", 1, 0, 0.7f, 0.3f)));
        List<PiecePrediction> pieces = p.pieces();
        assertEquals(List.of("B", "A"), pieces.stream().map(PiecePrediction::pieceId).toList());
        assertEquals(2, pieces.get(0).windowCount());
        assertArrayEquals(new int[] {1, 0}, p.truth(Level.PIECE));
        assertArrayEquals(new int[] {1, 0, 1}, p.truth(Level.WINDOW));
        // B: y = (ln .8 + ln .3) / 2 = -0.7136 > x = (ln .2 + ln .7) / 2 = -0.9831
        assertEquals(1, pieces.get(0).predictedClass());
    }

    @Test
    void badInputIsRefusedWithAMessageThatSaysWhere() {
        var logits = assertThrows(IllegalArgumentException.class, () -> w("f.mid", "P", 0, 1.5, 2.3f, -1f));
        assertTrue(logits.getMessage().contains("f.mid") && logits.getMessage().contains("softmax"), logits.getMessage());
        var notSummingToOne = assertThrows(IllegalArgumentException.class, () -> w("f.mid", "P", 0, 0, 0.3f, 0.3f));
        assertTrue(notSummingToOne.getMessage().contains("sum"), notSummingToOne.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w("f.mid", "P", 2, 0, 0.5f, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> w("f.mid", "P", 0, -1, 0.5f, 0.5f));
        // three probabilities for two classes
        assertThrows(IllegalArgumentException.class,
                () -> new Predictions(XY, List.of(w("f.mid", "P", 0, 0, 0.5f, 0.25f, 0.25f))));
        // one piece, two labels
        var twoLabels = assertThrows(IllegalArgumentException.class, () -> new Predictions(XY, List.of(
                w("f.mid", "P", 0, 0, 0.5f, 0.5f), w("g.mid", "P", 1, 0, 0.5f, 0.5f))));
        assertTrue(twoLabels.getMessage().contains("piece P"), twoLabels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Predictions(List.of("x", "x"), List.of()));
    }

    @Test
    void csvRoundTrip(@TempDir Path dir) throws Exception {
        Predictions p = new Predictions(List.of("bach", "chopin", "mozart"), List.of(
                w("asap/bach/a, b.mid", "bach/Fugue", 0, 0, 0.7f, 0.2f, 0.1f),
                w("asap/chopin/x.mid", "chopin/Etude", 1, 1.5, 0.1234567f, 0.3f, 0.5765433f)));
        Path csv = dir.resolve("p.csv");
        p.writeCsv(csv);
        Predictions back = Predictions.readCsv(csv);
        assertEquals(p.classNames(), back.classNames());
        assertEquals(p.windows(), back.windows());

        Files.writeString(dir.resolve("bad.csv"), "file,piece_id,true_class,start_seconds,p_a,p_b\nf.mid,P,c,0,0.5,0.5\n");
        var e = assertThrows(BadInputException.class, () -> Predictions.readCsv(dir.resolve("bad.csv")));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line"), e.getMessage());
    }
}
