package org.cadenza.features.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.cadenza.io.midi.Note;

/**
 * A fixed-length vector of symbolic features computed from notes alone (no audio): for one {@link NoteWindow} or a
 * whole piece. The definitions follow jSymbolic (McKay, Cumming and Fujinaga 2018, "jSymbolic 2.2", ISMIR),
 * music21's analysis tools (Cuthbert and Ariza 2010) and Krumhansl (1990) for the key; every feature, its unit and
 * its index range with the default parameters is listed in {@code docs/SYMBOLIC_FEATURES.md}.
 *
 * <p>Terms used below. <b>Onset group</b>: notes whose onsets lie within {@link SymbolicParams#chordToleranceSeconds()}
 * of the group's first onset (a chord; a group's time is its first onset). <b>Held at a group</b>: a note of an
 * earlier group that still sounds more than the tolerance after the group's time. <b>Timeline</b>: {@code [0, T)}
 * with {@code T = max(spanSeconds, latest offset)}. Standard deviations are population ones (divide by n). A
 * histogram holds proportions summing to 1, or all 0 when it counted nothing.
 *
 * <p>Groups, in order ({@link #names()} gives each value's name):
 * <ol>
 *   <li>{@code pitch_class_count_*} (12, C to B): proportion of notes per pitch class.</li>
 *   <li>{@code pitch_class_duration_*} (12): proportion of summed note duration per pitch class.</li>
 *   <li>{@code key_relative_pitch_class_0..11}: the duration-weighted histogram rotated so that index 0 is the
 *       tonic of the estimated key ({@link KeyEstimate} of the duration-weighted histogram).</li>
 *   <li>{@code pitch_lowest, pitch_highest, pitch_range, pitch_mean, pitch_std}: MIDI key numbers / semitones,
 *       over notes.</li>
 *   <li>{@code register_octave_0..8}: proportion of notes per octave of scientific pitch notation (octave n holds
 *       MIDI {@code 12(n+1) .. 12(n+1)+11}; C4 = 60 is in octave 4); below C0 counts as 0, from C8 up as 8.</li>
 *   <li>{@code melody_*} (20): the skyline melody's intervals ({@link SkylineMode}): proportion of absolute
 *       intervals of 0..12 semitones and over 12, mean absolute interval (semitones), proportions repeated (0),
 *       stepwise (1-2), leaps (3 and more), ascending, descending.</li>
 *   <li>{@code bass_*} (20): the same for the bass line (lowest note of each group).</li>
 *   <li>{@code harmonic_interval_class_0..6}: over every pair of distinct pitches sounding at each group (struck or
 *       held), proportion of interval classes {@code min(d mod 12, 12 - d mod 12)}.</li>
 *   <li>{@code note_density} (notes per second of T), {@code onset_density} (onset groups per second of T).</li>
 *   <li>{@code duration_mean, _std, _median, _min, _max} (seconds) and {@code log_duration_hist_*}
 *       ({@link SymbolicParams#durationBins()} octave-wide bins, see {@link SymbolicParams#firstBinEdgeSeconds()}).</li>
 *   <li>{@code ioi_mean, _std, _median, _min, _max} (seconds between successive groups' times) and
 *       {@code log_ioi_hist_*} ({@link SymbolicParams#ioiBins()} bins).</li>
 *   <li>{@code polyphony_mean} (time-average number of sounding notes while at least one sounds),
 *       {@code polyphony_max}, {@code silence_fraction} (of T with no note sounding), {@code notes_per_onset_mean}.</li>
 *   <li>{@code velocity_mean, _std, _min, _max} (MIDI velocity 1-127).</li>
 *   <li>{@code key_best_correlation}, {@code key_correlation_margin} (best minus second best of 24 keys),
 *       {@code key_mode_major} (1 major, 0 minor).</li>
 *   <li>{@code chord_*} (13, {@link ChordType}): proportion of onset groups per chord type of their pitch-class set
 *       ({@link ChordNotes}).</li>
 * </ol>
 * With {@link FeatureSet#EXTENDED}, {@link TempoFreeFeatures}'s 86 values follow.
 *
 * <p>Every value is finite. Statistics of nothing (no notes, no interval, fewer than two groups) are 0. An empty note
 * list gives all zeros except {@code silence_fraction} = 1 when {@code spanSeconds > 0}. Percussion notes are ignored.
 * Instances are immutable and thread-safe.
 */
