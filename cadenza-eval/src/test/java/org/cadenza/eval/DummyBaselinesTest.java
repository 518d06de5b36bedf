package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DummyBaselinesTest {

    /** shared/benchmarks/asap-composer10/README.md, "Counts": pieces train / test. */
    private static final List<String> COMPOSERS = List.of("bach", "beethoven", "chopin", "haydn", "liszt", "mozart",
            "rachmaninoff", "ravel", "schubert", "schumann");
    private static final long[] TRAIN_PIECES = {35, 35, 20, 7, 10, 4, 2, 2, 7, 5};
    /** Made up for the test: Beethoven's sonatas are long, Liszt's pieces longer than Chopin's. */
    private static final long[] TRAIN_WINDOWS = {350, 420, 140, 90, 150, 40, 30, 20, 60, 55};
    private static final int[] TEST_PIECES = {12, 11, 7, 2, 3, 1, 1, 1, 3, 2};

    private static int[] labels(int[] countsPerClass) {
        return IntStream.range(0, countsPerClass.length).flatMap(c -> IntStream.generate(() -> c).limit(countsPerClass[c])).toArray();
    }

    @Test
    void reproducesTheBenchmarkReadmeAtPieceLevel() {
        DummyBaselines d = DummyBaselines.of(COMPOSERS, TRAIN_PIECES, TRAIN_WINDOWS, labels(TEST_PIECES), 3);
        // bach and beethoven tie at 35 training pieces: bach, first by name; 12 of 43 test pieces are bach
        assertEquals("training pieces", d.byPieces().countedBy());
        assertEquals("bach", d.byPieces().predictedClass());
        assertEquals(12.0 / 43, d.byPieces().accuracy(), 1e-12);
        assertEquals(27.9, round1(100 * d.byPieces().accuracy()));
        assertEquals(0.1, d.byPieces().balancedAccuracy(), 1e-12);
        // top-3 by training pieces: bach, beethoven, chopin -> (12 + 11 + 7) / 43
        assertEquals(30.0 / 43, d.byPieces().topKAccuracy(), 1e-12);
        // beethoven has the most training windows: 11 of 43; top-3 by windows beethoven, bach, liszt -> 26 / 43
        assertEquals("beethoven", d.byWindows().predictedClass());
        assertEquals(11.0 / 43, d.byWindows().accuracy(), 1e-12);
        assertEquals(0.1, d.byWindows().balancedAccuracy(), 1e-12);
        assertEquals(26.0 / 43, d.byWindows().topKAccuracy(), 1e-12);
        // stratified with the training pieces' prior: sum p_train * p_test
        //   = (35*12 + 35*11 + 20*7 + 7*2 + 10*3 + 4*1 + 2*1 + 2*1 + 7*3 + 5*2) / (127 * 43) = 1028 / 5461
        assertEquals(1028.0 / 5461, d.stratifiedAccuracy(), 1e-12);
        assertEquals(18.8, round1(100 * d.stratifiedAccuracy()));
        // balanced: mean over the 10 test composers of p_train = 1/10
        assertEquals(0.1, d.stratifiedBalancedAccuracy(), 1e-12);
        // the first dummy, for callers that show one
        assertEquals("bach", d.mostFrequentClass());
        assertEquals(12.0 / 43, d.mostFrequentAccuracy(), 1e-12);
    }

    /**
     * Classes a, b, c with 5, 3, 2 training pieces but 20, 40, 10 training windows (b's pieces are long).
     * Test pieces a, a, b, c; test windows 4 of a, 10 of b, 2 of c. The same three dummies at both levels:
     * <pre>
     *                         piece level (4)          window level (16)
     * always a (by pieces)    2/4 = 0.5                4/16 = 0.25
     * always b (by windows)   1/4 = 0.25               10/16 = 0.625
     * stratified (.5 .3 .2)   .5*2/4 + .3/4 + .2/4     (.5*4 + .3*10 + .2*2) / 16
     *                         = 0.375                  = 5.4 / 16 = 0.3375
     * </pre>
     */
    @Test
    void theSameThreeDummiesStandAtPieceAndWindowLevel() {
        List<String> classes = List.of("a", "b", "c");
        long[] pieces = {5, 3, 2};
        long[] windows = {20, 40, 10};
        DummyBaselines piece = DummyBaselines.of(classes, pieces, windows, new int[] {0, 0, 1, 2}, 1);
        DummyBaselines window = DummyBaselines.of(classes, pieces, windows, labels(new int[] {4, 10, 2}), 1);
        for (DummyBaselines d : List.of(piece, window)) {
            assertEquals("a", d.byPieces().predictedClass());
            assertEquals("b", d.byWindows().predictedClass());
            // every class is in the test: always one class is right on 1 class of 3; the prior sums to 1 over 3
            assertEquals(1.0 / 3, d.byPieces().balancedAccuracy(), 1e-12);
            assertEquals(1.0 / 3, d.byWindows().balancedAccuracy(), 1e-12);
            assertEquals(1.0 / 3, d.stratifiedBalancedAccuracy(), 1e-12);
        }
        assertEquals(0.5, piece.byPieces().accuracy(), 1e-12);
        assertEquals(0.25, piece.byWindows().accuracy(), 1e-12);
        assertEquals(0.375, piece.stratifiedAccuracy(), 1e-12);
        assertEquals(0.25, window.byPieces().accuracy(), 1e-12);
        assertEquals(0.625, window.byWindows().accuracy(), 1e-12);
        assertEquals(0.3375, window.stratifiedAccuracy(), 1e-12);
    }

    @Test
    void tieGoesToTheFirstNameWhateverTheClassOrder() {
        List<String> reversed = new ArrayList<>(COMPOSERS);
        java.util.Collections.reverse(reversed);
        long[] train = new long[10];
        long[] windows = new long[10];
        int[] test = new int[10];
        for (int i = 0; i < 10; i++) {
            train[i] = TRAIN_PIECES[9 - i];
            windows[i] = 10;
            test[i] = TEST_PIECES[9 - i];
        }
        DummyBaselines d = DummyBaselines.of(reversed, train, windows, labels(test), 3);
        assertEquals("bach", d.byPieces().predictedClass());
        assertEquals(12.0 / 43, d.byPieces().accuracy(), 1e-12);
        // ten classes with 10 windows each: bach again, first by name
        assertEquals("bach", d.byWindows().predictedClass());
        assertEquals(1028.0 / 5461, d.stratifiedAccuracy(), 1e-12);
    }

    @Test
    void balancedAccuracyCountsOnlyClassesPresentInTheTest() {
        // train a 6, b 3, c 1 pieces (windows alike); test only b and c
        DummyBaselines d = DummyBaselines.of(List.of("a", "b", "c"), new long[] {6, 3, 1}, new long[] {6, 3, 1},
                new int[] {1, 1, 2}, 1);
        assertEquals("a", d.byPieces().predictedClass());
        assertEquals(0, d.byPieces().accuracy(), 1e-12);
        assertEquals(0, d.byPieces().balancedAccuracy(), 1e-12);
        // accuracy = 0.3 * 2/3 + 0.1 * 1/3 = 7/30; balanced = (0.3 + 0.1) / 2
        assertEquals(7.0 / 30, d.stratifiedAccuracy(), 1e-12);
        assertEquals(0.2, d.stratifiedBalancedAccuracy(), 1e-12);
    }

    @Test
    void countsThatDoNotFitAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a"), new long[] {0},
                new long[] {1}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a"), new long[] {1},
                new long[] {0}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a", "b"), new long[] {1},
                new long[] {1, 1}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a", "b"), new long[] {1, 1},
                new long[] {1, 1}, new int[] {2}, 1));
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a", "b"), new long[] {1, 1},
                new long[] {1, -1}, new int[] {0}, 1));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
