package org.cadenza.corpus.copies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Tiny MIDI pieces for the copy tests: a melody of quarter notes over a lower accompaniment note struck with each
 * melody note (a two-note chord), written with a chosen resolution, tempo, track name and velocity.
 */
final class CopyMidi {

    /**
     * How a piece is written.
     *
     * @param resolution   ticks per quarter note
     * @param bpm          tempo (one set-tempo event at tick 0, and a second, equal one at tick 1 when doubled)
     * @param trackName    the track-name meta event
     * @param velocity     every note's velocity
     * @param rollSeconds  how much later than the melody note the accompaniment note starts (a rolled chord)
     * @param doubleTempo  whether to repeat the set-tempo event (same value) at tick 1
     */
    record Style(int resolution, double bpm, String trackName, int velocity, double rollSeconds,
                 boolean doubleTempo) {
        static final Style PLAIN = new Style(480, 120, "Piano", 80, 0, false);
    }

    private CopyMidi() {
    }

    /** {@code n} melody pitches, random from {@code seed}, in 60..83. */
    static int[] melody(long seed, int n) {
        Random r = new Random(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = 60 + r.nextInt(24);
        }
        return p;
    }

    /** Writes {@code pitches} as quarter notes (at the style's tempo), each with an accompaniment an octave lower. */
    static Path write(Path file, int[] pitches, Style s) throws IOException {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, s.resolution());
            Track t = seq.createTrack();
            byte[] name = s.trackName().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            t.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
            int micros = (int) Math.round(60e6 / s.bpm());
            byte[] tempo = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
            t.add(new MidiEvent(new MetaMessage(0x51, tempo, 3), 0));
            if (s.doubleTempo()) {
                t.add(new MidiEvent(new MetaMessage(0x51, tempo.clone(), 3), 1));
            }
            double ticksPerSecond = s.resolution() * s.bpm() / 60.0;
            long quarter = s.resolution();
            long roll = Math.round(s.rollSeconds() * ticksPerSecond);
            for (int i = 0; i < pitches.length; i++) {
                long on = i * quarter;
                long off = on + quarter * 3 / 4;
                add(t, ShortMessage.NOTE_ON, pitches[i], s.velocity(), on);
                add(t, ShortMessage.NOTE_OFF, pitches[i], 0, off);
                add(t, ShortMessage.NOTE_ON, pitches[i] - 12, s.velocity(), on + roll);
                add(t, ShortMessage.NOTE_OFF, pitches[i] - 12, 0, off);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            MidiSystem.write(seq, 1, file.toFile());
            return file;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(Track t, int command, int pitch, int velocity, long tick)
            throws InvalidMidiDataException {
        t.add(new MidiEvent(new ShortMessage(command, 0, pitch, velocity), tick));
    }
}
