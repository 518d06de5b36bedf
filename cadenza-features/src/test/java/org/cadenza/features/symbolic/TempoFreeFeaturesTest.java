package org.cadenza.features.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.cadenza.io.midi.Note;
import org.junit.jupiter.api.Test;

/** The extended feature set on hand-built notes whose values were worked out by hand. */
class TempoFreeFeaturesTest {

    private static final double EPS = 1e-12;
    private static final SymbolicFeatures BASE = new SymbolicFeatures(SymbolicParams.defaults());
    private static final SymbolicFeatures EXTENDED =
            new SymbolicFeatures(SymbolicParams.builder().optFeatureSet(FeatureSet.EXTENDED).build());

    private static double get(double[] v, String name) {
        int i = EXTENDED.names().indexOf(name);
        assertTrue(i >= 0, "no feature called " + name);
        return v[i];
    }

    /**
     * A melody C4 D4 C4 G4, one note per beat at {@code beat} seconds (the last one two beats long), on a violin
     * (program 40, strings), over a bass C3 held for the four beats on a cello (program 42) in another track.
     */
    private static List<Note> duet(double beat) {
        List<Note> notes = new ArrayList<>();
        int[] melody = {60, 62, 60, 67};
        for (int i = 0; i < melody.length; i++) {
            double length = i == 3 ? 2 * beat : beat;
            notes.add(new Note(melody[i], i * beat, i * beat + length, 80, 0, 40, 1));
        }
        notes.add(new Note(48, 0, 4 * beat, 80, 1, 42, 2));
        notes.add(new Note(36, 0, 0.5, 100, 9, 0, 3)); // a drum: percussion is left out
        return notes;
    }

    @Test
    void theBaseSetIsUnchangedAndTheExtendedOneAppends86Values() {
        assertEquals(153, BASE.size());
        assertEquals(153 + 86, EXTENDED.size());
        assertEquals(BASE.names(), EXTENDED.names().subList(0, 153));
        assertEquals(EXTENDED.size(), new HashSet<>(EXTENDED.names()).size(), "unique names");
        double[] base = BASE.compute(duet(0.5), 3);
        double[] extended = EXTENDED.compute(duet(0.5), 3);
        assertArrayEquals(base, java.util.Arrays.copyOf(extended, 153), EPS);
        assertEquals(SymbolicParams.defaults().key(), BASE.key(), "the base key is the key of earlier models");
        assertTrue(EXTENDED.key().endsWith(";set=extended"), EXTENDED.key());
    }

    @Test
    void familiesPartsRelativeRhythmAndSignedIntervals() {
        double[] v = EXTENDED.compute(duet(0.5), 3);
        // 5 pitched notes: 4 violin, 1 cello, both strings (family 5)
        assertEquals(1.0, get(v, "family_strings"), EPS);
        assertEquals(0.0, get(v, "family_piano"), EPS);
        assertEquals(Math.log1p(2), get(v, "parts_log"), EPS);
        assertEquals(Math.log1p(2), get(v, "voices_log"), EPS);
        // onset groups every beat: 3 IOIs of one pulse
        assertEquals(1.0, get(v, "relative_ioi_p0"), EPS);
        // durations in pulses: three of 1, the last melody note 2 (log2 = 1), the bass 4 (log2 = 2)
        assertEquals(3.0 / 5, get(v, "relative_duration_p0"), EPS);
        assertEquals(1.0 / 5, get(v, "relative_duration_p1"), EPS);
        assertEquals(1.0 / 5, get(v, "relative_duration_p2"), EPS);
        // melody (highest struck note of each group) 60 62 60 67: intervals +2, -2, +7
        assertEquals(1.0 / 3, get(v, "melody_signed_interval_p2"), EPS);
        assertEquals(1.0 / 3, get(v, "melody_signed_interval_m2"), EPS);
        assertEquals(1.0 / 3, get(v, "melody_signed_interval_p7"), EPS);
        // bass (lowest struck note of each group) 48 62 60 67: +14 clipped to +12, -2, +7
        assertEquals(1.0 / 3, get(v, "bass_signed_interval_p12"), EPS);
        assertEquals(1.0 / 3, get(v, "bass_signed_interval_m2"), EPS);
        assertEquals(1.0 / 3, get(v, "bass_signed_interval_p7"), EPS);
    }

    @Test
    void theRelativeRhythmIsTheSameAtAnyTempo() {
        double[] slow = EXTENDED.compute(duet(1.0), 6);
        double[] fast = EXTENDED.compute(duet(0.25), 1.5);
        for (String name : EXTENDED.names().subList(153, EXTENDED.size())) {
            assertEquals(get(slow, name), get(fast, name), EPS, name);
        }
    }

    @Test
    void nothingGivesZerosAndTheSetParses() {
        double[] v = EXTENDED.compute(List.of(), 0);
        for (int i = 153; i < v.length; i++) {
            assertEquals(0.0, v[i], EPS, EXTENDED.names().get(i));
        }
        assertEquals(FeatureSet.EXTENDED, FeatureSet.parse(" Extended "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSet.parse("full"));
        assertTrue(e.getMessage().contains("base or extended"), e.getMessage());
    }
}
