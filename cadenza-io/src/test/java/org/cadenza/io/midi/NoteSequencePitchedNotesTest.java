package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoteSequencePitchedNotesTest {

    private static Note drum(int pitch, double onset) {
        return new Note(pitch, onset, onset + 0.1, 100, 9, 0, 0);
    }

    @Test
    void dropsThePercussionChannelAndKeepsTheOrder() {
        Note c = Note.of(60, 1.0, 1.5, 80);
        Note e = Note.of(64, 0.5, 1.0, 80);
        Note g = new Note(67, 0.5, 2.0, 90, 3, 40, 1);
        NoteSequence seq = NoteSequence.of(List.of(c, drum(36, 0.0), e, drum(38, 1.0), g));

        assertEquals(List.of(e, g, c), seq.pitchedNotes());
        assertEquals(5, seq.notes().size());
    }

    @Test
    void percussionOnlyOrNothingGivesNoPitchedNotes() {
        assertTrue(NoteSequence.of(List.of(drum(36, 0.0), drum(42, 0.5))).pitchedNotes().isEmpty());
        assertTrue(NoteSequence.of(List.of()).pitchedNotes().isEmpty());
    }

    @Test
    void theListCannotBeChanged() {
        List<Note> pitched = NoteSequence.of(List.of(Note.of(60, 0, 1, 80))).pitchedNotes();
        assertThrows(UnsupportedOperationException.class, () -> pitched.add(Note.of(62, 0, 1, 80)));
    }
}
