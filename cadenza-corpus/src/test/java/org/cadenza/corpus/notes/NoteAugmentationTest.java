package org.cadenza.corpus.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.render.Augmentation;
import org.junit.jupiter.api.Test;

class NoteAugmentationTest {

    private static final NoteSequence SEQ = NoteSequence.of(List.of(Note.of(60, 0.0, 1.0, 80), Note.of(126, 1.0, 2.0, 80),
            new Note(36, 0.5, 0.6, 100, 9, 0, 0)));

    @Test
    void transposesPitchedNotesDropsThoseLeavingTheRangeAndLeavesDrumsAlone() {
        NoteSequence up = NoteAugmentation.transpose(SEQ, 2);
        assertEquals(List.of(36, 62), up.notes().stream().map(Note::pitch).sorted().toList());
        assertEquals(36, up.notes().stream().filter(Note::isPercussion).findFirst().orElseThrow().pitch());
    }

    @Test
    void aFasterTempoDividesEveryTime() {
        NoteSequence fast = NoteAugmentation.apply(SEQ, new Augmentation(0, 2.0));
        Note last = fast.notes().get(fast.notes().size() - 1);
        assertEquals(0.5, last.onsetSeconds(), 1e-12);
        assertEquals(1.0, last.offsetSeconds(), 1e-12);
        assertEquals(1.0, fast.durationSeconds(), 1e-12);
        assertEquals(List.of(0.0), fast.barStartSeconds());
    }
}
