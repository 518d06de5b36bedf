package org.cadenza.model.notes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.cadenza.corpus.dataset.Balancing;
import org.junit.jupiter.api.Test;

/** How the notes route balances its training rows per class. */
class NotesBalancingTest {

    /** Class 0 has 6 rows, class 1 has 2, class 2 has 1. */
    private static final List<Integer> LABELS = List.of(0, 0, 1, 0, 0, 2, 0, 1, 0);

    private static long[] perClass(int[] rows) {
        long[] n = new long[3];
        for (int r : rows) {
            n[LABELS.get(r)]++;
        }
        return n;
    }

    @Test
    void capOversampleAndEqual() {
        assertArrayEquals(new long[] {6, 2, 1}, perClass(NotesTraining.balance(LABELS, 3, Balancing.NONE, 1)));
        assertArrayEquals(new long[] {3, 2, 1}, perClass(NotesTraining.balance(LABELS, 3, Balancing.cap(3), 1)));
        assertArrayEquals(new long[] {6, 6, 6}, perClass(NotesTraining.balance(LABELS, 3, Balancing.oversample(), 1)));
        int[] equal = NotesTraining.balance(LABELS, 3, Balancing.equal(4), 1);
        assertArrayEquals(new long[] {4, 4, 4}, perClass(equal));
        // the drawn-down class keeps 4 distinct rows; the others repeat theirs
        assertEquals(4, Arrays.stream(equal).filter(r -> LABELS.get(r) == 0).distinct().count());
        assertTrue(Arrays.stream(equal).filter(r -> LABELS.get(r) == 2).allMatch(r -> r == 5));
        assertArrayEquals(equal, NotesTraining.balance(LABELS, 3, Balancing.equal(4), 1), "seeded");
    }
}
