package org.cadenza.features.instruments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cadenza.io.Parameters;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * Multi-label instrument targets from the notes of a MIDI file: which instrument families ({@link InstrumentMap})
 * play in a piece or sound in a window of it.
 *
 * <p>A note's family comes from its {@link Note#program()} (the program in effect on its channel at its onset, as
 * {@link org.cadenza.io.midi.NoteReader} sets it, so a program change in mid-track changes the family of the
 * notes after it) and its {@link Note#channel()} (channel index 9 is percussion).
 *
 * <p>In a window, a family counts when the union of its notes' sounding intervals, clipped to the window, lasts at
 * least {@code minSoundingSeconds}: the union, not the sum, so that the tails of a four-note chord spilling 0.1 s
 * into a window count 0.1 s, not 0.4 s. Notes of zero length never count in a window (they do in
 * {@link #ofPiece}).
 */
public final class InstrumentLabels {

    /**
     * Default {@code minSoundingSeconds}: 0.25 s, so that a note tail spilling into a window (or the release
     * of a sustain pedal) does not label it.
     */
    public static final double DEFAULT_MIN_SOUNDING_SECONDS = 0.25;

    private InstrumentLabels() {
    }

    /** The families of every note of the piece; sorted, unmodifiable; empty only for a sequence without notes. */
    public static SortedSet<String> ofPiece(NoteSequence seq, InstrumentMap map) {
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(map, "map");
        TreeSet<String> out = new TreeSet<>();
        Set<Integer> seen = new HashSet<>(); // channel * 128 + program
        for (Note n : seq.notes()) {
            if (seen.add(n.channel() * 128 + n.program())) {
                out.add(map.familyOf(n.program(), n.channel()));
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * The families whose notes sound inside {@code [fromSeconds, toSeconds)} for at least
     * {@code minSoundingSeconds} in total (the union of their clipped sounding intervals).
     *
     * @param fromSeconds        window start, seconds on the sequence's time line, finite
     * @param toSeconds          window end, seconds, finite, &gt; {@code fromSeconds}
     * @param minSoundingSeconds least sounding time for a family to count, seconds, finite, &gt;= 0; default
     *                           {@link #DEFAULT_MIN_SOUNDING_SECONDS}; with 0, any sounding time &gt; 0 counts
     * @return sorted, unmodifiable; empty for a silent window
     * @throws IllegalArgumentException a span or {@code minSoundingSeconds} out of range
     */
    public static SortedSet<String> ofWindow(NoteSequence seq, double fromSeconds, double toSeconds,
                                             InstrumentMap map, double minSoundingSeconds) {
        return ofWindows(seq, List.of(new double[] {fromSeconds, toSeconds}), map, minSoundingSeconds).get(0);
    }

    /**
     * {@link #ofWindow} for many windows at once. The sounding intervals of each family are merged once
     * (O(notes log notes)); each window then costs a binary search per family plus the merged intervals it
     * overlaps, never a pass over all the notes.
     *
     * @param spans {@code {fromSeconds, toSeconds}} pairs, in any order, overlapping or not; each as in
     *              {@link #ofWindow}
     * @return one label set per span, in the order of {@code spans}
     */
    public static List<SortedSet<String>> ofWindows(NoteSequence seq, List<double[]> spans, InstrumentMap map,
                                                    double minSoundingSeconds) {
        Parameters.nonNull("seq, spans, map", seq, spans, map);
        if (!Double.isFinite(minSoundingSeconds) || minSoundingSeconds < 0) {
            throw new IllegalArgumentException("minSoundingSeconds must be a finite number of seconds >= 0, got "
                    + minSoundingSeconds);
        }
        for (int i = 0; i < spans.size(); i++) {
            double[] s = spans.get(i);
            if (s == null || s.length != 2 || !Double.isFinite(s[0]) || !Double.isFinite(s[1]) || !(s[1] > s[0])) {
                throw new IllegalArgumentException("span " + i + " must be {fromSeconds, toSeconds}, finite, from < to;"
                        + " got " + (s == null ? "null" : Arrays.toString(s)));
            }
        }
        Map<String, double[][]> sounding = soundingIntervals(seq, map);
        List<SortedSet<String>> out = new ArrayList<>(spans.size());
        for (double[] s : spans) {
            TreeSet<String> labels = new TreeSet<>();
            for (Map.Entry<String, double[][]> e : sounding.entrySet()) {
                double t = overlap(e.getValue(), s[0], s[1]);
                if (t > 0 && t >= minSoundingSeconds) {
                    labels.add(e.getKey());
                }
            }
            out.add(Collections.unmodifiableSortedSet(labels));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Multi-hot targets: element {@code i} is 1 when {@code vocabulary.get(i)} is in {@code labels}, else 0.
     * Labels outside the vocabulary (rare families a {@link InstrumentVocabulary} dropped) are ignored.
     *
     * @param vocabulary the model's families, in output order, without duplicates
     * @return length {@code vocabulary.size()}, values 0 or 1
     * @throws IllegalArgumentException the vocabulary lists a family twice
     */
    public static float[] multiHot(SortedSet<String> labels, List<String> vocabulary) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (new HashSet<>(vocabulary).size() != vocabulary.size()) {
            throw new IllegalArgumentException("the vocabulary lists a family twice: " + vocabulary);
        }
        float[] out = new float[vocabulary.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.contains(vocabulary.get(i)) ? 1f : 0f;
        }
        return out;
    }

    /** Per family, its notes' sounding intervals merged into disjoint {start, end} pairs sorted by start. */
    private static Map<String, double[][]> soundingIntervals(NoteSequence seq, InstrumentMap map) {
        Map<Integer, String> familyOfKey = new HashMap<>();
        Map<String, List<double[]>> raw = new TreeMap<>();
        for (Note n : seq.notes()) { // sorted by onset
            if (!(n.offsetSeconds() > n.onsetSeconds())) {
                continue;
            }
            String family = familyOfKey.computeIfAbsent(n.channel() * 128 + n.program(),
                    k -> map.familyOf(n.program(), n.channel()));
            raw.computeIfAbsent(family, f -> new ArrayList<>()).add(new double[] {n.onsetSeconds(), n.offsetSeconds()});
        }
        Map<String, double[][]> merged = new TreeMap<>();
        for (Map.Entry<String, List<double[]>> e : raw.entrySet()) {
            List<double[]> in = e.getValue(); // already by start: the sequence is sorted by onset
            List<double[]> out = new ArrayList<>();
            double[] cur = in.get(0).clone();
            for (int i = 1; i < in.size(); i++) {
                double[] next = in.get(i);
                if (next[0] <= cur[1]) {
                    cur[1] = Math.max(cur[1], next[1]);
                } else {
                    out.add(cur);
                    cur = next.clone();
                }
            }
            out.add(cur);
            merged.put(e.getKey(), out.toArray(new double[0][]));
        }
        return merged;
    }

    /** Total length of the disjoint sorted {@code intervals} inside {@code [from, to)}, seconds. */
    private static double overlap(double[][] intervals, double from, double to) {
        // first interval ending after 'from'
        int lo = 0;
        int hi = intervals.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (intervals[mid][1] <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double total = 0;
        for (int i = lo; i < intervals.length && intervals[i][0] < to; i++) {
            total += Math.min(intervals[i][1], to) - Math.max(intervals[i][0], from);
        }
        return total;
    }
}
