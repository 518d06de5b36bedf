package org.cadenza.io.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiWriterTest {

    private static final double TICK = 1.0 / 960; // 480 PPQ at 120 BPM

    @TempDir
    Path dir;

    private static NoteSequence roundTrip(NoteSequence seq, Path file, MidiWriter.Options opts) {
        MidiWriter.write(seq, file, opts);
        return NoteReader.read(file, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE);
    }

    /** Same notes in the same order (both sorted by onset, pitch, offset), times within {@code tol} seconds. */
    static void assertSameNotes(List<Note> expected, List<Note> actual, double tol) {
        assertEquals(expected.size(), actual.size(), "number of notes");
        List<Note> e = new ArrayList<>(expected);
        List<Note> a = new ArrayList<>(actual);
        Comparator<Note> order = Comparator.comparingInt(Note::channel).thenComparingInt(Note::pitch)
                .thenComparingDouble(Note::onsetSeconds).thenComparingDouble(Note::offsetSeconds);
        e.sort(order);
        a.sort(order);
        for (int i = 0; i < e.size(); i++) {
            Note x = e.get(i);
            Note y = a.get(i);
            String what = "note " + i + ": expected " + x + ", got " + y;
            assertEquals(x.pitch(), y.pitch(), what);
            assertEquals(x.velocity(), y.velocity(), what);
            assertEquals(x.channel(), y.channel(), what);
            assertEquals(x.program(), y.program(), what);
            assertEquals(x.onsetSeconds(), y.onsetSeconds(), tol, what);
            assertEquals(x.offsetSeconds(), y.offsetSeconds(), tol, what);
        }
    }

    @Test
    void chordsAndVelocitiesRoundTrip() {
        List<Note> notes = List.of(
                Note.of(60, 0.0, 1.0, 80), Note.of(64, 0.0, 1.0, 70), Note.of(67, 0.0, 0.5, 60),
                Note.of(72, 0.123, 0.4567, 127), Note.of(48, 1.0, 3.333, 1), Note.of(21, 2.0, 2.01, 50),
                Note.of(108, 2.0, 2.5, 99));
        NoteSequence seq = NoteSequence.of(notes);
        NoteSequence back = roundTrip(seq, dir.resolve("chords.mid"), MidiWriter.Options.DEFAULTS);
        assertSameNotes(seq.notes(), back.notes(), TICK);
    }

    @Test
    void overlappingSameKeyNotesRoundTrip() {
        // the second C is struck while the first still sounds and ends later: FIFO pairing keeps both
        List<Note> notes = List.of(Note.of(60, 0.0, 1.0, 80), Note.of(60, 0.5, 1.5, 40),
                Note.of(60, 1.5, 2.0, 90), Note.of(62, 1.5, 1.5, 30));
        NoteSequence back = roundTrip(NoteSequence.of(notes), dir.resolve("overlap.mid"),
                MidiWriter.Options.DEFAULTS);
        assertEquals(4, back.notes().size());
        // the zero-length note is written one tick long
        assertSameNotes(notes, back.notes(), TICK + 1e-9);
    }

    @Test
    void nestedSameKeyNotesKeepTheirOnsetsAndOffsetsPairedFirstInFirstOut() {
        // the second C starts and ends inside the first: MIDI cannot say which note-off ends which note
        List<Note> notes = List.of(Note.of(60, 0.0, 2.0, 80), Note.of(60, 0.5, 1.0, 40));
        NoteSequence back = roundTrip(NoteSequence.of(notes), dir.resolve("nested.mid"),
                MidiWriter.Options.DEFAULTS);
        List<Note> expected = List.of(Note.of(60, 0.0, 1.0, 80), Note.of(60, 0.5, 2.0, 40));
        assertSameNotes(expected, back.notes(), TICK);
    }

    @Test
    void programsPerChannelAndDrumsRoundTrip() {
        List<Note> notes = List.of(
                new Note(60, 0.0, 1.0, 80, 0, 0, 0),
                new Note(62, 1.0, 2.0, 80, 0, 40, 0),      // program change mid-piece on channel 1
                new Note(64, 2.0, 3.0, 80, 0, 40, 0),
                new Note(67, 0.0, 2.0, 70, 1, 73, 0),      // flute on channel 2 from the start
                new Note(36, 0.0, 0.1, 100, 9, 0, 0),      // kick and snare on channel 10
                new Note(38, 0.5, 0.6, 110, 9, 0, 0),
                new Note(36, 1.0, 1.1, 100, 9, 0, 0));
        Path file = dir.resolve("band.mid");
        NoteSequence back = roundTrip(NoteSequence.of(notes), file, MidiWriter.Options.DEFAULTS);
        assertSameNotes(notes, back.notes(), TICK);
        assertEquals(3, back.notes().stream().filter(Note::isPercussion).count());
    }

    @Test
    void fileIsFormatOneWithTheTempoAsked() throws Exception {
        Path file = dir.resolve("slow.mid");
        MidiWriter.Options opts = MidiWriter.Options.builder().optResolution(96).optTempoBpm(60).build();
        List<Note> notes = List.of(Note.of(60, 0.25, 4.75, 64), Note.of(67, 3.0, 9.0, 64));
        NoteSequence back = roundTrip(NoteSequence.of(notes), file, opts);
        MidiFileFormat format = MidiSystem.getMidiFileFormat(file.toFile());
        assertEquals(1, format.getType());
        assertEquals(96, format.getResolution());
        assertSameNotes(notes, back.notes(), 1.0 / 96);
        assertEquals(1.0 / 96, 1.0 / opts.ticksPerSecond(), 1e-12);
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path file = dir.resolve("exists.mid");
        Files.writeString(file, "keep me");
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0, 1, 64)));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> MidiWriter.write(seq, file, MidiWriter.Options.DEFAULTS));
        assertInstanceOf(FileAlreadyExistsException.class, e.getCause());
        assertEquals("keep me", Files.readString(file));

        MidiWriter.write(seq, file, MidiWriter.Options.DEFAULTS.withOverwrite(true));
        assertEquals(1, NoteReader.read(file).notes().size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> MidiWriter.Options.builder().optResolution(0).build());
        assertThrows(IllegalArgumentException.class, () -> MidiWriter.Options.builder().optTempoBpm(0).build());
        assertTrue(MidiWriter.Options.defaults().ticksPerSecond() == 960.0);
    }
}
