package org.cadenza.io.score.musicxml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.midi.Note;

/**
 * The second pass over one part: its written notes (from {@link PartWalk}) to sounding {@link Note}s in seconds,
 * with ties joined, grace notes placed and velocities from the part's dynamics. See {@link MusicXmlReader} for the
 * rules.
 */
final class PartPerformer {

    /** How long a grace note sounds at most, quarter notes: a 32nd note. */
    static final double GRACE_QUARTERS = 0.125;

    private final Path file;
    private final double[] measureStart;
    private final TempoMap tempo;
    private final int channel;
    private final int program;
    private final int track;
    private final List<Note> out;
    private final int maxNotes;
    private final TreeMap<Double, Integer> levels = new TreeMap<>();
    private final Map<Integer, List<Open>> tied = new HashMap<>();
    private final Map<String, List<List<PartWalk.Written>>> graces = new HashMap<>();
    private final Map<String, Double> stolen = new HashMap<>();
    /** Notes started and not yet in {@code out} (open tie chains, the note being placed). */
    private int started;

    /** A note being built: quarter positions, until its tie chain ends. */
    private static final class Open {
        final int pitch;
        final String voice;
        final double onset;
        double offset;
        final int velocity;

        Open(int pitch, String voice, double onset, double offset, int velocity) {
            this.pitch = pitch;
            this.voice = voice;
            this.onset = onset;
            this.offset = offset;
            this.velocity = velocity;
        }
    }

    private PartPerformer(Path file, double[] measureStart, TempoMap tempo, int channel, int program, int track,
                          List<Note> out, int maxNotes) {
        this.file = file;
        this.measureStart = measureStart;
        this.tempo = tempo;
        this.channel = channel;
        this.program = program;
        this.track = track;
        this.out = out;
        this.maxNotes = maxNotes;
    }

    /**
     * Adds the notes of one walked part to {@code out}.
     *
     * @param measureStart each measure's start, quarter notes from the first measure's start
     * @param maxNotes     the most notes {@code out} may hold, all parts together
     * @throws ResourceLimitException {@code out} would exceed {@code maxNotes}
     */
    static void perform(Path file, PartWalk.Result part, double[] measureStart, TempoMap tempo, int channel,
                        int program, int track, List<Note> out, int maxNotes) {
        new PartPerformer(file, measureStart, tempo, channel, program, track, out, maxNotes).run(part);
    }

    private void run(PartWalk.Result part) {
        List<PartWalk.Mark> marks = new ArrayList<>(part.dynamics());
        // at one position a <sound dynamics> (priority 0) is applied last, so it wins over the mark
        marks.sort(Comparator.comparingDouble(this::quarter).thenComparing(m -> -m.priority()));
        for (PartWalk.Mark m : marks) {
            levels.put(quarter(m), (int) m.value());
        }
        // in time order (stable: file order at one time), so that a tie written in a later voice of its measure
        // than the note it continues is still joined
        List<PartWalk.Written> notes = new ArrayList<>(part.notes());
        notes.sort(Comparator.comparingDouble(w -> measureStart[w.measure()] + w.onset()));
        for (PartWalk.Written w : notes) {
            double q = measureStart[w.measure()] + w.onset();
            if (w.grace()) {
                if (!w.isRest()) {
                    List<List<PartWalk.Written>> slots = graces.computeIfAbsent(w.voice(), v -> new ArrayList<>());
                    if (w.chord() && !slots.isEmpty()) {
                        slots.get(slots.size() - 1).add(w);
                    } else {
                        slots.add(new ArrayList<>(List.of(w)));
                    }
                }
                continue;
            }
            double steal;
            if (w.chord()) {
                steal = stolen.getOrDefault(w.voice(), 0.0);
            } else {
                List<List<PartWalk.Written>> slots = graces.remove(w.voice());
                steal = slots == null ? 0 : placeGraces(slots, q, w.duration());
                stolen.put(w.voice(), steal);
            }
            if (!w.isRest()) {
                play(w, q + Math.min(steal, w.duration()), q + w.duration(), velocity(w, q));
            }
        }
        for (List<List<PartWalk.Written>> slots : graces.values()) {
            PartWalk.Written first = slots.get(0).get(0);
            placeGraces(slots, measureStart[first.measure()] + first.onset(), 0);
        }
        for (List<Open> chains : tied.values()) {
            chains.forEach(this::emit);
        }
    }

    private double quarter(PartWalk.Mark m) {
        return measureStart[m.measure()] + m.onset();
    }

    private int velocity(PartWalk.Written w, double q) {
        if (w.velocity() > 0) {
            return w.velocity();
        }
        Map.Entry<Double, Integer> level = levels.floorEntry(q + 1e-9);
        return level == null ? DynamicMarks.DEFAULT : level.getValue();
    }

    /**
     * Sounds the grace notes before a principal note (or rest) at {@code q} lasting {@code duration} quarters: each
     * slot (a grace note with its {@code <chord/>} companions) lasts {@link #GRACE_QUARTERS}, all together at most
     * half the principal's duration, from {@code q} on.
     *
     * @return the time taken from the principal, quarter notes (0 when {@code duration} is 0: nothing follows)
     */
    private double placeGraces(List<List<PartWalk.Written>> slots, double q, double duration) {
        double total = slots.size() * GRACE_QUARTERS;
        if (duration > 0) {
            total = Math.min(total, duration / 2);
        }
        double each = total / slots.size();
        for (int i = 0; i < slots.size(); i++) {
            double on = q + i * each;
            for (PartWalk.Written g : slots.get(i)) {
                play(g, on, on + each, velocity(g, q));
            }
        }
        return duration > 0 ? total : 0;
    }

    /**
     * A note (grace notes too): joins an open tie chain of its pitch (its own voice's first, else another
     * voice's), or starts a note; a chain of its voice and pitch that it does not continue ends where it was.
     */
    private void play(PartWalk.Written w, double onset, double offset, int velocity) {
        List<Open> open = tied.get(w.pitch());
        Open same = null;
        Open any = null;
        for (int i = 0; open != null && i < open.size(); i++) {
            Open o = open.get(i);
            same = same == null && o.voice.equals(w.voice()) ? o : same;
            any = any == null ? o : any;
        }
        Open chain = same != null ? same : any;
        if (w.tieStop() && chain != null) {
            chain.offset = Math.max(chain.offset, offset);
            if (!w.tieStart()) {
                open.remove(chain);
                emit(chain);
            }
            return;
        }
        if (same != null) {
            open.remove(same);
            emit(same);
        }
        count();
        Open note = new Open(w.pitch(), w.voice(), onset, offset, velocity);
        if (w.tieStart()) {
            tied.computeIfAbsent(w.pitch(), p -> new ArrayList<>()).add(note);
        } else {
            emit(note);
        }
    }

    private void count() {
        if (out.size() + started >= maxNotes) {
            throw new ResourceLimitException(file, String.format(Locale.ROOT,
                    "too many notes: more than %,d, the limit of a score", maxNotes));
        }
        started++;
    }

    private void emit(Open o) {
        started--;
        double on = tempo.seconds(o.onset);
        out.add(new Note(o.pitch, on, Math.max(on, tempo.seconds(o.offset)), o.velocity, channel, program, track));
    }
}
