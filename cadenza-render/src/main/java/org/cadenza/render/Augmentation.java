package org.cadenza.render;

import java.util.BitSet;
import java.util.Locale;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Data augmentation applied to the MIDI before rendering: a transposition and a tempo change. Part of
 * {@link RenderSettings} ({@link RenderSettings#augmentation()}, default {@link #NONE}); {@link MidiRenderer} applies
 * it to a copy of each sequence, the caller's {@link Sequence} is never changed.
 *
 * <ul>
 *   <li><b>Transposition</b>: every note-on, note-off and polyphonic key pressure is moved by {@code semitones}.
 *       Percussion is left alone: channel 10 (index 9), General MIDI's drum channel, and any channel that receives a
 *       GM2 percussion bank select (controller 0 = 120) anywhere in the file, since a drum key names an instrument,
 *       not a pitch. A note pushed outside the MIDI range 0..127 is <b>dropped</b> (its note-on, note-off and key
 *       pressure alike), so a piece reaching the top of the keyboard loses those notes when transposed up.
 *       Pitch bend, key-signature meta events and everything else are kept as they are.</li>
 *   <li><b>Tempo</b>: {@code tempoFactor} 2 plays twice as fast (every onset at half its time, notes half as long),
 *       0.5 twice as slow. In a PPQ file every set-tempo event is divided by the factor (microseconds per quarter
 *       note, rounded, kept within MIDI's 24-bit range 1..16,777,215), and when no set-tempo event sits at tick 0 one
 *       is added there for MIDI's default of 120 BPM times the factor. In an SMPTE file (fixed ticks per second,
 *       tempo events ignored) every event's tick is divided by the factor instead, rounded to the nearest tick.</li>
 * </ul>
 *
 * @param semitones   transposition in semitones, {@value #MIN_SEMITONES}..{@value #MAX_SEMITONES}
 *                    (0 = none, +12 = an octave up)
 * @param tempoFactor playback speed, {@value #MIN_TEMPO_FACTOR}..{@value #MAX_TEMPO_FACTOR} (1 = unchanged,
 *                    1.1 = 10% faster)
 */
public record Augmentation(int semitones, double tempoFactor) {

    /** Smallest accepted transposition, semitones. */
    public static final int MIN_SEMITONES = -12;
    /** Largest accepted transposition, semitones. */
    public static final int MAX_SEMITONES = 12;
    /** Slowest accepted tempo factor. */
    public static final double MIN_TEMPO_FACTOR = 0.5;
    /** Fastest accepted tempo factor. */
    public static final double MAX_TEMPO_FACTOR = 2.0;

    /** No augmentation: 0 semitones, tempo factor 1. */
    public static final Augmentation NONE = new Augmentation(0, 1.0);

    private static final int PERCUSSION_CHANNEL = 9;
    private static final int SET_TEMPO = 0x51;
    private static final int MAX_TEMPO_US = 0xFFFFFF;

    public Augmentation {
        if (semitones < MIN_SEMITONES || semitones > MAX_SEMITONES) {
            throw new IllegalArgumentException("transposition must be " + MIN_SEMITONES + ".." + MAX_SEMITONES
                    + " semitones, got " + semitones);
        }
        if (!(tempoFactor >= MIN_TEMPO_FACTOR && tempoFactor <= MAX_TEMPO_FACTOR)) {
            throw new IllegalArgumentException("tempo factor must be " + MIN_TEMPO_FACTOR + ".." + MAX_TEMPO_FACTOR
                    + " (1 = unchanged), got " + tempoFactor);
        }
    }

    /** A transposition alone (tempo unchanged). */
    public static Augmentation transpose(int semitones) {
        return new Augmentation(semitones, 1.0);
    }

    /** A tempo change alone (pitch unchanged). */
    public static Augmentation tempo(double factor) {
        return new Augmentation(0, factor);
    }

    /** True for {@link #NONE}: no transposition and a tempo factor of exactly 1. */
    public boolean isNone() {
        return semitones == 0 && tempoFactor == 1.0;
    }

    /**
     * Canonical spelling for {@link RenderSettings#key()}, e.g. {@code transpose=+2,tempo=1.1};
     * {@code none} for {@link #NONE}.
     */
    public String key() {
        if (isNone()) {
            return "none";
        }
        return String.format(Locale.ROOT, "transpose=%+d,tempo=%s", semitones, Double.toString(tempoFactor));
    }

    /**
     * A new sequence with this augmentation applied (see {@link Augmentation} for the rules); {@code seq} is not
     * changed. Every message is copied, so the result shares nothing mutable with {@code seq}. Same division type,
     * resolution, tracks and event order.
     */
    public Sequence apply(Sequence seq) {
        boolean ppq = seq.getDivisionType() == Sequence.PPQ;
        BitSet drums = percussionChannels(seq);
        Sequence out;
        try {
            out = new Sequence(seq.getDivisionType(), seq.getResolution());
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("cannot copy a sequence with division type " + seq.getDivisionType(), e);
        }
        boolean tempoAtZero = false;
        Track[] tracks = seq.getTracks();
        for (Track track : tracks) {
            Track copy = out.createTrack();
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                MidiMessage m = transposed(e.getMessage(), drums);
                if (m == null) {
                    continue;
                }
                long tick = e.getTick();
                if (ppq && m instanceof MetaMessage meta && meta.getType() == SET_TEMPO && meta.getData().length >= 3) {
                    tempoAtZero |= tick == 0 && tempoMicros(meta) > 0;
                    m = scaledTempo(meta);
                } else if (!ppq && tempoFactor != 1.0) {
                    tick = Math.round(tick / tempoFactor);
                }
                copy.add(new MidiEvent(m, tick));
            }
        }
        if (ppq && tempoFactor != 1.0 && !tempoAtZero && tracks.length > 0) {
            // MIDI's default 120 BPM holds until the first set-tempo event: make it explicit, scaled
            out.getTracks()[0].add(new MidiEvent(tempoMessage(EventSchedule.DEFAULT_TEMPO_US_PER_QUARTER), 0));
        }
        return out;
    }

    /** Channels left untransposed: 10 (index 9), and those given a GM2 percussion bank (CC 0 = 120). */
    private static BitSet percussionChannels(Sequence seq) {
        BitSet drums = new BitSet(16);
        drums.set(PERCUSSION_CHANNEL);
        for (Track track : seq.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof ShortMessage sm
                        && sm.getCommand() == ShortMessage.CONTROL_CHANGE && sm.getData1() == 0 && sm.getData2() == 0x78) {
                    drums.set(sm.getChannel());
                }
            }
        }
        return drums;
    }

    /** A copy of {@code m}, transposed when it is a melodic key message; null when the key leaves 0..127. */
    private MidiMessage transposed(MidiMessage m, BitSet drums) {
        if (semitones == 0 || !(m instanceof ShortMessage sm)) {
            return (MidiMessage) m.clone();
        }
        int cmd = sm.getCommand();
        boolean keyed = cmd == ShortMessage.NOTE_ON || cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.POLY_PRESSURE;
        if (!keyed || drums.get(sm.getChannel())) {
            return (MidiMessage) m.clone();
        }
        int key = sm.getData1() + semitones;
        if (key < 0 || key > 127) {
            return null;
        }
        try {
            return new ShortMessage(cmd, sm.getChannel(), key, sm.getData2());
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("transposed key " + key + " on channel " + sm.getChannel(), e);
        }
    }

    /** Microseconds per quarter note of a set-tempo event with at least 3 data bytes. */
    private static long tempoMicros(MetaMessage meta) {
        byte[] d = meta.getData();
        return ((d[0] & 0xFFL) << 16) | ((d[1] & 0xFFL) << 8) | (d[2] & 0xFFL);
    }

    private MetaMessage scaledTempo(MetaMessage meta) {
        long us = tempoMicros(meta);
        if (us == 0 || tempoFactor == 1.0) {
            return (MetaMessage) meta.clone(); // a zero tempo is ignored by the renderer; keep it as it is
        }
        return tempoMessage(us);
    }

    /** A set-tempo event for {@code originalUs} microseconds per quarter divided by the tempo factor. */
    private MetaMessage tempoMessage(long originalUs) {
        long us = Math.max(1, Math.min(MAX_TEMPO_US, Math.round(originalUs / tempoFactor)));
        byte[] d = {(byte) (us >> 16), (byte) (us >> 8), (byte) us};
        try {
            return new MetaMessage(SET_TEMPO, d, 3);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("set-tempo " + us + " us", e);
        }
    }
}