public final class SymbolicFeatures {

    private static final String[] PITCH_CLASS_NAMES =
            {"c", "c_sharp", "d", "d_sharp", "e", "f", "f_sharp", "g", "g_sharp", "a", "a_sharp", "b"};
    private static final int OCTAVES = 9;
    private static final int INTERVAL_BINS = 14;
    private static final Comparator<Note> ORDER = Comparator.comparingDouble(Note::onsetSeconds)
            .thenComparingInt(Note::pitch).thenComparingDouble(Note::offsetSeconds);

    private final SymbolicParams params;
    private final List<String> names;

    public SymbolicFeatures(SymbolicParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.names = List.copyOf(buildNames(params));
    }

    /** The parameters. */
    public SymbolicParams params() {
        return params;
    }

    /** {@link SymbolicParams#key()}: what a trained model records to refuse vectors made otherwise. */
    public String key() {
        return params.key();
    }

    /** One snake_case name per value, in the order of {@link #compute}; stable for a given {@link #key()}. */
    public List<String> names() {
        return names;
    }

    /** Number of values: 133 + duration bins + IOI bins (153 with the defaults), + 86 for the extended set. */
    public int size() {
        return names.size();
    }

    /** The features of one window: {@code compute(w.notes(), w.spanSeconds())}. */
    public double[] compute(NoteWindow w) {
        Objects.requireNonNull(w, "window");
        return compute(w.notes(), w.spanSeconds());
    }

    /**
     * The features of {@code notes} over {@code [0, spanSeconds)}: a window's notes (shifted to start at 0) or a
     * whole piece's ({@code NoteSequence.notes()}, {@code durationSeconds()}).
     *
     * @param notes       the notes, any order; percussion is ignored
     * @param spanSeconds length of the stretch the notes come from, seconds, finite, &gt;= 0; notes sounding past it
     *                    lengthen the timeline to their latest offset
     * @return {@link #size()} finite values, named by {@link #names()}
     */
    public double[] compute(List<Note> notes, double spanSeconds) {
        Objects.requireNonNull(notes, "notes");
        if (!(spanSeconds >= 0) || !Double.isFinite(spanSeconds)) {
            throw new IllegalArgumentException("SymbolicFeatures: spanSeconds must be finite and >= 0, got "
                    + spanSeconds);
        }
        List<Note> sorted = new ArrayList<>(notes.size());
        for (Note n : notes) {
            if (!n.isPercussion()) {
                sorted.add(n);
            }
        }
        sorted.sort(ORDER);
        Analysis a = new Analysis(sorted, spanSeconds, params);
        Values v = new Values(size());

        double[] pcCount = new double[12];
        double[] pcDuration = new double[12];
        int[] octave = new int[OCTAVES];
        for (Note n : sorted) {
            pcCount[n.pitchClass()]++;
            pcDuration[n.pitchClass()] += n.durationSeconds();
            octave[Math.max(0, Math.min(OCTAVES - 1, n.pitch() / 12 - 1))]++;
        }
        double[] pcDurationShare = proportions(pcDuration);
        v.put(proportions(pcCount));
        v.put(pcDurationShare);
        KeyEstimate key = KeyEstimate.of(pcDurationShare);
        for (int k = 0; k < 12; k++) {
            v.put(pcDurationShare[(key.tonic() + k) % 12]);
        }

        double[] pitches = sorted.stream().mapToDouble(Note::pitch).toArray();
        Stats pitch = Stats.of(pitches);
        v.put(pitch.min()).put(pitch.max()).put(pitch.max() - pitch.min()).put(pitch.mean()).put(pitch.std());
        v.put(proportions(octave));

        putLine(v, a.melody);
        putLine(v, a.bass);
        v.put(proportions(a.harmonicIntervalClasses));

        double timeline = a.timeline;
        v.put(timeline > 0 ? sorted.size() / timeline : 0).put(timeline > 0 ? a.groupCount / timeline : 0);

        double[] durations = sorted.stream().mapToDouble(Note::durationSeconds).toArray();
        Stats d = Stats.of(durations);
        v.put(d.mean()).put(d.std()).put(d.median()).put(d.min()).put(d.max());
        v.put(logHistogram(durations, params.durationBins()));
        double[] iois = a.interOnsetIntervals();
        Stats ioi = Stats.of(iois);
        v.put(ioi.mean()).put(ioi.std()).put(ioi.median()).put(ioi.min()).put(ioi.max());
        v.put(logHistogram(iois, params.ioiBins()));

        v.put(a.polyphonyMean).put(a.polyphonyMax).put(timeline > 0 ? a.silentSeconds / timeline : 0)
                .put(a.groupCount > 0 ? (double) sorted.size() / a.groupCount : 0);

        Stats vel = Stats.of(sorted.stream().mapToDouble(Note::velocity).toArray());
        v.put(vel.mean()).put(vel.std()).put(vel.min()).put(vel.max());

        v.put(key.bestCorrelation()).put(key.margin()).put(key.major() && !sorted.isEmpty() ? 1 : 0);
        v.put(proportions(a.chordTypes));
        if (params.featureSet() == FeatureSet.EXTENDED) {
            v.put(TempoFreeFeatures.compute(sorted, iois, a.melody, a.bass));
        }
        return v.done();
    }

