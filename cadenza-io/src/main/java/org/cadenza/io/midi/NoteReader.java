package org.cadenza.io.midi;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.io.BadInputException;

/**
 * Reads the notes of a Standard MIDI File as a {@link NoteSequence}: note-on/note-off pairs per channel and key,
 * timed by the tempo map, with bar lines from the time signatures.
 *
 * <p>Pairing: a note-off (or a note-on with velocity 0) ends the <em>earliest</em> still-open note of the same
 * channel and key (first in, first out, as pretty_midi does); a note never switched off ends at the file's last
 * event. With {@link Pedal#EXTEND}, a note released while its channel's sustain pedal (controller 64, value
 * &ge; 64) is down sounds on until the pedal is lifted or the same key is struck again, whichever comes first:
 * what a pianist hears. Percussion (channel index 9) is kept and marked ({@link Note#isPercussion()}); the symbolic
 * features leave it out.
 */
public final class NoteReader {

    private static final int META_SET_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int SUSTAIN = 64;

    /** What the sustain pedal does to note lengths. */
    public enum Pedal {
        /** Notes end at their note-off, as written. */
        IGNORE,
        /** Notes released while the pedal is down sound until it is lifted (default). */
        EXTEND
    }

    private NoteReader() {
    }

    /** The notes of {@code file} with the default limits and the pedal applied. */
    public static NoteSequence read(Path file) {
        return read(file, MidiLimits.DEFAULTS, Pedal.EXTEND);
    }

    /**
     * The notes of {@code file}, read through {@link MidiInspector#read(Path, MidiLimits)}: the same checks and
     * messages as ingest ({@link MidiInspector#inspect}), so that a file over a limit is refused here too.
     *
     * @throws BadInputException      the file is missing, not MIDI, corrupt, has no notes, a set-tempo event of
     *                                0 microseconds per quarter note or a tempo outside the limits' BPM range
     * @throws org.cadenza.io.ResourceLimitException the file is larger than {@link MidiLimits#maxBytes()} or its
     *                                music lasts longer than {@link MidiLimits#maxSeconds()}
     */
    public static NoteSequence read(Path file, MidiLimits limits, Pedal pedal) {
        Objects.requireNonNull(pedal, "pedal");
        return notesOf(file, MidiInspector.read(file, limits), pedal);
    }

