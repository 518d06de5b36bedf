package org.cadenza.model.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

class GenerationLengthTest {

    @Test
    void readsSecondsAndBars() {
        assertEquals(new GenerationLength(60, false), GenerationLength.parse("60s"));
        assertEquals(new GenerationLength(90, false), GenerationLength.parse("90"));
        assertEquals(new GenerationLength(16, true), GenerationLength.parse("16bars"));
        assertEquals(new GenerationLength(2.5, true), GenerationLength.parse("2.5b"));
        assertThrows(IllegalArgumentException.class, () -> GenerationLength.parse("a minute"));
        assertThrows(IllegalArgumentException.class, () -> GenerationLength.parse("0s"));
    }

    @Test
    void barsTakeThePrimersBarsOrTheTempo() {
        assertEquals(32.0, GenerationLength.parse("16bars").seconds(Optional.empty(), 120, 4), 1e-9);
        assertEquals(24.0, GenerationLength.parse("16bars").seconds(Optional.empty(), 120, 3), 1e-9);
        NoteSequence waltz = new NoteSequence(Path.of("w.mid"), List.of(Note.of(60, 0, 1, 80)),
                List.of(0.0, 1.5, 3.0, 4.5));
        assertEquals(15.0, GenerationLength.parse("10bars").seconds(Optional.of(waltz), 120, 4), 1e-9);
        assertEquals(60.0, GenerationLength.parse("60s").seconds(Optional.of(waltz), 120, 4), 1e-9);
    }

    @Test
    void aLengthOverAnHourIsRefusedWithWhatToDo() {
        assertEquals(3600.0, GenerationLength.parse("3600s").seconds(Optional.empty(), 120, 4), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenerationLength.parse("99999s").seconds(Optional.empty(), 120, 4));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("99999 s")
                && e.getMessage().contains("at most 3600 s") && e.getMessage().contains("several pieces"),
                e.getMessage());
        // 2000 bars of 4 beats at 120 BPM are 4000 s
        assertThrows(IllegalArgumentException.class,
                () -> GenerationLength.parse("2000bars").seconds(Optional.empty(), 120, 4));
    }
}
