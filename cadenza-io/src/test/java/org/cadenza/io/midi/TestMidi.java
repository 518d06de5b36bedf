package org.cadenza.io.midi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Builds small MIDI files for tests with javax.sound.midi. {@link #melody} is shared with the other modules' tests
 * through cadenza-io's test jar.
 */
public final class TestMidi {
    private TestMidi() {
    }

    static Sequence ppq(int resolution) {
        try {
            return new Sequence(Sequence.PPQ, resolution);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    static void note(Track track, int channel, int key, long on, long off) {
        track.add(event(ShortMessage.NOTE_ON, channel, key, 90, on));
        track.add(event(ShortMessage.NOTE_OFF, channel, key, 0, off));
    }

    static void program(Track track, int channel, int program, long tick) {
        track.add(event(ShortMessage.PROGRAM_CHANGE, channel, program, 0, tick));
    }

    static MidiEvent event(int command, int channel, int d1, int d2, long tick) {
        try {
            return new MidiEvent(new ShortMessage(command, channel, d1, d2), tick);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A set-tempo meta event of {@code micros} microseconds per quarter note (0..0xFFFFFF). */
    static void tempo(Track track, int micros, long tick) {
        byte[] data = {(byte) (micros >>> 16), (byte) (micros >>> 8), (byte) micros};
        try {
            track.add(new MidiEvent(new MetaMessage(0x51, data, 3), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Sequence sequence, Path file) throws IOException {
        int type = sequence.getTracks().length == 1 ? 0 : 1;
        MidiSystem.write(sequence, type, file.toFile());
        return file;
    }

    /** One C major scale of {@code notes} quarter notes at 120 BPM on channel 0, PPQ 480. */
    static Path simple(Path file, int notes) throws IOException {
        Sequence seq = ppq(480);
        Track t = seq.createTrack();
        for (int i = 0; i < notes; i++) {
            note(t, 0, 60 + i % 12, i * 480L, i * 480L + 400);
        }
        return write(seq, file);
    }

    /**
     * A melody of {@code notes} quarter notes at 120 BPM (0.5 s each, PPQ 480, 400 ticks sounding) from
     * {@code pitch} up in fifths within an octave ({@code pitch + (7 i mod 12)}), velocity 90, on channel 0 with
     * GM program {@code program}; written as format 1, parent folders created.
     *
     * @return {@code file}
     */
    public static Path melody(Path file, int pitch, int notes, int program) throws IOException {
        Sequence seq = ppq(480);
        Track t = seq.createTrack();
        program(t, 0, program, 0);
        for (int i = 0; i < notes; i++) {
            int p = pitch + (i * 7) % 12;
            t.add(event(ShortMessage.NOTE_ON, 0, p, 90, i * 480L));
            t.add(event(ShortMessage.NOTE_OFF, 0, p, 0, i * 480L + 400));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        MidiSystem.write(seq, 1, file.toFile());
        return file;
    }
}
