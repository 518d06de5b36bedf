package org.cadenza.eval.multilabel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.cadenza.eval.multilabel.RareLabelFilter.Filtered;
import org.junit.jupiter.api.Test;

class RareLabelFilterTest {

    /** 12 pieces: piano in all 12, harp in 3 (pieces 0-2), violin in exactly 10 (pieces 2-11), voice in none. */
    private static boolean[][] pieces() {
        boolean[][] m = new boolean[12][4];
        for (int i = 0; i < 12; i++) {
            m[i][0] = true;
            m[i][1] = i < 3;
            m[i][2] = i >= 2;
        }
        return m;
    }

    private static final List<String> LABELS = List.of("piano", "harp", "violin", "voice");

    @Test
    void dropsLabelsInFewerThanTenPiecesAndKeepsTheBoundary() {
        Filtered f = RareLabelFilter.filter(LABELS, pieces());
        assertEquals(10, f.minPieces());
        assertEquals(List.of("piano", "violin"), f.kept());
        assertArrayEquals(new int[]{0, 2}, f.columns());
        assertEquals(Map.of("harp", 3, "voice", 0), f.dropped());
        assertEquals(List.of("harp", "voice"), List.copyOf(f.dropped().keySet()), "column order");
        assertEquals("dropped 2 of 4 labels present in fewer than 10 pieces: harp (3), voice (0)", f.summary());
        Filtered eleven = RareLabelFilter.filter(LABELS, pieces(), 11);
        assertEquals(List.of("piano"), eleven.kept());
        Filtered one = RareLabelFilter.filter(LABELS, pieces(), 1);
        assertEquals(List.of("piano", "harp", "violin"), one.kept());
        assertEquals(Map.of("voice", 0), one.dropped());
        Filtered none = RareLabelFilter.filter(List.of("piano"), RareLabelFilter.keepColumns(pieces(), new int[]{0}));
        assertEquals("no label present in fewer than 10 pieces", none.summary());
        assertArrayEquals(new int[]{0}, none.columns());
    }

    @Test
    void keepColumnsOfTruthAndProbabilities() {
        Filtered f = RareLabelFilter.filter(LABELS, pieces());
        boolean[][] t = RareLabelFilter.keepColumns(new boolean[][]{{true, false, true, false},
                {false, true, false, true}}, f.columns());
        assertArrayEquals(new boolean[]{true, true}, t[0]);
        assertArrayEquals(new boolean[]{false, false}, t[1]);
        float[][] p = RareLabelFilter.keepColumns(new float[][]{{0.1f, 0.2f, 0.3f, 0.4f}}, new int[]{3, 0});
        assertArrayEquals(new float[]{0.4f, 0.1f}, p[0]);
    }
}
