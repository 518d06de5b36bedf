package org.cadenza.model.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.MidiWriter;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the routes that read notes accept, and the notes they read. */
class MidiFilesTest {

    @Test
    void readsTheNotesOfAMidiFile(@TempDir Path tmp) {
        Path midi = tmp.resolve("two.MID");
        MidiWriter.write(NoteSequence.of(List.of(Note.of(60, 0.0, 0.5, 80), Note.of(64, 0.5, 1.0, 80))), midi,
                MidiWriter.Options.DEFAULTS);
        NoteSequence seq = MidiFiles.readNotes(midi, "the notes route", NoteReader.Pedal.IGNORE);
        assertEquals(List.of(60, 64), seq.notes().stream().map(Note::pitch).toList());
    }

    @Test
    void refusesARecordingNamingTheRoute(@TempDir Path tmp) {
        Path wav = tmp.resolve("take.wav");
        BadInputException e = assertThrows(BadInputException.class,
                () -> MidiFiles.readNotes(wav, "the piano-roll route", NoteReader.Pedal.IGNORE));
        assertTrue(e.getMessage().contains("not a MIDI file or a score (.mid, .midi, .kar, .musicxml, .xml, .mxl, .krn): the piano-roll route reads notes"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(wav.toString()), e.getMessage());
    }
}
