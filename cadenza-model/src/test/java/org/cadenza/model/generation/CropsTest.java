package org.cadenza.model.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.cadenza.features.tokens.Vocabulary;
import org.junit.jupiter.api.Test;

class CropsTest {

    private static TokenPiece piece(int n, int cond) {
        int[] body = new int[n];
        for (int i = 0; i < n; i++) {
            body[i] = 100 + i;
        }
        return new TokenPiece("p" + n, "c", "f" + n, cond, body);
    }

    @Test
    void aCropStartsWithTheConditionAndItsTargetIsTheInputShiftedByOne() {
        TokenPiece p = piece(10, 7);
        float[] in = new float[4];
        float[] cond = new float[1];
        int[] tg = new int[4];
        float[] w = new float[4];
        Crops.fill(p, 3, 4, 0, in, cond, tg, w, 0);
        assertArrayEquals(new float[] {7}, cond);
        assertArrayEquals(new float[] {7, 103, 104, 105}, in);
        assertArrayEquals(new int[] {103, 104, 105, 106}, tg);
        assertArrayEquals(new float[] {1, 1, 1, 1}, w);
    }

    @Test
    void positionsPastTheEndArePaddedAndNotScored() {
        TokenPiece p = piece(3, 1);
        float[] in = new float[5];
        int[] tg = new int[5];
        float[] w = new float[5];
        Crops.fill(p, 0, 5, 0, in, new float[1], tg, w, 0);
        assertArrayEquals(new float[] {1, 100, 101, 102, Vocabulary.PAD}, in);
        assertArrayEquals(new int[] {100, 101, 102, Vocabulary.PAD, Vocabulary.PAD}, tg);
        assertArrayEquals(new float[] {1, 1, 1, 0, 0}, w);
    }

    @Test
    void balancedWeightsGiveEveryComposerTheSameShare() {
        List<TokenPiece> pieces = List.of(new TokenPiece("a1", "a", "a1", 1, new int[90]),
                new TokenPiece("a2", "a", "a2", 1, new int[10]), new TokenPiece("b1", "b", "b1", 1, new int[5]));
        assertArrayEquals(new double[] {90, 100, 105}, Crops.cumulativeWeights(pieces, false), 1e-12);
        assertArrayEquals(new double[] {0.9, 1.0, 2.0}, Crops.cumulativeWeights(pieces, true), 1e-12);
        Crops.Batch b = Crops.random(pieces, Crops.cumulativeWeights(pieces, true), 2000, 8, new Random(1));
        int fromB = 0;
        for (int r = 0; r < 2000; r++) {
            // b1 is the only piece shorter than the crop: its rows end in padding
            fromB += b.weights()[r * 8 + 7] == 0 ? 1 : 0;
        }
        assertTrue(fromB > 900 && fromB < 1100, "half the crops come from composer b: " + fromB);
    }

    @Test
    void evaluationWindowsScoreEveryTokenExactlyOnce() {
        List<TokenPiece> pieces = List.of(piece(3, 1), piece(8, 1), piece(9, 1), piece(30, 1));
        int length = 8;
        List<Crops.Window> windows = Crops.evaluationWindows(pieces, length);
        Crops.Batch b = Crops.of(pieces, windows, 0, windows.size(), length);
        int[][] seen = new int[pieces.size()][];
        for (int p = 0; p < pieces.size(); p++) {
            seen[p] = new int[pieces.get(p).length()];
        }
        for (int r = 0; r < windows.size(); r++) {
            for (int j = 0; j < length; j++) {
                if (b.weights()[r * length + j] > 0) {
                    Crops.Window win = windows.get(r);
                    int pos = win.offset() + j;
                    assertEquals(100 + pos, b.targets()[r * length + j]);
                    seen[win.piece()][pos]++;
                    assertTrue(j < win.scoreFrom() || pos < length || j >= length / 2,
                            "late tokens keep at least half a context");
                }
            }
        }
        for (int[] s : seen) {
            for (int c : s) {
                assertEquals(1, c);
            }
        }
        assertEquals(3 + 8 + 9 + 30, b.scored());
    }

    @Test
    void randomCropsAreFullWhenThePieceIsLongEnoughAndSeeded() {
        List<TokenPiece> pieces = List.of(piece(5, 1), piece(100, 1));
        double[] cum = Crops.cumulativeWeights(pieces, false);
        assertArrayEquals(new double[] {5, 105}, cum);
        Crops.Batch a = Crops.random(pieces, cum, 64, 10, new Random(3));
        Crops.Batch b = Crops.random(pieces, cum, 64, 10, new Random(3));
        assertArrayEquals(a.inputs(), b.inputs());
        int fromLong = 0;
        for (int r = 0; r < 64; r++) {
            int first = a.targets()[r * 10];
            if (a.targets()[r * 10 + 9] != Vocabulary.PAD) {
                fromLong++;
                assertTrue(first >= 100 && first <= 190, "offset leaves a full crop: " + first);
            }
        }
        assertTrue(fromLong > 50, "the long piece is drawn about 95 % of the time: " + fromLong);
    }
}
