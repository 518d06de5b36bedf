package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader of MIDI (ingest's inspect, read, the notes route) refuses the same files with the same message. */
class OneSetOfMidiLimitsTest {

    @TempDir
    Path dir;

    /** PPQ 1 at 60 BPM (one tick per second): a note at the start and one ending 388 hours later. */
    private Path threeHundredEightyEightHours() throws Exception {
        Sequence seq = TestMidi.ppq(1);
        Track t = seq.createTrack();
        TestMidi.tempo(t, 1_000_000, 0);
        TestMidi.note(t, 0, 60, 0, 1);
        long end = 388L * 3600;
        TestMidi.note(t, 0, 62, end - 1, end);
        Path f = TestMidi.write(seq, dir.resolve("388-hours.mid"));
        assertTrue(Files.size(f) < 200, "a small file");
        return f;
    }

    private static String refusal(Class<? extends BadInputException> type, Runnable read) {
        BadInputException e = assertThrows(BadInputException.class, read::run);
        assertEquals(type, e.getClass(), () -> "got " + e);
        return e.getMessage();
    }

    @Test
    void aMidiHundredsOfHoursLongIsRefusedByEveryReaderWithOneMessage() throws Exception {
        Path f = threeHundredEightyEightHours();
        String ingest = refusal(ResourceLimitException.class, () -> MidiInspector.inspect(f, MidiLimits.DEFAULTS));
        assertTrue(ingest.startsWith(f + ": too long: 388:00:00"), ingest);
        assertTrue(ingest.contains("3:00:00"), ingest);

        assertEquals(ingest, refusal(ResourceLimitException.class,
                () -> NoteReader.read(f, MidiLimits.DEFAULTS, NoteReader.Pedal.EXTEND)));
        assertEquals(ingest, refusal(ResourceLimitException.class, () -> NoteReader.read(f)));
        assertEquals(ingest, refusal(ResourceLimitException.class, () -> MidiInspector.read(f)));
    }

    @Test
    void theLimitIsTheCallersLimits() throws Exception {
        Path f = threeHundredEightyEightHours();
        MidiLimits generous = MidiLimits.DEFAULTS.withMaxSeconds(400 * 3600.0);
        NoteSequence notes = NoteReader.read(f, generous, NoteReader.Pedal.IGNORE);
        assertEquals(2, notes.notes().size());
        assertEquals(388 * 3600.0, notes.notes().get(1).offsetSeconds(), 1e-6);
    }

    @Test
    void anAbsurdTempoIsRefusedByTheNotesRouteAsByIngest() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        Track t = seq.createTrack();
        TestMidi.tempo(t, 10_000, 0); // 6,000 BPM
        TestMidi.note(t, 0, 60, 0, 960);
        Path f = TestMidi.write(seq, dir.resolve("fast.mid"));
        String ingest = refusal(BadInputException.class, () -> MidiInspector.inspect(f, MidiLimits.DEFAULTS));
        assertTrue(ingest.contains("absurd tempo 6000.00 BPM"), ingest);
        assertEquals(ingest, refusal(BadInputException.class,
                () -> NoteReader.read(f, MidiLimits.DEFAULTS, NoteReader.Pedal.EXTEND)));
        // and a narrower range is the caller's to set
        NoteReader.read(f, MidiLimits.DEFAULTS.withBpmRange(4, 6000), NoteReader.Pedal.EXTEND);
    }

    @Test
    void theSizeLimitAppliesToTheNotesRouteToo() throws Exception {
        Path f = TestMidi.simple(dir.resolve("big.mid"), 100);
        MidiLimits small = MidiLimits.DEFAULTS.withMaxBytes(100);
        String ingest = refusal(ResourceLimitException.class, () -> MidiInspector.inspect(f, small));
        assertEquals(ingest, refusal(ResourceLimitException.class,
                () -> NoteReader.read(f, small, NoteReader.Pedal.EXTEND)));
    }
}