    private static void putLine(Values v, List<Integer> line) {
        double[] hist = new double[INTERVAL_BINS];
        double absSum = 0;
        int repeated = 0;
        int steps = 0;
        int leaps = 0;
        int up = 0;
        int down = 0;
        int n = line.size() - 1;
        for (int i = 0; i < n; i++) {
            int interval = line.get(i + 1) - line.get(i);
            int abs = Math.abs(interval);
            hist[Math.min(abs, INTERVAL_BINS - 1)]++;
            absSum += abs;
            if (abs == 0) {
                repeated++;
            } else if (abs <= 2) {
                steps++;
            } else {
                leaps++;
            }
            if (interval > 0) {
                up++;
            } else if (interval < 0) {
                down++;
            }
        }
        v.put(proportions(hist));
        if (n <= 0) {
            v.put(0).put(0).put(0).put(0).put(0).put(0);
        } else {
            v.put(absSum / n).put((double) repeated / n).put((double) steps / n).put((double) leaps / n)
                    .put((double) up / n).put((double) down / n);
        }
    }

    /**
     * Octave-wide bins of positive durations: bin 0 below {@code firstBinEdgeSeconds}, bin k in
     * {@code [edge 2^(k-1), edge 2^k)}, the last bin open-ended. Zero values fall in bin 0.
     */
    private double[] logHistogram(double[] values, int bins) {
        double[] hist = new double[bins];
        for (double x : values) {
            int k = 0;
            double edge = params.firstBinEdgeSeconds();
            while (k < bins - 1 && x >= edge) {
                k++;
                edge *= 2;
            }
            hist[k]++;
        }
        return proportions(hist);
    }

    private static double[] proportions(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        if (total > 0) {
            for (int i = 0; i < counts.length; i++) {
                out[i] = counts[i] / total;
            }
        }
        return out;
    }

    private static double[] proportions(int[] counts) {
        return proportions(Arrays.stream(counts).asDoubleStream().toArray());
    }

