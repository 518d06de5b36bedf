package org.cadenza.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;

/**
 * The messages of a {@link Sequence} that a synthesizer needs, merged over all tracks in time order, each with its
 * time in microseconds from the start (the tempo map applied), after the {@link ProgramPolicy}.
 * Immutable; package-private: {@link MidiRenderer} feeds it to Gervill.
 */
final class EventSchedule {

    /** MIDI's default tempo: 120 BPM, in microseconds per quarter note. */
    static final long DEFAULT_TEMPO_US_PER_QUARTER = 500_000;
    private static final int PERCUSSION_CHANNEL = 9;

    private final List<MidiMessage> setup;
    private final long[] micros;
    private final MidiMessage[] messages;

    private EventSchedule(List<MidiMessage> setup, long[] micros, MidiMessage[] messages) {
        this.setup = List.copyOf(setup);
        this.micros = micros;
        this.messages = messages;
    }

    /**
     * Messages to send before time 0, without a timestamp (the fixed program on every channel, and after
     * {@link #startingAtFirstNote()} the events that preceded the first note). Sending them
     * untimed matters: Gervill moves timed messages that share a timestamp 1 us apart, which would delay the
     * notes at time 0 by a sample.
     */
    List<MidiMessage> setup() {
        return setup;
    }

    int size() {
        return messages.length;
    }

    /** Time of event {@code i}, microseconds from the start; non-decreasing in {@code i}. */
    long micros(int i) {
        return micros[i];
    }

    MidiMessage message(int i) {
        return messages[i];
    }

    /** Time of the last event in microseconds (0 when empty). */
    long endMicros() {
        return micros.length == 0 ? 0 : micros[micros.length - 1];
    }

    /**
     * GM programs the synthesizer may be asked for on melodic channels: every program change sent, plus 0 (the
     * program every channel starts with, and Gervill's fallback for a program missing from the bank).
     */
    java.util.BitSet programsUsed() {
        java.util.BitSet programs = new java.util.BitSet(128);
        programs.set(0);
        List<MidiMessage> all = new ArrayList<>(setup);
        all.addAll(Arrays.asList(messages));
        for (MidiMessage m : all) {
            if (m instanceof ShortMessage sm && sm.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                programs.set(sm.getData1());
            }
        }
        return programs;
    }

