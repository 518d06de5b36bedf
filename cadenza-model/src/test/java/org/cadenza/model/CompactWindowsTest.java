package org.cadenza.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactWindowsTest {

    @Test
    void keepsValuesWithinHalfAStepAndReadsTheSourceOnceInOrder() {
        InMemoryWindows w = Synthetic.windows(9, 4);
        List<Integer> reads = new ArrayList<>();
        LabeledWindows counting = new LabeledWindows() {
            public int size() { return w.size(); }
            public int label(int i) { return w.label(i); }
            public float[] window(int i) { reads.add(i); return w.window(i); }
            public int mels() { return w.mels(); }
            public int frames() { return w.frames(); }
            public List<String> classes() { return w.classes(); }
        };
        CompactWindows c = CompactWindows.copyOf(counting);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), reads);
        assertEquals(w.classes(), c.classes());
        for (int i = 0; i < w.size(); i++) {
            assertEquals(w.label(i), c.label(i));
            float[] a = w.window(i);
            float[] b = c.window(i);
            for (int j = 0; j < a.length; j++) {
                assertTrue(Math.abs(a[j] - b[j]) <= 0.5f / CompactWindows.STEPS_PER_DB + 1e-6f,
                        "window " + i + " value " + j + ": " + a[j] + " vs " + b[j]);
            }
        }
        assertEquals(-80f, CompactWindows.copyOf(new InMemoryWindows(List.of("a", "b"), 1, 1,
                List.of(new float[] {-80f}), new int[] {0})).window(0)[0]);
    }

    @Test
    void refusesValuesThatAreNotDecibels() {
        var e = assertThrows(IllegalArgumentException.class, () -> CompactWindows.copyOf(new InMemoryWindows(
                List.of("a", "b"), 1, 2, List.of(new float[] {0f, 1e6f}), new int[] {1})));
        assertTrue(e.getMessage().contains("window 0, value 1"), e.getMessage());
    }
}
