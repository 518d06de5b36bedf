package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.midi.Sequence;

import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format-2 Standard MIDI Files (independent sequential patterns), which {@code javax.sound.midi} refuses, are read
 * as their patterns one after another. The files are written byte by byte.
 */
class MidiFormat2Test {

    @TempDir
    Path dir;

    /** An SMF with the given format, PPQ 96, and the given MTrk payloads (event bytes, end-of-track included). */
    private static byte[] smf(int format, byte[]... tracks) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) format, 0, (byte) tracks.length, 0, 96});
        for (byte[] t : tracks) {
            b.writeBytes(new byte[] {'M', 'T', 'r', 'k', 0, 0, (byte) (t.length >>> 8), (byte) t.length});
            b.writeBytes(t);
        }
        return b.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Pattern 0: 60 BPM, C4 for one quarter (1 s), end of track one quarter later (tick 192 = 2 s). */
    private static final byte[] PATTERN_0 = bytes(
            0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40,   // tempo 1,000,000 us per quarter: 60 BPM
            0x00, 0x90, 60, 96,                         // note on C4
            0x60, 0x80, 60, 0,                          // 96 ticks later: note off
            0x60, 0xFF, 0x2F, 0x00);                    // 96 ticks later: end of track (tick 192)

    /** Pattern 1: no tempo of its own (so 120 BPM), E4 for an eighth note (48 ticks = 0.25 s). */
    private static final byte[] PATTERN_1 = bytes(
            0x00, 0x90, 64, 80,
            0x30, 0x80, 64, 0,
            0x00, 0xFF, 0x2F, 0x00);

    @Test
    void format2PatternsAreReadOneAfterAnother() throws Exception {
        Path f = Files.write(dir.resolve("patterns.mid"), smf(2, PATTERN_0, PATTERN_1));

        MidiInfo info = MidiInspector.inspect(f, MidiLimits.DEFAULTS);
        assertEquals(2, info.format());
        assertEquals(2, info.tracks());
        assertEquals(2, info.noteCount());
        // pattern 0 lasts 192 ticks at 60 BPM (2 s); pattern 1's note ends 48 ticks at 120 BPM later (0.25 s)
        assertEquals(2.25, info.durationSeconds(), 1e-9);
        assertEquals(60.0, info.minBpm(), 1e-9);
        assertEquals(120.0, info.maxBpm(), 1e-9, "the second pattern does not inherit the first one's tempo");

        Sequence seq = MidiInspector.read(f);
        assertEquals(2, seq.getTracks().length);
        assertEquals(192 + 48, seq.getTickLength());
        assertEquals(192, seq.getTracks()[0].ticks(), "the first pattern keeps its trailing rest");

        List<Note> notes = NoteReader.read(f).notes();
        assertEquals(2, notes.size(), notes.toString());
        Note c4 = notes.stream().filter(n -> n.pitch() == 60).findFirst().orElseThrow();
        Note e4 = notes.stream().filter(n -> n.pitch() == 64).findFirst().orElseThrow();
        assertEquals(0.0, c4.onsetSeconds(), 1e-9);
        assertEquals(1.0, c4.offsetSeconds(), 1e-9);
        assertEquals(2.0, e4.onsetSeconds(), 1e-9, "the second pattern starts where the first one ends");
        assertEquals(2.25, e4.offsetSeconds(), 1e-9);
        assertEquals(1, e4.track());
    }

    @Test
    void theSameEventsAsFormat1PlayTogether() throws Exception {
        // control: the same two tracks as format 1 are parallel, both starting at tick 0 (the 60 BPM tempo applies)
        Path f = Files.write(dir.resolve("parallel.mid"), smf(1, PATTERN_0, PATTERN_1));
        MidiInfo info = MidiInspector.inspect(f, MidiLimits.DEFAULTS);
        assertEquals(1, info.format());
        assertEquals(1.0, info.durationSeconds(), 1e-9);
        List<Note> notes = NoteReader.read(f).notes();
        assertTrue(notes.stream().allMatch(n -> n.onsetSeconds() == 0.0), notes.toString());
    }

    @Test
    void aFormat2PatternThatSetsItsOwnTempoKeepsIt() throws Exception {
        byte[] fast = bytes(
                0x00, 0xFF, 0x51, 0x03, 0x03, 0xD0, 0x90,  // 250,000 us per quarter: 240 BPM
                0x00, 0x90, 64, 80,
                0x60, 0x80, 64, 0,                         // a quarter at 240 BPM: 0.25 s
                0x00, 0xFF, 0x2F, 0x00);
        Path f = Files.write(dir.resolve("fast.mid"), smf(2, PATTERN_0, fast));
        MidiInfo info = MidiInspector.inspect(f, MidiLimits.DEFAULTS);
        assertEquals(2.25, info.durationSeconds(), 1e-9);
        assertEquals(240.0, info.maxBpm(), 1e-9);
    }

    @Test
    void format3IsStillRefusedByName() throws Exception {
        Path f = Files.write(dir.resolve("f3.mid"), smf(3, PATTERN_0));
        BadInputException e = assertThrows(BadInputException.class, () -> MidiInspector.inspect(f, MidiLimits.DEFAULTS));
        assertTrue(e.getMessage().contains("unknown Standard MIDI File format 3"), e.getMessage());
    }
}