    /** The notes of an already parsed sequence ({@code file} names it in messages). */
    public static NoteSequence notesOf(Path file, Sequence sequence, Pedal pedal) {
        List<TimedEvent> events = new ArrayList<>();
        Track[] tracks = sequence.getTracks();
        long order = 0;
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent e = tracks[t].get(i);
                events.add(new TimedEvent(e.getTick(), t, order++, e.getMessage()));
            }
        }
        // time order; at equal ticks note-offs before note-ons (a repeated key is released before it is struck
        // again), then file order
        events.sort((a, b) -> a.tick != b.tick ? Long.compare(a.tick, b.tick)
                : a.rank() != b.rank() ? Integer.compare(a.rank(), b.rank()) : Long.compare(a.order, b.order));
        TempoMap tempo = TempoMap.of(file, sequence, events);

        int[] program = new int[16];
        boolean[] pedalDown = new boolean[16];
        Map<Integer, Deque<Open>> open = new HashMap<>();       // key: channel * 128 + pitch
        Map<Integer, List<Open>> sustained = new HashMap<>();   // released while the pedal was down
        List<Note> notes = new ArrayList<>();
        long lastTick = 0;
        List<long[]> signatures = new ArrayList<>();            // {tick, ticks per bar}
        for (TimedEvent e : events) {
            lastTick = Math.max(lastTick, e.tick);
            double now = tempo.seconds(e.tick);
            if (e.message instanceof MetaMessage meta && meta.getType() == META_TIME_SIGNATURE) {
                byte[] d = meta.getData();
                if (d.length >= 2 && d[0] > 0 && d[1] >= 0 && d[1] <= 6 && sequence.getDivisionType() == Sequence.PPQ) {
                    long ticksPerBar = Math.round(sequence.getResolution() * 4.0 * d[0] / (1 << d[1]));
                    if (ticksPerBar > 0) {
                        signatures.add(new long[] {e.tick, ticksPerBar});
                    }
                }
                continue;
            }
            if (!(e.message instanceof ShortMessage sm)) {
                continue;
            }
            int ch = sm.getChannel();
            int cmd = sm.getCommand();
            if (cmd == ShortMessage.PROGRAM_CHANGE) {
                program[ch] = sm.getData1();
            } else if (cmd == ShortMessage.CONTROL_CHANGE && sm.getData1() == SUSTAIN && pedal == Pedal.EXTEND) {
                boolean down = sm.getData2() >= 64;
                if (pedalDown[ch] && !down) {
                    for (int key : new ArrayList<>(sustained.keySet())) {
                        if (key / 128 == ch) {
                            for (Open o : sustained.remove(key)) {
                                notes.add(o.close(now));
                            }
                        }
                    }
                }
                pedalDown[ch] = down;
            } else if (cmd == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                int key = ch * 128 + sm.getData1();
                List<Open> held = sustained.remove(key);
                if (held != null) {
                    for (Open o : held) {
                        notes.add(o.close(now));
                    }
                }
                open.computeIfAbsent(key, k -> new ArrayDeque<>())
                        .addLast(new Open(sm.getData1(), now, sm.getData2(), ch, program[ch], e.track));
            } else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) {
                int key = ch * 128 + sm.getData1();
                Deque<Open> q = open.get(key);
                if (q == null || q.isEmpty()) {
                    continue; // a stray note-off: nothing to end
                }
                Open o = q.removeFirst();
                if (pedalDown[ch]) {
                    sustained.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
                } else {
                    notes.add(o.close(now));
                }
            }
        }
        double end = tempo.seconds(lastTick);
        open.values().forEach(q -> q.forEach(o -> notes.add(o.close(end))));
        sustained.values().forEach(l -> l.forEach(o -> notes.add(o.close(end))));
        if (notes.isEmpty()) {
            throw new BadInputException(file, "no notes: " + tracks.length + " track(s) without a single note-on"
                    + " event (velocity > 0)");
        }
        double last = notes.stream().mapToDouble(Note::offsetSeconds).max().orElse(0);
        return new NoteSequence(file, notes, bars(sequence, tempo, signatures, last));
    }

    private static List<Double> bars(Sequence sequence, TempoMap tempo, List<long[]> signatures, double endSeconds) {
        List<Double> bars = new ArrayList<>();
        if (sequence.getDivisionType() != Sequence.PPQ) {
            for (double t = 0; t == 0 || t < endSeconds; t += 2.0) {
                bars.add(t); // SMPTE time has no metre: a bar every 2 s (4/4 at 120 BPM)
            }
            return bars;
        }
        long perBar = sequence.getResolution() * 4L; // 4/4 until a time signature says otherwise
        int next = 0;
        long tick = 0;
        while (true) {
            while (next < signatures.size() && signatures.get(next)[0] <= tick) {
                perBar = signatures.get(next++)[1];
            }
            double s = tempo.seconds(tick);
            if (!bars.isEmpty() && s >= endSeconds) {
                break;
            }
            if (bars.isEmpty() || s > bars.get(bars.size() - 1)) {
                bars.add(s);
            }
            long nextBar = tick + perBar;
            // a time signature in mid-bar starts a new bar where it stands
            if (next < signatures.size() && signatures.get(next)[0] < nextBar) {
                nextBar = signatures.get(next)[0];
            }
            tick = nextBar;
        }
        return bars;
    }

    private record Open(int pitch, double onset, int velocity, int channel, int program, int track) {
        Note close(double offset) {
            return new Note(pitch, onset, Math.max(onset, offset), velocity, channel, program, track);
        }
    }

    private record TimedEvent(long tick, int track, long order, MidiMessage message) {
        /** 0 for releases (note-off, note-on velocity 0), 1 for the rest. */
        int rank() {
            if (message instanceof ShortMessage sm && (sm.getCommand() == ShortMessage.NOTE_OFF
                    || (sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() == 0))) {
                return 0;
            }
            return 1;
        }
    }

    /** Ticks to seconds under the file's tempo map (PPQ), or under its SMPTE frame rate. */
    private static final class TempoMap {
        private final long[] ticks;        // tempo change ticks, the first 0
        private final double[] seconds;    // seconds at each change
        private final double[] secPerTick; // in effect from each change

        private TempoMap(long[] ticks, double[] seconds, double[] secPerTick) {
            this.ticks = ticks;
            this.seconds = seconds;
            this.secPerTick = secPerTick;
        }

        static TempoMap of(Path file, Sequence sequence, List<TimedEvent> sorted) {
            if (sequence.getDivisionType() != Sequence.PPQ) {
                double spt = 1.0 / (sequence.getDivisionType() * sequence.getResolution());
                return new TempoMap(new long[] {0}, new double[] {0}, new double[] {spt});
            }
            int ppq = sequence.getResolution();
            if (ppq <= 0) {
                throw new BadInputException(file, "invalid time division: " + ppq + " ticks per quarter note");
            }
            List<long[]> changes = new ArrayList<>(); // {tick, micros per quarter}
            changes.add(new long[] {0, MidiInspector.DEFAULT_MICROS_PER_QUARTER});
            for (TimedEvent e : sorted) {
                if (e.message instanceof MetaMessage meta && meta.getType() == META_SET_TEMPO) {
                    byte[] d = meta.getData();
                    if (d.length != 3) {
                        throw new BadInputException(file, "malformed set-tempo event in track " + e.track
                                + " at tick " + e.tick + ": " + d.length + " data bytes, expected 3");
                    }
                    long micros = ((d[0] & 0xffL) << 16) | ((d[1] & 0xffL) << 8) | (d[2] & 0xffL);
                    if (micros == 0) {
                        throw new BadInputException(file, "tempo 0: set-tempo event with 0 microseconds per quarter"
                                + " note in track " + e.track + " at tick " + e.tick);
                    }
                    if (changes.get(changes.size() - 1)[0] == e.tick) {
                        changes.get(changes.size() - 1)[1] = micros; // the later event at a tick wins
                    } else {
                        changes.add(new long[] {e.tick, micros});
                    }
                }
            }
            int n = changes.size();
            long[] ticks = new long[n];
            double[] seconds = new double[n];
            double[] spt = new double[n];
            for (int i = 0; i < n; i++) {
                ticks[i] = changes.get(i)[0];
                spt[i] = changes.get(i)[1] / 1e6 / ppq;
                if (i > 0) {
                    seconds[i] = seconds[i - 1] + (ticks[i] - ticks[i - 1]) * spt[i - 1];
                }
            }
            return new TempoMap(ticks, seconds, spt);
        }

        double seconds(long tick) {
            int i = Arrays.binarySearch(ticks, tick);
            if (i < 0) {
                i = -i - 2;
            }
            return seconds[i] + (tick - ticks[i]) * secPerTick[i];
        }
    }
}
