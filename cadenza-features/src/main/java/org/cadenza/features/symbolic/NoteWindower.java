package org.cadenza.features.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * Cuts a {@link NoteSequence} into {@link NoteWindow}s, by seconds or by bars ({@link NoteWindowSpec}), or takes it
 * whole as one window, the unit the symbolic classifiers see.
 *
 * <ul>
 *   <li>Percussion notes (channel index 9) are dropped first; the rest below counts pitched notes only.</li>
 *   <li>Leading silence is skipped: by seconds, window {@code k} covers {@code [t0 + k*hop, t0 + k*hop + window)}
 *       where {@code t0} is the first onset; by bars, windows start at the bar line of the bar containing the first
 *       onset and cover {@code window} whole bars, window {@code k} starting {@code k*hop} bars later.</li>
 *   <li>The piece ends at {@code min(last offset, t0 + maxSeconds)} (by bars: after the last bar that ends by then;
 *       the last bar of the sequence is taken as long as the one before it, and at least up to the last offset).</li>
 *   <li>The first window that runs past the end is kept, cut at the end, only when it is at least half a window long
 *       (half the seconds, or half the bars); later windows, contained in it, are not made.</li>
 *   <li>A window in which no note starts is skipped (a long held note or a rest does not make a window).</li>
 * </ul>
 */
public final class NoteWindower {

    private NoteWindower() {
    }

    /** The windows of the whole sequence; see the class comment. */
    public static List<NoteWindow> windows(NoteSequence seq, NoteWindowSpec spec) {
        return windows(seq, spec, Double.POSITIVE_INFINITY);
    }

    /**
     * The windows of the first {@code maxSeconds} after the first onset (the audio route reads the first 180 s of
     * a file; pass the same cap for the same excerpt).
     *
     * @param maxSeconds seconds after the first onset that are read, &gt; 0 ({@code Double.POSITIVE_INFINITY}: all)
     * @return windows in time order; empty when the sequence has no pitched note or is shorter than half a window
     * @throws IllegalArgumentException by bars, when the sequence has no bar lines
     */
    public static List<NoteWindow> windows(NoteSequence seq, NoteWindowSpec spec, double maxSeconds) {
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(spec, "spec");
        if (!(maxSeconds > 0)) {
            throw new IllegalArgumentException("NoteWindower: maxSeconds must be > 0, got " + maxSeconds);
        }
        List<Note> pitched = seq.pitchedNotes();
        if (pitched.isEmpty()) {
            return List.of();
        }
        NoteSequence notes = pitched.size() == seq.notes().size() ? seq
                : new NoteSequence(seq.source(), pitched, seq.barStartSeconds());
        double first = notes.firstOnsetSeconds();
        double end = Math.min(notes.durationSeconds(), first + maxSeconds);
        double[] onsets = notes.notes().stream().mapToDouble(Note::onsetSeconds).toArray();
        List<double[]> spans = spec.isPiece() ? List.of(new double[] {first, Math.max(end, Math.nextUp(first))})
                : spec.isBars() ? barSpans(notes, spec, first, end) : secondSpans(spec, first, end);
        List<NoteWindow> out = new ArrayList<>();
        for (double[] s : spans) {
            if (hasOnset(onsets, s[0], s[1])) {
                out.add(new NoteWindow(s[0], s[1], notes.slice(s[0], s[1], NoteSequence.Held.KEEP)));
            }
        }
        return out;
    }

    private static List<double[]> secondSpans(NoteWindowSpec spec, double first, double end) {
        double window = spec.windowSeconds();
        double hop = spec.hopSeconds();
        List<double[]> spans = new ArrayList<>();
        for (long k = 0; ; k++) {
            double start = first + k * hop;
            if (!(start < end)) {
                break;
            }
            if (start + window <= end) {
                spans.add(new double[] {start, start + window});
            } else {
                if (end - start >= window / 2) {
                    spans.add(new double[] {start, end});
                }
                break;
            }
        }
        return spans;
    }

    private static List<double[]> barSpans(NoteSequence seq, NoteWindowSpec spec, double first, double end) {
        List<Double> bars = seq.barStartSeconds();
        if (bars.isEmpty()) {
            throw new IllegalArgumentException(seq.source() + ": has no bar lines; cut it by seconds instead");
        }
        // bounds[i] .. bounds[i + 1] is bar i; the last bar lasts as long as the one before it, and at least to the
        // last offset
        double[] bounds = new double[bars.size() + 1];
        for (int i = 0; i < bars.size(); i++) {
            bounds[i] = bars.get(i);
        }
        int last = bars.size() - 1;
        double lastLength = last > 0 ? bounds[last] - bounds[last - 1] : 0;
        bounds[last + 1] = Math.max(bounds[last] + lastLength, seq.durationSeconds());
        if (!(bounds[last + 1] > bounds[last])) {
            bounds[last + 1] = Math.nextUp(bounds[last]);
        }
        // the bar containing the first onset (before the first bar line: bar 0)
        int firstBar = 0;
        while (firstBar + 1 <= last && bounds[firstBar + 1] <= first) {
            firstBar++;
        }
        // whole bars that end by the end of the read excerpt (the last bar always, when nothing is capped)
        double horizon = end >= seq.durationSeconds() ? bounds[last + 1] : end;
        int barCount = 0;
        while (firstBar + barCount <= last && bounds[firstBar + barCount + 1] <= horizon) {
            barCount++;
        }
        int window = spec.windowBars();
        int hop = spec.hopBars();
        List<double[]> spans = new ArrayList<>();
        for (long k = 0; k * hop < barCount; k++) {
            int from = (int) (k * hop);
            if (from + window <= barCount) {
                spans.add(new double[] {bounds[firstBar + from], bounds[firstBar + from + window]});
            } else {
                if (2L * (barCount - from) >= window) {
                    spans.add(new double[] {bounds[firstBar + from], bounds[firstBar + barCount]});
                }
                break;
            }
        }
        return spans;
    }

    private static boolean hasOnset(double[] sortedOnsets, double from, double to) {
        int i = Arrays.binarySearch(sortedOnsets, from);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && sortedOnsets[i - 1] == from) {
                i--;
            }
        }
        return i < sortedOnsets.length && sortedOnsets[i] < to;
    }
}
