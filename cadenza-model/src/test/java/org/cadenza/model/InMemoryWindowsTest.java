package org.cadenza.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryWindowsTest {

    @Test
    void rejectsWrongLengthAndLabelWithIndex() {
        var e = assertThrows(IllegalArgumentException.class, () -> new InMemoryWindows(List.of("a", "b"), 2, 3,
                List.of(new float[6], new float[5]), new int[] {0, 1}));
        assertTrue(e.getMessage().contains("window 1"), e.getMessage());
        var l = assertThrows(IllegalArgumentException.class, () -> new InMemoryWindows(List.of("a", "b"), 2, 3,
                List.of(new float[6]), new int[] {2}));
        assertTrue(l.getMessage().contains("label 2"), l.getMessage());
    }

    @Test
    void subsetAndCopyKeepWindowsAndLabels() {
        InMemoryWindows w = Synthetic.windows(6, 1);
        InMemoryWindows s = w.subset(new int[] {4, 1});
        assertEquals(2, s.size());
        assertEquals(w.label(4), s.label(0));
        assertArrayEquals(w.window(1), s.window(1));
        assertEquals(w.windowLength(), InMemoryWindows.copyOf(w).window(0).length);
        assertEquals(Synthetic.MELS * Synthetic.FRAMES, w.windowLength());
    }
}
