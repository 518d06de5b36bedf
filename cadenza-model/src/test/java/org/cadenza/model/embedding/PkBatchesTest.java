package org.cadenza.model.embedding;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkBatchesTest {

    // class 0: pieces 10 (windows 0-3) and 11 (4-5); class 1: piece 20 (6-8); class 2: piece 30 (9, a single window)
    private static final int[] LABELS = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
    private static final int[] PIECES = {10, 10, 10, 10, 11, 11, 20, 20, 20, 30};

    @Test
    void batchesHoldPClassesOfKItemsSpreadOverPieces() {
        PkBatches pk = new PkBatches(LABELS, PIECES);
        assertEquals(List.of(0, 1), pk.usableClasses());
        for (int[] batch : pk.epoch(2, 4, 20, new Random(1))) {
            assertEquals(8, batch.length);
            int zeros = 0;
            Set<Integer> piecesOfClass0 = new HashSet<>();
            for (int i : batch) {
                assertTrue(LABELS[i] != 2, "a class with one window cannot give a positive");
                if (LABELS[i] == 0) {
                    zeros++;
                    piecesOfClass0.add(PIECES[i]);
                }
            }
            assertEquals(4, zeros);
            assertEquals(Set.of(10, 11), piecesOfClass0, "four windows of class 0 come from both of its pieces");
        }
    }

    @Test
    void sameSeedSameBatches() {
        PkBatches pk = new PkBatches(LABELS, PIECES);
        List<int[]> a = pk.epoch(2, 3, 5, new Random(7));
        List<int[]> b = pk.epoch(2, 3, 5, new Random(7));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertEquals(2, pk.batchesPerEpoch(2, 3), "10 windows / (2 x 3) rounded up");
    }

    @Test
    void refusesWhatCannotMakeTriplets() {
        assertThrows(IllegalArgumentException.class, () -> new PkBatches(new int[] {0, 0, 1}, new int[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new PkBatches(new int[] {0}, new int[] {1, 2}));
        PkBatches pk = new PkBatches(LABELS, PIECES);
        assertThrows(IllegalArgumentException.class, () -> pk.epoch(1, 4, 1, new Random(1)));
    }
}
