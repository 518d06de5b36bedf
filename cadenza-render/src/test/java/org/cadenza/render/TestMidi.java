package org.cadenza.render;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Builds small MIDI sequences for the tests (PPQ 480, so at the default 120 BPM 480 ticks = 0.5 s). */
final class TestMidi {
    static final int PPQ = 480;

    private TestMidi() {
    }

    static Sequence sequence() {
        try {
            return new Sequence(Sequence.PPQ, PPQ);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    static void note(Track t, int channel, int key, int velocity, long onTick, long offTick) {
        t.add(new MidiEvent(shortMessage(ShortMessage.NOTE_ON, channel, key, velocity), onTick));
        t.add(new MidiEvent(shortMessage(ShortMessage.NOTE_OFF, channel, key, 0), offTick));
    }

    static void program(Track t, int channel, int program, long tick) {
        t.add(new MidiEvent(shortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), tick));
    }

    static void controller(Track t, int channel, int controller, int value, long tick) {
        t.add(new MidiEvent(shortMessage(ShortMessage.CONTROL_CHANGE, channel, controller, value), tick));
    }

    /** A set-tempo meta event, in beats per minute. */
    static void tempo(Track t, double bpm, long tick) {
        int us = (int) Math.round(60_000_000 / bpm);
        try {
            byte[] d = {(byte) (us >> 16), (byte) (us >> 8), (byte) us};
            t.add(new MidiEvent(new MetaMessage(0x51, d, 3), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    static ShortMessage shortMessage(int command, int channel, int d1, int d2) {
        try {
            return new ShortMessage(command, channel, d1, d2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One note on channel 0 from {@code onTick} to {@code offTick}, optionally after a program change. */
    static Sequence singleNote(int key, long onTick, long offTick, Integer programChange) {
        Sequence seq = sequence();
        Track t = seq.createTrack();
        if (programChange != null) {
            program(t, 0, programChange, 0);
        }
        note(t, 0, key, 100, onTick, offTick);
        return seq;
    }

    /**
     * A conductor track at 120 BPM, then 60 BPM from tick 960 (1.0 s), and on a second track middle C from tick 1440
     * to 1920: the note starts at 2.0 s and ends at 2.5 s (at a constant 120 BPM it would start at 1.5 s).
     */
    static Sequence tempoChangeThenNote() {
        Sequence seq = sequence();
        Track conductor = seq.createTrack();
        tempo(conductor, 120, 0);
        tempo(conductor, 60, 2 * PPQ);
        note(seq.createTrack(), 0, 60, 100, 3 * PPQ, 4 * PPQ);
        return seq;
    }

    /** Seconds of the first sample whose magnitude reaches {@code threshold}, or -1. */
    static double onsetSeconds(float[] x, int rate, float threshold) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) >= threshold) {
                return (double) i / rate;
            }
        }
        return -1;
    }

    /** Magnitude of the DFT of {@code x[from, to)} at {@code hz} (a single-bin, direct DFT). */
    static double dftMagnitude(float[] x, int from, int to, int rate, double hz) {
        double re = 0;
        double im = 0;
        double w = 2 * Math.PI * hz / rate;
        for (int n = from; n < to; n++) {
            re += x[n] * Math.cos(w * n);
            im -= x[n] * Math.sin(w * n);
        }
        return Math.hypot(re, im);
    }

    /**
     * The frequency in [{@code lowHz}, {@code highHz}], searched in steps of {@code stepHz}, whose
     * {@link #dftMagnitude} over {@code x[from, to)} is largest (the first such on a tie).
     */
    static double dominantHz(float[] x, int from, int to, int rate, double lowHz, double highHz, double stepHz) {
        double bestHz = 0;
        double best = -1;
        for (double hz = lowHz; hz <= highHz; hz += stepHz) {
            double m = dftMagnitude(x, from, to, rate, hz);
            if (m > best) {
                best = m;
                bestHz = hz;
            }
        }
        return bestHz;
    }
}
