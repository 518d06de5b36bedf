package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialSummaryTest {

    @Test
    void meanMedianMinMaxAndSpread() {
        // even count: median is the mean of the two middle values (0.50 and 0.55)
        TrialSummary s = TrialSummary.of(0.639, 0.352, 0.55, 0.50);
        assertEquals(4, s.count());
        assertEquals((0.639 + 0.352 + 0.55 + 0.50) / 4, s.mean(), 1e-12);
        assertEquals(0.525, s.median(), 1e-12);
        assertEquals(0.352, s.min());
        assertEquals(0.639, s.max());
        // odd count: the middle value; sample standard deviation of 1, 2, 3 is 1
        TrialSummary odd = TrialSummary.of(List.of(3.0, 1.0, 2.0));
        assertEquals(2.0, odd.median());
        assertEquals(1.0, odd.standardDeviation(), 1e-12);
        assertEquals(0.0, TrialSummary.of(0.4).standardDeviation());
        assertThrows(IllegalArgumentException.class, TrialSummary::of);
        assertThrows(IllegalArgumentException.class, () -> TrialSummary.of(0.5, Double.NaN));
    }

    @Test
    void markdownTableLooksLikeSeed001FigureThree() {
        Map<String, TrialSummary> figures = new LinkedHashMap<>();
        figures.put("accuracy", TrialSummary.of(0.352, 0.639, 0.55));
        String table = TrialSummary.markdownTable(figures);
        assertTrue(table.startsWith("| measurement | accuracy |\n|---|---:|\n"), table);
        assertTrue(table.contains("| median | 55.0 % |"), table);
        assertTrue(table.contains("| minimum | 35.2 % |"), table);
        assertTrue(table.contains("| maximum | 63.9 % |"), table);
        assertTrue(table.contains("| trials | 3 |"), table);
    }
}
