package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteReaderTest {

    @TempDir
    Path dir;

    @Test
    void timesNotesThroughTheTempoMapAndPairsOffsFirstInFirstOut() throws Exception {
        Sequence s = TestMidi.ppq(480);
        Track t = s.createTrack();
        // 120 BPM for the first two quarters (0.5 s each), then 60 BPM (1 s per quarter)
        TestMidi.tempo(t, 1_000_000, 960);
        TestMidi.program(t, 0, 40, 0);
        TestMidi.note(t, 0, 60, 0, 480);        // 0 .. 0.5 s
        TestMidi.note(t, 0, 64, 480, 1440);     // 0.5 .. 2.0 s (crosses the tempo change)
        // two overlapping C5s on the same key: the first off ends the first on
        t.add(TestMidi.event(ShortMessage.NOTE_ON, 0, 72, 100, 960));
        t.add(TestMidi.event(ShortMessage.NOTE_ON, 0, 72, 50, 1200));
        t.add(TestMidi.event(ShortMessage.NOTE_ON, 0, 72, 0, 1440));   // velocity 0 = off
        t.add(TestMidi.event(ShortMessage.NOTE_OFF, 0, 72, 0, 1920));
        NoteSequence notes = NoteReader.read(TestMidi.write(s, dir.resolve("t.mid")));

        List<Note> n = notes.notes();
        assertEquals(4, n.size());
        assertNote(n.get(0), 60, 0.0, 0.5);
        assertNote(n.get(1), 64, 0.5, 2.0);
        assertNote(n.get(2), 72, 1.0, 2.0);
        assertEquals(100, n.get(2).velocity());
        assertNote(n.get(3), 72, 1.5, 3.0);
        assertEquals(50, n.get(3).velocity());
        assertEquals(40, n.get(0).program());
        assertEquals(3.0, notes.durationSeconds(), 1e-9);
    }

    @Test
    void theSustainPedalLengthensReleasedNotesUntilItIsLifted() throws Exception {
        Sequence s = TestMidi.ppq(480);
        Track t = s.createTrack();
        t.add(TestMidi.event(ShortMessage.CONTROL_CHANGE, 0, 64, 127, 240));
        TestMidi.note(t, 0, 60, 0, 480);        // released at 0.5 s under the pedal
        TestMidi.note(t, 0, 67, 960, 1200);     // struck after the pedal is lifted at 1.0 s
        t.add(TestMidi.event(ShortMessage.CONTROL_CHANGE, 0, 64, 0, 960));
        Path f = TestMidi.write(s, dir.resolve("pedal.mid"));

        List<Note> extended = NoteReader.read(f, MidiLimits.DEFAULTS, NoteReader.Pedal.EXTEND).notes();
        assertNote(extended.get(0), 60, 0.0, 1.0);
        assertNote(extended.get(1), 67, 1.0, 1.25);
        List<Note> asWritten = NoteReader.read(f, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE).notes();
        assertNote(asWritten.get(0), 60, 0.0, 0.5);
    }

    @Test
    void barsFollowTheTimeSignatures() throws Exception {
        Sequence s = TestMidi.ppq(480);
        Track t = s.createTrack();
        // 3/4 from the start: a bar is 3 quarters = 1.5 s at 120 BPM; 2/4 from tick 2880 (bar 3)
        t.add(new MidiEvent(new MetaMessage(0x58, new byte[] {3, 2, 24, 8}, 4), 0));
        t.add(new MidiEvent(new MetaMessage(0x58, new byte[] {2, 2, 24, 8}, 4), 2880));
        TestMidi.note(t, 0, 60, 0, 4800);       // 0 .. 5 s
        NoteSequence notes = NoteReader.read(TestMidi.write(s, dir.resolve("bars.mid")));
        assertEquals(List.of(0.0, 1.5, 3.0, 4.0), notes.barStartSeconds());
    }

    @Test
    void sliceClipsAndShiftsNotesToTheSpan() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0.0, 2.0, 80), Note.of(62, 1.5, 2.5, 80),
                Note.of(64, 3.0, 3.5, 80)));
        List<Note> kept = seq.slice(1.0, 3.0, NoteSequence.Held.KEEP);
        assertEquals(2, kept.size());
        assertNote(kept.get(0), 60, 0.0, 1.0);
        assertNote(kept.get(1), 62, 0.5, 1.5);
        List<Note> dropped = seq.slice(1.0, 3.0, NoteSequence.Held.DROP);
        assertEquals(1, dropped.size());
        assertEquals(62, dropped.get(0).pitch());
    }

    @Test
    void aFileWithoutNotesIsRefusedByName() throws Exception {
        Sequence s = TestMidi.ppq(480);
        s.createTrack().add(TestMidi.event(ShortMessage.PROGRAM_CHANGE, 0, 1, 0, 0));
        Path f = TestMidi.write(s, dir.resolve("empty.mid"));
        BadInputException e = assertThrows(BadInputException.class, () -> NoteReader.read(f));
        assertTrue(e.getMessage().contains("empty.mid") && e.getMessage().contains("no notes"), e.getMessage());
    }

    private static void assertNote(Note n, int pitch, double on, double off) {
        assertEquals(pitch, n.pitch(), n.toString());
        assertEquals(on, n.onsetSeconds(), 1e-9, n.toString());
        assertEquals(off, n.offsetSeconds(), 1e-9, n.toString());
    }
}