    private static List<String> buildNames(SymbolicParams p) {
        List<String> n = new ArrayList<>();
        for (String pc : PITCH_CLASS_NAMES) {
            n.add("pitch_class_count_" + pc);
        }
        for (String pc : PITCH_CLASS_NAMES) {
            n.add("pitch_class_duration_" + pc);
        }
        for (int k = 0; k < 12; k++) {
            n.add("key_relative_pitch_class_" + k);
        }
        n.addAll(List.of("pitch_lowest", "pitch_highest", "pitch_range", "pitch_mean", "pitch_std"));
        for (int o = 0; o < OCTAVES; o++) {
            n.add("register_octave_" + o);
        }
        for (String line : List.of("melody", "bass")) {
            for (int i = 0; i < INTERVAL_BINS - 1; i++) {
                n.add(line + "_interval_" + i);
            }
            n.add(line + "_interval_over_12");
            for (String s : List.of("mean_abs_interval", "repeated_fraction", "stepwise_fraction", "leap_fraction",
                    "ascending_fraction", "descending_fraction")) {
                n.add(line + "_" + s);
            }
        }
        for (int ic = 0; ic <= 6; ic++) {
            n.add("harmonic_interval_class_" + ic);
        }
        n.addAll(List.of("note_density", "onset_density"));
        n.addAll(List.of("duration_mean", "duration_std", "duration_median", "duration_min", "duration_max"));
        for (int k = 0; k < p.durationBins(); k++) {
            n.add("log_duration_hist_" + k);
        }
        n.addAll(List.of("ioi_mean", "ioi_std", "ioi_median", "ioi_min", "ioi_max"));
        for (int k = 0; k < p.ioiBins(); k++) {
            n.add("log_ioi_hist_" + k);
        }
        n.addAll(List.of("polyphony_mean", "polyphony_max", "silence_fraction", "notes_per_onset_mean"));
        n.addAll(List.of("velocity_mean", "velocity_std", "velocity_min", "velocity_max"));
        n.addAll(List.of("key_best_correlation", "key_correlation_margin", "key_mode_major"));
        for (ChordType t : ChordType.values()) {
            n.add(t.featureName());
        }
        if (p.featureSet() == FeatureSet.EXTENDED) {
            n.addAll(TempoFreeFeatures.NAMES);
        }
        return n;
    }

    /** Mean, population standard deviation, median, minimum and maximum; all 0 for no values. */
    record Stats(double mean, double std, double median, double min, double max) {
        static Stats of(double[] x) {
            if (x.length == 0) {
                return new Stats(0, 0, 0, 0, 0);
            }
            double[] s = x.clone();
            Arrays.sort(s);
            double sum = 0;
            for (double v : s) {
                sum += v;
            }
            double mean = sum / s.length;
            double ss = 0;
            for (double v : s) {
                ss += (v - mean) * (v - mean);
            }
            int mid = s.length / 2;
            double median = s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
            return new Stats(mean, Math.sqrt(ss / s.length), median, s[0], s[s.length - 1]);
        }
    }

    /** Appends values in {@link #names()} order. */
    private static final class Values {
        private final double[] values;
        private int next;

        Values(int size) {
            values = new double[size];
        }

        Values put(double x) {
            values[next++] = x;
            return this;
        }

        Values put(double[] xs) {
            for (double x : xs) {
                put(x);
            }
            return this;
        }

        double[] done() {
            if (next != values.length) {
                throw new IllegalStateException("SymbolicFeatures wrote " + next + " values for " + values.length
                        + " names");
            }
            return values;
        }
    }

    /** Onset groups and what is read from them: lines, harmonic intervals, chord types, polyphony. */
    private static final class Analysis {
        final double timeline;
        final List<Double> groupTimes = new ArrayList<>();
        int groupCount;
        final List<Integer> melody = new ArrayList<>();
        final List<Integer> bass = new ArrayList<>();
        final int[] harmonicIntervalClasses = new int[7];
        final int[] chordTypes = new int[ChordType.values().length];
        double polyphonyMean;
        double polyphonyMax;
        double silentSeconds;

