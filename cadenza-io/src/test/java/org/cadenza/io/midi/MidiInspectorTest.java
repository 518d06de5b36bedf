package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiInspectorTest {

    @TempDir
    Path dir;

    @Test
    void countsNotesAndReadsHeader() throws Exception {
        Path f = TestMidi.simple(dir.resolve("scale.mid"), 13);
        MidiInfo info = MidiInspector.inspect(f, MidiLimits.DEFAULTS);
        assertEquals(f, info.file());
        assertEquals(0, info.format());
        assertEquals(1, info.tracks());
        assertEquals(480, info.resolution());
        assertEquals(13, info.noteCount());
        // 120 BPM default tempo, last note-off at tick 12*480+400 = 6160: 6160/480 beats * 0.5 s
        assertEquals(6160 / 480.0 * 0.5, info.durationSeconds(), 1e-9);
        assertEquals(120.0, info.minBpm(), 1e-9);
        assertEquals(120.0, info.maxBpm(), 1e-9);
        assertEquals(Set.of(0), info.programs());
        assertFalse(info.usesPercussionChannel());
    }

    @Test
    void durationFollowsTempoChangesAcrossTracksUpToLastNoteOff() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        Track conductor = seq.createTrack();
        TestMidi.tempo(conductor, 500_000, 0);      // 120 BPM
        TestMidi.tempo(conductor, 1_000_000, 960);  // 60 BPM
        Track music = seq.createTrack();
        TestMidi.note(music, 0, 60, 0, 960);
        TestMidi.note(music, 0, 64, 960, 1920);     // last note-off at 1920
        Track other = seq.createTrack();
        TestMidi.tempo(other, 250_000, 1440);       // 240 BPM, from another track
        TestMidi.tempo(other, 2_000_000, 1920);     // 30 BPM at the last note-off: not in effect
        // a long silent tail before end-of-track must not count
        other.add(new MidiEvent(new MetaMessage(0x01, "tail".getBytes(), 4), 50_000));
        Path f = TestMidi.write(seq, dir.resolve("tempo.mid"));

        MidiInfo info = MidiInspector.inspect(f, MidiLimits.DEFAULTS);
        // by hand: 0-960 = 2 beats at 0.5 s = 1.0 s; 960-1440 = 1 beat at 1.0 s = 1.0 s;
        //          1440-1920 = 1 beat at 0.25 s = 0.25 s; total 2.25 s
        assertEquals(2.25, info.durationSeconds(), 1e-9);
        assertEquals(60.0, info.minBpm(), 1e-9);
        assertEquals(240.0, info.maxBpm(), 1e-9);
        assertEquals(1, info.format());
        assertEquals(3, info.tracks());
        assertEquals(2, info.noteCount());
    }

    @Test
    void defaultTempoAppliesBeforeTheFirstSetTempo() throws Exception {
        Sequence seq = TestMidi.ppq(96);
        Track t = seq.createTrack();
        TestMidi.note(t, 0, 60, 0, 192);
        TestMidi.tempo(t, 250_000, 96);   // 240 BPM from beat 2
        MidiInfo info = MidiInspector.inspect(TestMidi.write(seq, dir.resolve("late.mid")), MidiLimits.DEFAULTS);
        // 1 beat at 0.5 s + 1 beat at 0.25 s
        assertEquals(0.75, info.durationSeconds(), 1e-9);
        assertEquals(120.0, info.minBpm(), 1e-9);
        assertEquals(240.0, info.maxBpm(), 1e-9);
    }

    @Test
    void smpteDivisionIgnoresTempo() throws Exception {
        Sequence seq = new Sequence(Sequence.SMPTE_25, 40); // 25 fps * 40 ticks per frame = 1000 ticks/s
        Track t = seq.createTrack();
        TestMidi.tempo(t, 1_000_000, 0);
        TestMidi.note(t, 0, 60, 0, 3500);
        MidiInfo info = MidiInspector.inspect(TestMidi.write(seq, dir.resolve("smpte.mid")), MidiLimits.DEFAULTS);
        assertEquals(3.5, info.durationSeconds(), 1e-9);
        assertEquals(40, info.resolution());
    }

    @Test
    void programsOfPlayingChannelsAndPercussion() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        Track a = seq.createTrack();
        TestMidi.program(a, 1, 40, 0);        // violin on channel 1 ...
        TestMidi.note(a, 1, 67, 0, 480);
        TestMidi.program(a, 1, 42, 480);      // ... then cello
        TestMidi.note(a, 1, 48, 480, 960);
        TestMidi.program(a, 2, 73, 0);        // flute on channel 2, never plays: not counted
        TestMidi.note(a, 3, 60, 0, 480);      // channel 3 plays without a program change: program 0
        Track b = seq.createTrack();
        TestMidi.program(b, 9, 5, 0);         // program change on the percussion channel: not a GM program
        TestMidi.note(b, 9, 36, 0, 100);
        TestMidi.program(b, 4, 19, 0);        // program change in another track than the notes
        Track c = seq.createTrack();
        TestMidi.note(c, 4, 50, 240, 480);
        MidiInfo info = MidiInspector.inspect(TestMidi.write(seq, dir.resolve("prog.mid")), MidiLimits.DEFAULTS);
        assertEquals(new TreeSet<>(List.of(0, 19, 40, 42)), info.programs());
        assertTrue(info.usesPercussionChannel());
        assertEquals(5, info.noteCount());
        assertThrows(UnsupportedOperationException.class, () -> info.programs().add(3));
    }

    @Test
    void readReturnsTheSequence() throws Exception {
        Path f = TestMidi.simple(dir.resolve("r.mid"), 4);
        Sequence seq = MidiInspector.read(f);
        assertEquals(480, seq.getResolution());
        assertEquals(1, seq.getTracks().length);
    }

    @Test
    void limitsValidateTheirArguments() {
        assertEquals(10_800.0, MidiLimits.DEFAULTS.maxSeconds());
        assertEquals(64L << 20, MidiLimits.DEFAULTS.maxBytes());
        assertEquals(4.0, MidiLimits.DEFAULTS.minBpm());
        assertEquals(1200.0, MidiLimits.DEFAULTS.maxBpm());
        assertThrows(IllegalArgumentException.class, () -> new MidiLimits(0, 1, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new MidiLimits(Double.NaN, 1, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new MidiLimits(10, 0, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new MidiLimits(10, 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new MidiLimits(10, 1, 20, 10));
        assertThrows(IllegalArgumentException.class, () -> new MidiLimits(10, 1, 4, Double.POSITIVE_INFINITY));
    }

    @Test
    void hmsFormatsHoursMinutesSeconds() {
        assertEquals("10:00:00", MidiInspector.hms(36_000));
        assertEquals("0:01:05", MidiInspector.hms(65.9));
        assertTrue(Files.exists(dir));
    }
}