    /**
     * Whether a drum kit may be needed: a note on channel 10 (index 9), or a GM2 percussion bank select (CC 0 = 120)
     * that turns another channel into a drum channel.
     */
    boolean usesPercussion() {
        List<MidiMessage> all = new ArrayList<>(setup);
        all.addAll(Arrays.asList(messages));
        for (MidiMessage m : all) {
            if (m instanceof ShortMessage sm) {
                if (sm.getCommand() == ShortMessage.NOTE_ON && sm.getChannel() == PERCUSSION_CHANNEL) {
                    return true;
                }
                if (sm.getCommand() == ShortMessage.CONTROL_CHANGE && sm.getData1() == 0 && sm.getData2() == 0x78) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of note-on messages (velocity &gt; 0) that will be played. */
    int noteCount() {
        int n = 0;
        for (MidiMessage m : messages) {
            if (isSoundingNoteOn(m)) {
                n++;
            }
        }
        return n;
    }

    /** Index of the first note-on with velocity &gt; 0, or -1 when there is none. */
    int firstNoteIndex() {
        for (int i = 0; i < messages.length; i++) {
            if (isSoundingNoteOn(messages[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSoundingNoteOn(MidiMessage m) {
        return m instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0;
    }

    /**
     * This schedule made to start at its first note: the events before the first note-on (controllers, program
     * changes, system exclusive, pedal...) move, in order, to the end of {@link #setup()}, so the synthesizer is in
     * the same state when the note sounds; every later event is moved earlier by the first note's time, so the
     * first note-on is at 0 us. Returns this schedule when it has no note, or when the first note is already the
     * first event at 0 us.
     */
    EventSchedule startingAtFirstNote() {
        int first = firstNoteIndex();
        if (first < 0 || (first == 0 && micros[0] == 0)) {
            return this;
        }
        long offset = micros[first];
        List<MidiMessage> newSetup = new ArrayList<>(setup);
        newSetup.addAll(Arrays.asList(messages).subList(0, first));
        long[] shifted = new long[micros.length - first];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = micros[first + i] - offset;
        }
        return new EventSchedule(newSetup, shifted, Arrays.copyOfRange(messages, first, messages.length));
    }

    private record Timed(long tick, int order, MidiMessage message) {
    }

    /**
     * Merges the tracks of {@code seq} (stable: same tick keeps track order, then file order), converts ticks to
     * microseconds with the tempo map (PPQ files; SMPTE files use their fixed frame rate) and applies {@code policy}.
     */
    static EventSchedule of(Sequence seq, ProgramPolicy policy, Path nameForErrors) {
        List<Timed> all = new ArrayList<>();
        int order = 0;
        for (Track track : seq.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                all.add(new Timed(e.getTick(), order++, e.getMessage()));
            }
        }
        all.sort((a, b) -> a.tick != b.tick ? Long.compare(a.tick, b.tick) : Integer.compare(a.order, b.order));

        boolean ppq = seq.getDivisionType() == Sequence.PPQ;
        int resolution = seq.getResolution();
        if (resolution <= 0) {
            throw new BadInputException(nameForErrors, "invalid MIDI time division: resolution " + resolution);
        }
        double smpteMicrosPerTick = ppq ? 0 : 1e6 / (seq.getDivisionType() * resolution);

        Integer fixed = policy instanceof ProgramPolicy.Fixed f ? f.program() : null;
        List<Long> times = new ArrayList<>(all.size());
        List<MidiMessage> out = new ArrayList<>(all.size());
        List<MidiMessage> setup = new ArrayList<>();
        if (fixed != null) {
            List<Long> ignored = new ArrayList<>();
            addFixedPrograms(0, fixed, ignored, setup);
        }

        long tempo = DEFAULT_TEMPO_US_PER_QUARTER;
        long lastTick = 0;
        double lastMicros = 0;
        for (Timed t : all) {
            double now = ppq ? lastMicros + (double) (t.tick - lastTick) * tempo / resolution
                    : t.tick * smpteMicrosPerTick;
            lastTick = t.tick;
            lastMicros = now;
            long us = Math.round(now);
            MidiMessage m = t.message;
            if (m instanceof MetaMessage meta) {
                if (ppq && meta.getType() == 0x51 && meta.getData().length >= 3) {
                    byte[] d = meta.getData();
                    long newTempo = ((d[0] & 0xFFL) << 16) | ((d[1] & 0xFFL) << 8) | (d[2] & 0xFFL);
                    if (newTempo > 0) {
                        tempo = newTempo;
                    }
                }
                continue;
            }
            if (m instanceof SysexMessage sx) {
                if (sx.getStatus() != SysexMessage.SYSTEM_EXCLUSIVE) {
                    continue; // a continuation packet (0xF7) alone means nothing to the synthesizer
                }
                times.add(us);
                out.add(m);
                if (fixed != null) {
                    // a GM/GM2 reset inside the file would restore program 0: impose the fixed program again
                    addFixedPrograms(us, fixed, times, out);
                }
                continue;
            }
            if (!(m instanceof ShortMessage sm)) {
                continue;
            }
            int cmd = sm.getCommand();
            if (cmd < 0x80 || cmd > 0xE0) {
                continue; // system common/real-time: clock, start, stop, active sensing... not for a synthesizer
            }
            if (fixed != null) {
                if (cmd == ShortMessage.PROGRAM_CHANGE) {
                    continue;
                }
                if (cmd == ShortMessage.CONTROL_CHANGE && (sm.getData1() == 0 || sm.getData1() == 32)) {
                    continue; // bank select
                }
                if (sm.getChannel() == PERCUSSION_CHANNEL
                        && (cmd == ShortMessage.NOTE_ON || cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.POLY_PRESSURE)) {
                    continue; // drum notes are dropped under a fixed program
                }
            }
            times.add(us);
            out.add(m);
        }
        long[] micros = new long[times.size()];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = times.get(i);
        }
        return new EventSchedule(setup, micros, out.toArray(new MidiMessage[0]));
    }

    private static void addFixedPrograms(long us, int program, List<Long> times, List<MidiMessage> out) {
        for (int ch = 0; ch < 16; ch++) {
            if (ch == PERCUSSION_CHANNEL) {
                continue;
            }
            try {
                times.add(us);
                out.add(new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, program, 0));
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException("program " + program + " on channel " + ch, e);
            }
        }
    }

    @Override
    public String toString() {
        return "EventSchedule[" + messages.length + " events, " + endMicros() / 1e6 + " s]";
    }
}
