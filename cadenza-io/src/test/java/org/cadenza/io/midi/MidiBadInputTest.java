package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;

import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;
import org.cadenza.io.Refusals;
import org.cadenza.io.ResourceLimitException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a user's MIDI file can be unusable, and what the user is told. */
class MidiBadInputTest {

    @TempDir
    Path dir;

    /** Asserts the exact type, that the message names the file, and that it holds every key word. */
    private static <T extends BadInputException> T expect(Class<T> type, Path file, String... keyWords) {
        return Refusals.refusesFile(type, file, () -> MidiInspector.inspect(file, MidiLimits.DEFAULTS), keyWords);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] whole = Files.readAllBytes(TestMidi.simple(dir.resolve("whole.mid"), 40));
        Path f = Files.write(dir.resolve("truncated.mid"), Arrays.copyOf(whole, whole.length / 2));
        expect(BadInputException.class, f, "truncated", "track 0", "byte offset 14");
    }

    @Test
    void truncatedInsideTheHeader() throws Exception {
        Path f = Files.write(dir.resolve("header.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0});
        expect(BadInputException.class, f, "truncated", "header");
    }

    @Test
    void garbageBytes() throws Exception {
        byte[] junk = new byte[2000];
        new Random(42).nextBytes(junk);
        junk[0] = (byte) 0x9c; // not 'M', not a known signature
        junk[1] = 0x11;
        Path f = Files.write(dir.resolve("garbage.mid"), junk);
        expect(BadInputException.class, f, "not a Standard MIDI File", "bytes 9c 11", "'MThd'");
    }

    @Test
    void garbageInsideATrackChunk() throws Exception {
        // a well-formed header and track chunk whose event data is random bytes
        byte[] junk = new byte[22 + 1000];
        new Random(7).nextBytes(junk);
        byte[] header = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 1, (byte) 0xe0,
            'M', 'T', 'r', 'k', 0, 0, 0x03, (byte) 0xe8};
        System.arraycopy(header, 0, junk, 0, header.length);
        Path f = Files.write(dir.resolve("garbage2.mid"), junk);
        BadInputException e = expect(BadInputException.class, f, "corrupt");
        assertNotNull(e.getCause(), "the parser's exception is kept as the cause");
    }

    @Test
    void garbageWhereATrackShouldStart() throws Exception {
        byte[] whole = Files.readAllBytes(TestMidi.simple(dir.resolve("whole.mid"), 4));
        whole[14] = 0x01;
        whole[15] = (byte) 0xff;
        Path f = Files.write(dir.resolve("garbage3.mid"), whole);
        expect(BadInputException.class, f, "corrupt", "'MTrk'", "track 0", "byte offset 14");
    }

    @Test
    void textFileNamedMid() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.mid"), "These are my piano notes, not a MIDI file.\n");
        expect(BadInputException.class, f, "not a Standard MIDI File", "starts with text", "'MThd' header");
    }

    @Test
    void wavFileNamedMid() throws Exception {
        byte[] b = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("audio.mid"), b);
        expect(BadInputException.class, f, "not a Standard MIDI File", "WAVE");
    }

    @Test
    void midiWithoutNotes() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        Track t = seq.createTrack();
        TestMidi.tempo(t, 500_000, 0);
        TestMidi.program(t, 0, 0, 0);
        Path f = TestMidi.write(seq, dir.resolve("silent.mid"));
        expect(BadInputException.class, f, "no notes");
    }

    @Test
    void tenHourMidiIsOverTheLengthLimit() throws Exception {
        // PPQ 1 at 60 BPM: one tick per second; a few notes spread over 10 hours
        Sequence seq = TestMidi.ppq(1);
        Track t = seq.createTrack();
        TestMidi.tempo(t, 1_000_000, 0);
        TestMidi.note(t, 0, 60, 0, 1);
        TestMidi.note(t, 0, 62, 18_000, 18_001);
        TestMidi.note(t, 0, 64, 35_999, 36_000);
        Path f = TestMidi.write(seq, dir.resolve("ten-hours.mid"));
        assertTrue(Files.size(f) < 200, "a small file");
        expect(ResourceLimitException.class, f, "too long", "10:00:00", "3:00:00");
        // and it passes under a larger limit, with the length computed right
        MidiInfo info = MidiInspector.inspect(f, MidiLimits.DEFAULTS.withMaxSeconds(11 * 3600));
        assertEquals(36_000.0, info.durationSeconds(), 1e-9);
    }

    @Test
    void tempoZero() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        Track t = seq.createTrack();
        TestMidi.note(t, 0, 60, 0, 960);
        TestMidi.tempo(t, 0, 480);
        Path f = TestMidi.write(seq, dir.resolve("tempo0.mid"));
        expect(BadInputException.class, f, "tempo 0", "0 microseconds per quarter", "track 0", "tick 480");
    }

    @Test
    void absurdlyFastTempo() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        TestMidi.note(seq.createTrack(), 0, 60, 0, 960);
        TestMidi.tempo(seq.createTrack(), 1, 240); // 1 microsecond per quarter: 60,000,000 BPM
        Path f = TestMidi.write(seq, dir.resolve("fast.mid"));
        expect(BadInputException.class, f, "absurd tempo", "6.00000e+07 BPM", "track 1", "tick 240", "1200");
    }

    @Test
    void absurdlySlowTempo() throws Exception {
        Sequence seq = TestMidi.ppq(480);
        Track t = seq.createTrack();
        TestMidi.tempo(t, 0xFFFFFF, 0); // 16.8 s per quarter: 3.58 BPM
        TestMidi.note(t, 0, 60, 0, 960);
        Path f = TestMidi.write(seq, dir.resolve("slow.mid"));
        expect(BadInputException.class, f, "absurd tempo", "3.57628 BPM", "track 0", "tick 0");
    }

    @Test
    void unreadableFile() throws Exception {
        Path f = TestMidi.simple(dir.resolve("locked.mid"), 4);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(f),
                    "running as a user who can read a chmod 000 file (root): permission check not testable");
            BadInputException e = expect(BadInputException.class, f, "permission denied");
            assertInstanceOf(java.nio.file.AccessDeniedException.class, e.getCause());
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void emptyFile() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.mid"));
        expect(BadInputException.class, f, "empty file", "0 bytes");
    }

    @Test
    void missingFile() {
        expect(BadInputException.class, dir.resolve("nowhere.mid"), "file not found");
    }

    @Test
    void directoryInsteadOfFile() throws Exception {
        Path d = Files.createDirectory(dir.resolve("folder.mid"));
        expect(BadInputException.class, d, "directory");
    }

    @Test
    void fileOverTheSizeLimit() throws Exception {
        Path f = TestMidi.simple(dir.resolve("big.mid"), 100);
        long size = Files.size(f);
        BadInputException e = assertThrows(BadInputException.class,
                () -> MidiInspector.inspect(f, MidiLimits.DEFAULTS.withMaxBytes(100)));
        assertEquals(ResourceLimitException.class, e.getClass());
        assertTrue(e.getMessage().startsWith(f + ": "));
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains(String.format("%,d", size)),
                e.getMessage());
        // read() applies the size limit too
        assertThrows(ResourceLimitException.class, () -> MidiInspector.read(f, MidiLimits.DEFAULTS.withMaxBytes(100)));
    }

    @Test
    void readReportsBadInputToo() throws Exception {
        Path f = Files.writeString(dir.resolve("readme.mid"), "hello");
        BadInputException e = assertThrows(BadInputException.class, () -> MidiInspector.read(f));
        assertTrue(e.getMessage().startsWith(f + ": not a Standard MIDI File"), e.getMessage());
    }
}
