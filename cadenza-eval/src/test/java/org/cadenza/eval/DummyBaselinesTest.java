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
    private static final int[] TEST_PIECES = {12, 11, 7, 2, 3, 1, 1, 1, 3, 2};

    private static int[] labels(int[] countsPerClass) {
        return IntStream.range(0, countsPerClass.length).flatMap(c -> IntStream.generate(() -> c).limit(countsPerClass[c])).toArray();
    }

    @Test
    void reproducesTheBenchmarkReadmeAtPieceLevel() {
        DummyBaselines d = DummyBaselines.of(COMPOSERS, TRAIN_PIECES, labels(TEST_PIECES), 3);
        // bach and beethoven tie at 35 training pieces: bach, first by name; 12 of 43 test pieces are bach
        assertEquals("bach", d.mostFrequentClass());
        assertEquals(12.0 / 43, d.mostFrequentAccuracy(), 1e-12);
        assertEquals(27.9, round1(100 * d.mostFrequentAccuracy()));
        assertEquals(0.1, d.mostFrequentBalancedAccuracy(), 1e-12);
        // stratified: sum p_train * p_test = (35*12 + 35*11 + 20*7 + 7*2 + 10*3 + 4*1 + 2*1 + 2*1 + 7*3 + 5*2) / (127 * 43)
        //           = 1028 / 5461
        assertEquals(1028.0 / 5461, d.stratifiedAccuracy(), 1e-12);
        assertEquals(18.8, round1(100 * d.stratifiedAccuracy()));
        // balanced: mean over the 10 test composers of p_train = 1/10
        assertEquals(0.1, d.stratifiedBalancedAccuracy(), 1e-12);
        // top-3 by training count: bach, beethoven, chopin -> (12 + 11 + 7) / 43
        assertEquals(30.0 / 43, d.mostFrequentTopKAccuracy(), 1e-12);
    }

    @Test
    void tieGoesToTheFirstNameWhateverTheClassOrder() {
        List<String> reversed = new ArrayList<>(COMPOSERS);
        java.util.Collections.reverse(reversed);
        long[] train = new long[10];
        int[] test = new int[10];
        for (int i = 0; i < 10; i++) {
            train[i] = TRAIN_PIECES[9 - i];
            test[i] = TEST_PIECES[9 - i];
        }
        DummyBaselines d = DummyBaselines.of(reversed, train, labels(test), 3);
        assertEquals("bach", d.mostFrequentClass());
        assertEquals(12.0 / 43, d.mostFrequentAccuracy(), 1e-12);
        assertEquals(1028.0 / 5461, d.stratifiedAccuracy(), 1e-12);
    }

    @Test
    void balancedAccuracyCountsOnlyClassesPresentInTheTest() {
        // train a 6, b 3, c 1; test only b and c
        DummyBaselines d = DummyBaselines.of(List.of("a", "b", "c"), new long[] {6, 3, 1}, new int[] {1, 1, 2}, 1);
        assertEquals("a", d.mostFrequentClass());
        assertEquals(0, d.mostFrequentAccuracy(), 1e-12);
        assertEquals(0, d.mostFrequentBalancedAccuracy(), 1e-12);
        // accuracy = 0.3 * 2/3 + 0.1 * 1/3 = 7/30; balanced = (0.3 + 0.1) / 2
        assertEquals(7.0 / 30, d.stratifiedAccuracy(), 1e-12);
        assertEquals(0.2, d.stratifiedBalancedAccuracy(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a"), new long[] {0}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class, () -> DummyBaselines.of(List.of("a", "b"), new long[] {1}, new int[] {0}, 1));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
