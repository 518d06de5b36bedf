package org.cadenza.io.midi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.io.DiskFullException;
import org.cadenza.io.Parameters;
import org.cadenza.io.TempFiles;

/**
 * Writes a {@link NoteSequence} as a Standard MIDI File (format 1), the inverse of {@link NoteReader}.
 *
 * <p>Layout: track 0 holds the tempo (one set-tempo event at tick 0) and a 4/4 time signature; then one track per
 * MIDI channel that has notes, in channel order. Each note becomes a note-on with its velocity and a note-off
 * (velocity 0 note-off message); a program change is written on a channel before the first note whose
 * {@link Note#program()} differs from the channel's current program (0 at the start, as {@link NoteReader}
 * assumes). Seconds become ticks at a constant tempo: {@code tick = round(seconds * resolution * bpm / 60)}, so the
 * default 480 ticks per quarter at 120 BPM gives 960 ticks per second (one tick = 1.04 ms). A note shorter than one
 * tick is written one tick long, from the tick at or before its onset, so that its note-off never precedes its note-on
 * and both ends stay within one tick.
 *
 * <p>Round trip: {@code NoteReader.read(file, MidiLimits.DEFAULTS, Pedal.IGNORE)} gives back every note's pitch,
 * velocity, channel and program, with onset and offset within one tick. Two limits of the MIDI format itself: the
 * {@link Note#track()} of a note is not kept (notes are regrouped by channel), and when two notes of the same channel
 * and key overlap so that the later one ends first (one nested inside the other), the reader pairs note-offs first
 * in, first out, so the two onsets and the two offsets come back but the first onset gets the first offset.
 * Bar lines ({@link NoteSequence#barStartSeconds()}) are not written: the file is 4/4 at its tempo.
 *
 * <p>The write is atomic: the file is written to a temporary file in the same folder and moved into place.
 */
public final class MidiWriter {

    private static final int META_SET_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int META_TRACK_NAME = 0x03;

    private MidiWriter() {
    }

    /**
     * How a file is written.
     *
     * @param resolution ticks per quarter note (PPQ), 24-32767; default {@value #DEFAULT_RESOLUTION}
     * @param tempoBpm   the constant tempo written, quarter notes per minute, 4-1200 (what {@link MidiLimits}
     *                   accepts by default); default {@value #DEFAULT_TEMPO_BPM}. Seconds map to ticks at
     *                   {@code resolution * tempoBpm / 60} ticks per second; the set-tempo event holds
     *                   {@code round(60e6 / tempoBpm)} microseconds per quarter, and the tick rate is computed from
     *                   that rounded value, so that a reader recovers the seconds exactly
     * @param overwrite  whether an existing file may be replaced; default false (the write refuses)
     */
    public record Options(int resolution, double tempoBpm, boolean overwrite) {

        /** Default ticks per quarter note. */
        public static final int DEFAULT_RESOLUTION = 480;
        /** Default tempo, BPM. */
        public static final double DEFAULT_TEMPO_BPM = 120.0;

        /** 480 ticks per quarter, 120 BPM, no overwrite. */
        public static final Options DEFAULTS = new Options(DEFAULT_RESOLUTION, DEFAULT_TEMPO_BPM, false);

        public Options {
            if (resolution < 24 || resolution > 32767) {
                throw new IllegalArgumentException("resolution must be 24-32767 ticks per quarter, got " + resolution);
            }
            if (!(tempoBpm >= 4 && tempoBpm <= 1200)) {
                throw new IllegalArgumentException("tempoBpm must be 4-1200 BPM, got " + tempoBpm);
            }
        }

        /** The defaults: 480 ticks per quarter, 120 BPM, no overwrite. */
        public static Options defaults() {
            return DEFAULTS;
        }

        /** A builder at the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** Microseconds per quarter note written in the set-tempo event. */
        public int microsPerQuarter() {
            return (int) Math.round(60e6 / tempoBpm);
        }

        /** Ticks per second of music under these options. */
        public double ticksPerSecond() {
            return resolution * 1e6 / microsPerQuarter();
        }

        /** A copy that may replace an existing file. */
        public Options withOverwrite(boolean v) {
            return new Options(resolution, tempoBpm, v);
        }

        /** Builder; every option starts at its default. */
        public static final class Builder {
            private int resolution = DEFAULT_RESOLUTION;
            private double tempoBpm = DEFAULT_TEMPO_BPM;
            private boolean overwrite;

            private Builder() {
            }

            /** Ticks per quarter note; default 480. */
            public Builder optResolution(int v) {
                resolution = v;
                return this;
            }

