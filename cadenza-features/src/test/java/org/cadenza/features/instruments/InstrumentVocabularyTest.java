package org.cadenza.features.instruments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class InstrumentVocabularyTest {

    /** 12 piano solos, 10 quartets, 3 pieces with horn and 1 with tuba (one of them also with violin). */
    private static Map<String, SortedSet<String>> corpus() {
        Map<String, SortedSet<String>> pieces = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            pieces.put("piano/" + i, set("piano"));
        }
        for (int i = 0; i < 10; i++) {
            pieces.put("quartet/" + i, set("violin", "viola", "cello"));
        }
        pieces.put("horn/0", set("horn", "piano"));
        pieces.put("horn/1", set("horn", "strings"));
        pieces.put("horn/2", set("horn", "tuba", "violin"));
        return pieces;
    }

    @Test
    void keepsFamiliesInAtLeastMinPiecesAndReportsTheRest() {
        InstrumentVocabulary v = InstrumentVocabulary.of(corpus(), 10);
        assertEquals(List.of("cello", "piano", "viola", "violin"), v.families());
        assertEquals(Map.of("cello", 10, "piano", 13, "viola", 10, "violin", 11, "horn", 3, "strings", 1,
                "tuba", 1), v.piecesPerFamily());
        assertEquals(Map.of("horn", 3, "strings", 1, "tuba", 1), v.dropped());
        assertEquals(List.of("horn", "strings", "tuba"), List.copyOf(v.dropped().keySet()), "sorted");
        assertEquals(v, InstrumentVocabulary.of(corpus()), "the default minPieces is 10");

        InstrumentVocabulary loose = InstrumentVocabulary.of(corpus(), 3);
        assertEquals(List.of("cello", "horn", "piano", "viola", "violin"), loose.families());
        assertEquals(Map.of("strings", 1, "tuba", 1), loose.dropped());

        InstrumentVocabulary all = InstrumentVocabulary.of(corpus(), 1);
        assertEquals(7, all.families().size());
        assertTrue(all.dropped().isEmpty());
    }

    @Test
    void describeListsEveryFamilyMostPiecesFirst() {
        List<String> lines = InstrumentVocabulary.of(corpus(), 10).describe();
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).matches("piano\\s+13 pieces  kept"), lines.get(0));
        assertTrue(lines.get(4).matches("horn\\s+3 pieces  dropped \\(fewer than the minimum\\)"), lines.get(4));
    }

    @Test
    void multiHotUsesTheKeptFamilies() {
        InstrumentVocabulary v = InstrumentVocabulary.of(corpus(), 10);
        assertArrayEquals(new float[] {0, 0, 0, 1}, v.multiHot(set("horn", "tuba", "violin")));
    }

    @Test
    void inconsistentRecordsAndBadMinimaAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstrumentVocabulary.of(corpus(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new InstrumentVocabulary(List.of("violin", "cello"), Map.of("violin", 1, "cello", 1), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new InstrumentVocabulary(List.of("cello"), Map.of("violin", 1, "cello", 1), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new InstrumentVocabulary(List.of("cello"), Map.of("violin", 1, "cello", 1),
                        Map.of("violin", 2)));
    }

    private static SortedSet<String> set(String... families) {
        return new TreeSet<>(List.of(families));
    }
}