        Analysis(List<Note> notes, double span, SymbolicParams p) {
            double latest = 0;
            for (Note n : notes) {
                latest = Math.max(latest, n.offsetSeconds());
            }
            timeline = Math.max(span, latest);
            groups(notes, p);
            polyphony(notes);
        }

        private void groups(List<Note> notes, SymbolicParams p) {
            double tol = p.chordToleranceSeconds();
            List<Note> held = new ArrayList<>();
            int i = 0;
            while (i < notes.size()) {
                double time = notes.get(i).onsetSeconds();
                int end = i;
                while (end < notes.size() && notes.get(end).onsetSeconds() - time <= tol) {
                    end++;
                }
                List<Note> struck = notes.subList(i, end);
                held.removeIf(n -> n.offsetSeconds() <= time + tol);
                groupTimes.add(time);
                readGroup(struck, held, p);
                held.addAll(struck);
                i = end;
            }
            groupCount = groupTimes.size();
        }

        private void readGroup(List<Note> struck, List<Note> held, SymbolicParams p) {
            int top = struck.stream().mapToInt(Note::pitch).max().orElseThrow();
            int low = struck.stream().mapToInt(Note::pitch).min().orElseThrow();
            boolean strict = p.skyline() == SkylineMode.SOUNDING;
            if (!strict || held.stream().noneMatch(n -> n.pitch() > top)) {
                melody.add(top);
            }
            if (!strict || held.stream().noneMatch(n -> n.pitch() < low)) {
                bass.add(low);
            }
            boolean[] sounding = new boolean[128];
            int struckMask = 0;
            int soundingMask = 0;
            for (Note n : struck) {
                sounding[n.pitch()] = true;
                struckMask |= 1 << n.pitchClass();
            }
            for (Note n : held) {
                sounding[n.pitch()] = true;
                soundingMask |= 1 << n.pitchClass();
            }
            soundingMask |= struckMask;
            int[] distinct = new int[128];
            int k = 0;
            for (int pitch = 0; pitch < 128; pitch++) {
                if (sounding[pitch]) {
                    distinct[k++] = pitch;
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    int d = (distinct[b] - distinct[a]) % 12;
                    harmonicIntervalClasses[Math.min(d, 12 - d)]++;
                }
            }
            chordTypes[ChordType.of(p.chordNotes() == ChordNotes.STRUCK ? struckMask : soundingMask).ordinal()]++;
        }

        double[] interOnsetIntervals() {
            double[] out = new double[Math.max(0, groupTimes.size() - 1)];
            for (int g = 0; g < out.length; g++) {
                out[g] = groupTimes.get(g + 1) - groupTimes.get(g);
            }
            return out;
        }

        /** Sweep over onsets (+1) and offsets (-1), offsets first at equal times. */
        private void polyphony(List<Note> notes) {
            int m = notes.size();
            double[] times = new double[2 * m];
            int[] deltas = new int[2 * m];
            Integer[] order = new Integer[2 * m];
            for (int k = 0; k < m; k++) {
                times[2 * k] = notes.get(k).onsetSeconds();
                deltas[2 * k] = 1;
                times[2 * k + 1] = notes.get(k).offsetSeconds();
                deltas[2 * k + 1] = -1;
            }
            for (int k = 0; k < 2 * m; k++) {
                order[k] = k;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> times[k]).thenComparingInt(k -> deltas[k]));
            int count = 0;
            int max = 0;
            double noteSeconds = 0;
            double soundingSeconds = 0;
            double previous = 0;
            for (int k : order) {
                double t = times[k];
                if (count > 0) {
                    noteSeconds += count * (t - previous);
                    soundingSeconds += t - previous;
                }
                previous = t;
                count += deltas[k];
                max = Math.max(max, count);
            }
            polyphonyMean = soundingSeconds > 0 ? noteSeconds / soundingSeconds : 0;
            polyphonyMax = max;
            silentSeconds = Math.max(0, timeline - soundingSeconds);
        }
    }
}