            /** BPM; default 120. */
            public Builder optTempoBpm(double v) {
                tempoBpm = v;
                return this;
            }

            /** Default false. */
            public Builder optOverwrite(boolean v) {
                overwrite = v;
                return this;
            }

            /** Validates and builds. */
            public Options build() {
                return new Options(resolution, tempoBpm, overwrite);
            }
        }
    }

    /**
     * Writes {@code seq} to {@code file} (format 1 MIDI).
     *
     * @throws UncheckedIOException wrapping a {@link FileAlreadyExistsException} when the file exists and
     *                              {@code opts.overwrite()} is false, or the I/O error that stopped the write
     *                              (the temporary file is then removed)
     * @throws DiskFullException    the disk filled up while writing (the temporary file is then removed)
     */
    public static void write(NoteSequence seq, Path file, Options opts) {
        Parameters.nonNull("seq, file, opts", seq, file, opts);
        if (!opts.overwrite() && Files.exists(file)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(file.toString(), null,
                    "refusing to overwrite an existing MIDI file (set MidiWriter.Options overwrite to replace it)"));
        }
        Sequence sequence = toSequence(seq, opts);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // a plain new file (not createTempFile, which makes it owner-only): the result reads like any file
            tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                MidiSystem.write(sequence, 1, out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, file);
            throw new UncheckedIOException("could not write MIDI file " + file + ": " + e.getMessage(), e);
        } finally {
            TempFiles.deleteQuietly(tmp); // the original error matters more than a leftover temporary file
        }
    }

    /** The format 1 {@link Sequence} that {@link #write} saves (tempo track, then one track per channel). */
    public static Sequence toSequence(NoteSequence seq, Options opts) {
        Sequence sequence;
        try {
            sequence = new Sequence(Sequence.PPQ, opts.resolution());
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("resolution " + opts.resolution() + ": " + e.getMessage(), e);
        }
        Track conductor = sequence.createTrack();
        int micros = opts.microsPerQuarter();
        conductor.add(meta(META_SET_TEMPO, new byte[] {(byte) (micros >>> 16), (byte) (micros >>> 8), (byte) micros},
                0));
        conductor.add(meta(META_TIME_SIGNATURE, new byte[] {4, 2, 24, 8}, 0));
        double tps = opts.ticksPerSecond();

        List<List<Note>> byChannel = new ArrayList<>();
        for (int ch = 0; ch < 16; ch++) {
            byChannel.add(new ArrayList<>());
        }
        for (Note n : seq.notes()) {
            byChannel.get(n.channel()).add(n);
        }
        for (int ch = 0; ch < 16; ch++) {
            List<Note> notes = byChannel.get(ch);
            if (notes.isEmpty()) {
                continue;
            }
            Track track = sequence.createTrack();
            String name = ch == 9 ? "channel 10 (percussion)" : "channel " + (ch + 1);
            track.add(meta(META_TRACK_NAME, name.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0));
            List<Ev> events = new ArrayList<>();
            int program = 0;
            long order = 0;
            // notes already sorted by onset then pitch (NoteSequence); program changes go right before their note
            for (Note n : notes) {
                long on = Math.round(n.onsetSeconds() * tps);
                long off = Math.round(n.offsetSeconds() * tps);
                if (off <= on) {
                    // shorter than a tick: one tick from the tick at or before the onset, so that both ends stay
                    // within one tick of the note's
                    on = (long) Math.floor(n.onsetSeconds() * tps);
                    off = on + 1;
                }
                if (n.program() != program) {
                    program = n.program();
                    events.add(new Ev(on, 1, order++, shortMessage(ShortMessage.PROGRAM_CHANGE, ch, program, 0)));
                }
                events.add(new Ev(on, 1, order++, shortMessage(ShortMessage.NOTE_ON, ch, n.pitch(), n.velocity())));
                events.add(new Ev(off, 0, order++, shortMessage(ShortMessage.NOTE_OFF, ch, n.pitch(), 0)));
            }
            // at a tick, note-offs first (as NoteReader reads them), then program changes and note-ons in order
            events.sort(Comparator.comparingLong(Ev::tick).thenComparingInt(Ev::rank).thenComparingLong(Ev::order));
            for (Ev e : events) {
                track.add(new MidiEvent(e.message(), e.tick()));
            }
        }
        return sequence;
    }

    private record Ev(long tick, int rank, long order, MidiMessage message) {
    }

    private static ShortMessage shortMessage(int command, int channel, int d1, int d2) {
        try {
            return new ShortMessage(command, channel, d1, d2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static MidiEvent meta(int type, byte[] data, long tick) {
        try {
            return new MidiEvent(new MetaMessage(type, data, data.length), tick);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
