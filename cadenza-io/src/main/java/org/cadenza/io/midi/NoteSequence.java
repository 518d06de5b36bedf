package org.cadenza.io.midi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The notes of a MIDI file in time order, with its bar lines: what the symbolic route reads instead of audio.
 *
 * @param source          the file the notes come from (a label for messages; unit tests use a made-up path)
 * @param notes           every note, sorted by onset, then pitch; unmodifiable
 * @param barStartSeconds the start of every bar, seconds, increasing, the first at 0: from the time-signature
 *                        events (4/4 where there is none) and the tempo map, up to the last note's offset
 */
public record NoteSequence(Path source, List<Note> notes, List<Double> barStartSeconds) {

    private static final Comparator<Note> ORDER = Comparator.comparingDouble(Note::onsetSeconds)
            .thenComparingInt(Note::pitch).thenComparingDouble(Note::offsetSeconds);

    public NoteSequence {
        Objects.requireNonNull(source, "source");
        List<Note> sorted = new ArrayList<>(Objects.requireNonNull(notes, "notes"));
        sorted.sort(ORDER);
        notes = List.copyOf(sorted);
        barStartSeconds = List.copyOf(Objects.requireNonNull(barStartSeconds, "barStartSeconds"));
        for (int i = 1; i < barStartSeconds.size(); i++) {
            if (!(barStartSeconds.get(i) > barStartSeconds.get(i - 1))) {
                throw new IllegalArgumentException(source + ": bar starts must increase, got "
                        + barStartSeconds.get(i - 1) + " then " + barStartSeconds.get(i) + " s");
            }
        }
    }

    /** Notes only, with a bar every 2 s (4/4 at 120 BPM): for tests and hand-built examples. */
    public static NoteSequence of(List<Note> notes) {
        double end = notes.stream().mapToDouble(Note::offsetSeconds).max().orElse(0);
        List<Double> bars = new ArrayList<>();
        for (double t = 0; t == 0 || t < end; t += 2.0) {
            bars.add(t);
        }
        return new NoteSequence(Path.of("(notes)"), notes, bars);
    }

    /**
     * The notes that have a pitch: every note but the percussion-channel ones ({@link Note#isPercussion()}), in the
     * same order (onset, then pitch); unmodifiable. What the symbolic measures read.
     */
    public List<Note> pitchedNotes() {
        return notes.stream().filter(n -> !n.isPercussion()).toList();
    }

    /** Seconds from 0 to the last note's offset (0 without notes). */
    public double durationSeconds() {
        return notes.stream().mapToDouble(Note::offsetSeconds).max().orElse(0);
    }

    /** Onset of the first note, seconds (0 without notes). */
    public double firstOnsetSeconds() {
        return notes.isEmpty() ? 0 : notes.get(0).onsetSeconds();
    }

    /**
     * The notes that sound in {@code [fromSeconds, toSeconds)}, clipped to it and shifted so that
     * {@code fromSeconds} becomes 0; a note that started before the span keeps its clipped part with onset 0 only
     * when {@code held} is {@link Held#KEEP}.
     */
    public List<Note> slice(double fromSeconds, double toSeconds, Held held) {
        if (!(toSeconds > fromSeconds)) {
            throw new IllegalArgumentException("empty span " + fromSeconds + " .. " + toSeconds + " s");
        }
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            if (n.onsetSeconds() >= toSeconds) {
                break;
            }
            boolean startsInside = n.onsetSeconds() >= fromSeconds;
            if (!startsInside && (held == Held.DROP || n.offsetSeconds() <= fromSeconds)) {
                continue;
            }
            double on = Math.max(n.onsetSeconds(), fromSeconds) - fromSeconds;
            double off = Math.min(n.offsetSeconds(), toSeconds) - fromSeconds;
            out.add(new Note(n.pitch(), on, Math.max(on, off), n.velocity(), n.channel(), n.program(), n.track()));
        }
        return out;
    }

    /** What {@link #slice} does with notes struck before the span and still sounding in it. */
    public enum Held {
        /** Keep their part inside the span, with onset at the span's start. */
        KEEP,
        /** Leave them out: only notes struck inside the span. */
        DROP
    }
}
