package org.cadenza.io.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cadenza.io.midi.Note;

/** The assertions of the score readers' tests: notes and bar lines compared field by field, times to 1e-9 s. */
public final class ScoreAssertions {

    /** Seconds: how far a time read may be from the one written by hand. */
    public static final double EPS = 1e-9;

    /** The order a note sequence keeps: onset, then pitch, then offset. */
    private static final Comparator<Note> SEQUENCE_ORDER = Comparator.comparingDouble(Note::onsetSeconds)
            .thenComparingInt(Note::pitch).thenComparingDouble(Note::offsetSeconds);

    private ScoreAssertions() {
    }

    /** The notes in the given order, every field compared (pitch, onset, offset, velocity, channel, program, track). */
    public static void assertNotes(List<Note> expected, List<Note> actual) {
        assertEquals(expected.size(), actual.size(), () -> "notes: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Note e = expected.get(i);
            Note a = actual.get(i);
            String where = "note " + i + ": expected " + e + ", got " + a;
            assertEquals(e.pitch(), a.pitch(), where);
            assertEquals(e.onsetSeconds(), a.onsetSeconds(), EPS, where);
            assertEquals(e.offsetSeconds(), a.offsetSeconds(), EPS, where);
            assertEquals(e.velocity(), a.velocity(), where);
            assertEquals(e.channel(), a.channel(), where);
            assertEquals(e.program(), a.program(), where);
            assertEquals(e.track(), a.track(), where);
        }
    }

    /** {@link #assertNotes} with {@code expected} first put in the sequence's order (onset, pitch, offset). */
    public static void assertNotesInSequenceOrder(List<Note> expected, List<Note> actual) {
        List<Note> sorted = new ArrayList<>(expected);
        sorted.sort(SEQUENCE_ORDER);
        assertNotes(sorted, actual);
    }

    /** The bar start times, seconds. */
    public static void assertBars(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), () -> "bars: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), EPS, "bar " + i);
        }
    }
}
