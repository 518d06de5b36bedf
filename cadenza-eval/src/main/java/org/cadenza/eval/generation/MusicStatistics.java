package org.cadenza.eval.generation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * What one piece (real or generated) looks like to MGEval-style objective measures: counts, ranges and normalised
 * histograms of its pitched notes. Percussion notes (channel index 9) are left out everywhere.
 *
 * <p><b>Onsets.</b> Notes whose onsets lie within {@value #ONSET_TOLERANCE_SECONDS} s of the first onset of their
 * group count as one onset (a chord); groups never chain. The onset of a group is its first note's onset.
 *
 * <p><b>Chords in the melodic features.</b> The pitch-class transitions and the intervals are taken between
 * successive onsets, each onset represented by its highest note (the "skyline", the line a listener usually hears
 * as the melody). MGEval takes consecutive notes in onset order instead, which in chordal music mixes the
 * intervals inside a chord (always upwards once sorted by pitch) with the melodic ones; the skyline keeps a
 * chord from counting as a run of rising thirds. Inner voices and the bass are not in these two features (they
 * are in the pitch-class histogram). In a performance a chord rolled over more than 10 ms is several onsets.
 *
 * <p><b>Time bins.</b> {@link #ioiHistogram()} and {@link #noteLengthHistogram()} share {@value #TIME_BINS}
 * log-spaced bins with upper edges {@link #TIME_BIN_UPPER_EDGES_SECONDS} (0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6,
 * 3.2, 6.4 s; each bin spans a factor of 2): bin 0 is [0, 0.025) s, bin {@code k} is
 * [0.025·2<sup>k-1</sup>, 0.025·2<sup>k</sup>) s and bin 9 is [6.4 s, &infin;). At 120 BPM an eighth note
 * (0.25 s) falls in bin 4, a quarter (0.5 s) in bin 5.
 *
 * <p>Histograms are normalised to sum 1; a histogram of nothing (the intervals of a piece with a single onset,
 * for instance) is all zeros. Arrays are copied in and out: the record is immutable, and {@code equals} compares
 * contents.
 *
 * @param notes                      pitched notes, &ge; 1
 * @param durationSeconds            seconds from the first onset to the last offset, &ge; 0
 * @param pitchCount                 distinct MIDI pitches used, 1-128
 * @param pitchRange                 highest minus lowest pitch, semitones, 0-127
 * @param pitchClassHistogram        [12], share of notes per pitch class (0 = C ... 11 = B), sums to 1
 * @param pitchClassTransitionMatrix [12][12], share of transitions from the pitch class of one onset's highest
 *                                   note (row) to the next onset's (column); all 144 cells sum to 1, or all are
 *                                   0 with a single onset
 * @param intervalHistogram          [25], share of signed melodic intervals between successive onsets' highest
 *                                   notes, in semitones, clipped to -12..+12: bin {@code i} holds interval
 *                                   {@code i - 12} (bin 0 = an octave or more down, bin 12 = repeated pitch,
 *                                   bin 24 = an octave or more up); sums to 1, or all 0 with a single onset
 * @param noteDensity                notes per second: {@code notes / durationSeconds}, the duration floored at
 *                                   {@value #ONSET_TOLERANCE_SECONDS} s
 * @param meanInterOnsetInterval     mean seconds between successive distinct onsets (groups); 0 with a single
 *                                   onset
 * @param ioiHistogram               [{@value #TIME_BINS}], share of inter-onset intervals per time bin; all 0 with
 *                                   a single onset
 * @param noteLengthHistogram        [{@value #TIME_BINS}], share of notes per time bin of their sounding length
 *                                   (offset minus onset, sustain pedal included when the reader applied it)
 * @param meanVelocity               mean note-on velocity, 1-127
 */
public record MusicStatistics(int notes, double durationSeconds, int pitchCount, int pitchRange,
                              double[] pitchClassHistogram, double[][] pitchClassTransitionMatrix,
                              double[] intervalHistogram, double noteDensity, double meanInterOnsetInterval,
                              double[] ioiHistogram, double[] noteLengthHistogram, double meanVelocity) {

    /** Onsets closer than this to the first onset of their group are one onset (a chord), seconds. */
    public static final double ONSET_TOLERANCE_SECONDS = 0.010;
    /** Intervals are clipped to plus or minus this many semitones. */
    public static final int MAX_INTERVAL = 12;
    /** Bins of {@link #intervalHistogram()}: -12..+12 semitones. */
    public static final int INTERVAL_BINS = 2 * MAX_INTERVAL + 1;
    /** Bins of {@link #ioiHistogram()} and {@link #noteLengthHistogram()}. */
    public static final int TIME_BINS = 10;
    private static final double[] UPPER_EDGES = {0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4};
    /** Upper edges of the time bins, seconds, exclusive; the last bin has no upper edge. */
    public static final List<Double> TIME_BIN_UPPER_EDGES_SECONDS = Arrays.stream(UPPER_EDGES).boxed().toList();

    /** @throws IllegalArgumentException for histograms of the wrong shape or counts out of range */
    public MusicStatistics {
        if (notes < 1 || pitchCount < 1 || pitchRange < 0 || durationSeconds < 0) {
            throw new IllegalArgumentException("MusicStatistics: at least one note expected, got notes " + notes
                    + ", pitch count " + pitchCount + ", range " + pitchRange + ", duration " + durationSeconds + " s");
        }
        pitchClassHistogram = checked(pitchClassHistogram, 12, "pitchClassHistogram");
        intervalHistogram = checked(intervalHistogram, INTERVAL_BINS, "intervalHistogram");
        ioiHistogram = checked(ioiHistogram, TIME_BINS, "ioiHistogram");
        noteLengthHistogram = checked(noteLengthHistogram, TIME_BINS, "noteLengthHistogram");
        Objects.requireNonNull(pitchClassTransitionMatrix, "pitchClassTransitionMatrix");
        if (pitchClassTransitionMatrix.length != 12) {
            throw new IllegalArgumentException("MusicStatistics: pitchClassTransitionMatrix needs 12 rows, got "
                    + pitchClassTransitionMatrix.length);
        }
        double[][] copy = new double[12][];
        for (int i = 0; i < 12; i++) {
            copy[i] = checked(pitchClassTransitionMatrix[i], 12, "pitchClassTransitionMatrix row " + i);
        }
        pitchClassTransitionMatrix = copy;
    }

    private static double[] checked(double[] values, int length, String name) {
        Objects.requireNonNull(values, name);
        if (values.length != length) {
            throw new IllegalArgumentException("MusicStatistics: " + name + " needs " + length + " bins, got "
                    + values.length);
        }
        return values.clone();
    }

    /**
     * Computes the statistics of the pitched notes of {@code seq}.
     *
     * @throws IllegalArgumentException when {@code seq} has no pitched note (empty, or percussion only)
     */
    public static MusicStatistics of(NoteSequence seq) {
        Objects.requireNonNull(seq, "seq");
        List<Note> notes = seq.pitchedNotes();
        if (notes.isEmpty()) {
            throw new IllegalArgumentException(seq.source() + ": no pitched notes to measure ("
                    + seq.notes().size() + " notes, all percussion or none); MusicStatistics needs at least one");
        }
        double first = notes.get(0).onsetSeconds();
        double last = 0;
        int lowest = 127;
        int highest = 0;
        boolean[] used = new boolean[128];
        double[] pitchClasses = new double[12];
        double[] lengths = new double[TIME_BINS];
        double velocitySum = 0;
        for (Note n : notes) {
            last = Math.max(last, n.offsetSeconds());
            lowest = Math.min(lowest, n.pitch());
            highest = Math.max(highest, n.pitch());
            used[n.pitch()] = true;
            pitchClasses[n.pitchClass()]++;
            lengths[timeBin(n.durationSeconds())]++;
            velocitySum += n.velocity();
        }
        int pitchCount = 0;
        for (boolean u : used) {
            pitchCount += u ? 1 : 0;
        }
        double duration = last - first;

        List<List<Note>> groups = OnsetGroups.of(notes);
        double[][] transitions = new double[12][12];
        double[] intervals = new double[INTERVAL_BINS];
        double[] iois = new double[TIME_BINS];
        double ioiSum = 0;
        for (int g = 1; g < groups.size(); g++) {
            int from = OnsetGroups.topPitch(groups.get(g - 1));
            int to = OnsetGroups.topPitch(groups.get(g));
            transitions[from % 12][to % 12]++;
            int interval = Math.max(-MAX_INTERVAL, Math.min(MAX_INTERVAL, to - from));
            intervals[interval + MAX_INTERVAL]++;
            double ioi = groups.get(g).get(0).onsetSeconds() - groups.get(g - 1).get(0).onsetSeconds();
            iois[timeBin(ioi)]++;
            ioiSum += ioi;
        }
        int ioiCount = groups.size() - 1;
        for (double[] row : transitions) {
            normalise(row, ioiCount);
        }
        normalise(intervals, ioiCount);
        normalise(iois, ioiCount);
        normalise(pitchClasses, notes.size());
        normalise(lengths, notes.size());
        return new MusicStatistics(notes.size(), duration, pitchCount, highest - lowest, pitchClasses, transitions,
                intervals, notes.size() / Math.max(duration, ONSET_TOLERANCE_SECONDS),
                ioiCount == 0 ? 0 : ioiSum / ioiCount, iois, lengths, velocitySum / notes.size());
    }

    /**
     * The time bin of a length in seconds (see the class comment for the edges).
     *
     * @param seconds a duration, &ge; 0
     * @return 0 to {@value #TIME_BINS} - 1
     */
    public static int timeBin(double seconds) {
        for (int k = 0; k < UPPER_EDGES.length; k++) {
            if (seconds < UPPER_EDGES[k]) {
                return k;
            }
        }
        return UPPER_EDGES.length;
    }

    private static void normalise(double[] counts, double total) {
        if (total > 0) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] /= total;
            }
        }
    }

    @Override
    public double[] pitchClassHistogram() {
        return pitchClassHistogram.clone();
    }

    @Override
    public double[][] pitchClassTransitionMatrix() {
        double[][] copy = new double[12][];
        for (int i = 0; i < 12; i++) {
            copy[i] = pitchClassTransitionMatrix[i].clone();
        }
        return copy;
    }

    @Override
    public double[] intervalHistogram() {
        return intervalHistogram.clone();
    }

    @Override
    public double[] ioiHistogram() {
        return ioiHistogram.clone();
    }

    @Override
    public double[] noteLengthHistogram() {
        return noteLengthHistogram.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MusicStatistics s && notes == s.notes && pitchCount == s.pitchCount
                && pitchRange == s.pitchRange && Double.compare(durationSeconds, s.durationSeconds) == 0
                && Double.compare(noteDensity, s.noteDensity) == 0
                && Double.compare(meanInterOnsetInterval, s.meanInterOnsetInterval) == 0
                && Double.compare(meanVelocity, s.meanVelocity) == 0
                && Arrays.equals(pitchClassHistogram, s.pitchClassHistogram)
                && Arrays.deepEquals(pitchClassTransitionMatrix, s.pitchClassTransitionMatrix)
                && Arrays.equals(intervalHistogram, s.intervalHistogram) && Arrays.equals(ioiHistogram, s.ioiHistogram)
                && Arrays.equals(noteLengthHistogram, s.noteLengthHistogram);
    }

    @Override
    public int hashCode() {
        return Objects.hash(notes, durationSeconds, pitchCount, pitchRange, noteDensity, meanInterOnsetInterval,
                meanVelocity, Arrays.hashCode(pitchClassHistogram), Arrays.deepHashCode(pitchClassTransitionMatrix),
                Arrays.hashCode(intervalHistogram), Arrays.hashCode(ioiHistogram),
                Arrays.hashCode(noteLengthHistogram));
    }

    @Override
    public String toString() {
        return "MusicStatistics[notes=" + notes + ", durationSeconds=" + durationSeconds + ", pitchCount="
                + pitchCount + ", pitchRange=" + pitchRange + ", noteDensity=" + noteDensity
                + ", meanInterOnsetInterval=" + meanInterOnsetInterval + ", meanVelocity=" + meanVelocity
                + ", pitchClassHistogram=" + Arrays.toString(pitchClassHistogram) + ", intervalHistogram="
                + Arrays.toString(intervalHistogram) + ", ioiHistogram=" + Arrays.toString(ioiHistogram)
                + ", noteLengthHistogram=" + Arrays.toString(noteLengthHistogram) + "]";
    }
}
