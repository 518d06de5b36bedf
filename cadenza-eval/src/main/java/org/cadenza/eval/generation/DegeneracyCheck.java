package org.cadenza.eval.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * Catches the ways a generator fails that averages hide: one note repeated forever (seed 004's first model),
 * silence, a collapsed range, a wall of simultaneous notes. Each {@link Check} measures one thing on the pitched
 * notes of one sequence (percussion left out) and compares it with its limit in {@link Limits}; the defaults are
 * generous enough that real piano music passes (calibrated on the ASAP and piano-midi.de files, see
 * {@code docs/GENERATION_METRICS.md}).
 *
 * <p>Onsets are grouped as in {@link MusicStatistics}: notes within {@value MusicStatistics#ONSET_TOLERANCE_SECONDS}
 * s of the first onset of their group are struck together.
 */
public final class DegeneracyCheck {

    private DegeneracyCheck() {
    }

    /** One check: what it measures, in which unit, and whether its limit is a maximum or a minimum. */
    public enum Check {
        /**
         * The longest run of consecutive onsets that each strike one note only, always the same pitch; onsets.
         * A chord, or another pitch, ends the run.
         */
        REPEATED_PITCH_RUN("longest repeated single-pitch run", "onsets", true),
        /** The share of the time from the first onset to the last offset during which no note sounds, 0-1. */
        SILENT_SHARE("silent share", "of the duration", true),
        /** The longest stretch between the first onset and the last offset with no note sounding, seconds. */
        LONGEST_SILENCE("longest silence", "s", true),
        /** How many different MIDI pitches are used. */
        DISTINCT_PITCHES("distinct pitches", "pitches", false),
        /** Highest minus lowest pitch, semitones. */
        PITCH_RANGE("pitch range", "semitones", false),
        /** The share of all notes taken by the single most frequent pitch, 0-1. */
        TOP_PITCH_SHARE("most frequent pitch share", "of the notes", true),
        /** The share of onsets striking more than {@link Limits#clusterSize()} notes at once, 0-1. */
        CLUSTER_SHARE("share of onsets with too many notes", "of the onsets", true);

        private final String label;
        private final String unit;
        private final boolean maximum;

        Check(String label, String unit, boolean maximum) {
            this.label = label;
            this.unit = unit;
            this.maximum = maximum;
        }

        /** Words for reports, e.g. {@code "longest silence"}. */
        public String label() {
            return label;
        }

        /** The unit of the measured value and the limit. */
        public String unit() {
            return unit;
        }

        /** Whether the limit is an upper bound (the value must not exceed it) rather than a lower one. */
        public boolean isMaximum() {
            return maximum;
        }
    }

    /**
     * The limits of the checks. Defaults ({@link #DEFAULTS}) pass every file of ASAP and piano-midi.de that the
     * calibration read, with room to spare (figures in {@code docs/GENERATION_METRICS.md}).
     *
     * @param maxRepeatedRun    most onsets in a row that strike the same single pitch (default
     *                          {@value #DEFAULT_MAX_REPEATED_RUN}); at least 1
     * @param maxSilentShare    largest share of the duration with no note sounding, 0-1 (default
     *                          {@value #DEFAULT_MAX_SILENT_SHARE})
     * @param maxSilenceSeconds longest silence, seconds, &gt; 0 (default {@value #DEFAULT_MAX_SILENCE_SECONDS})
     * @param minDistinctPitches fewest distinct pitches (default {@value #DEFAULT_MIN_DISTINCT_PITCHES}), &ge; 1
     * @param minPitchRange     smallest pitch range, semitones (default {@value #DEFAULT_MIN_PITCH_RANGE}), &ge; 0
     * @param maxTopPitchShare  largest share of the notes on one pitch, 0-1 (default
     *                          {@value #DEFAULT_MAX_TOP_PITCH_SHARE})
     * @param clusterSize       an onset striking more than this many notes is a cluster (default
     *                          {@value #DEFAULT_CLUSTER_SIZE}: two hands hold ten fingers); at least 1
     * @param maxClusterShare   largest share of onsets that are clusters, 0-1 (default
     *                          {@value #DEFAULT_MAX_CLUSTER_SHARE})
     */
    public record Limits(int maxRepeatedRun, double maxSilentShare, double maxSilenceSeconds, int minDistinctPitches,
                         int minPitchRange, double maxTopPitchShare, int clusterSize, double maxClusterShare) {

        /** Default of {@link #maxRepeatedRun()}, onsets. */
        public static final int DEFAULT_MAX_REPEATED_RUN = 64;
        /** Default of {@link #maxSilentShare()}. */
        public static final double DEFAULT_MAX_SILENT_SHARE = 0.6;
        /** Default of {@link #maxSilenceSeconds()}, seconds. */
        public static final double DEFAULT_MAX_SILENCE_SECONDS = 10;
        /** Default of {@link #minDistinctPitches()}. */
        public static final int DEFAULT_MIN_DISTINCT_PITCHES = 8;
        /** Default of {@link #minPitchRange()}, semitones. */
        public static final int DEFAULT_MIN_PITCH_RANGE = 12;
        /** Default of {@link #maxTopPitchShare()}. */
        public static final double DEFAULT_MAX_TOP_PITCH_SHARE = 0.4;
        /** Default of {@link #clusterSize()}, notes. */
        public static final int DEFAULT_CLUSTER_SIZE = 10;
        /** Default of {@link #maxClusterShare()}. */
        public static final double DEFAULT_MAX_CLUSTER_SHARE = 0.25;
        /** Every default. */
        public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_REPEATED_RUN, DEFAULT_MAX_SILENT_SHARE,
                DEFAULT_MAX_SILENCE_SECONDS, DEFAULT_MIN_DISTINCT_PITCHES, DEFAULT_MIN_PITCH_RANGE,
                DEFAULT_MAX_TOP_PITCH_SHARE, DEFAULT_CLUSTER_SIZE, DEFAULT_MAX_CLUSTER_SHARE);

        /** @throws IllegalArgumentException for a limit out of its range (see the parameters) */
        public Limits {
            if (maxRepeatedRun < 1 || minDistinctPitches < 1 || minPitchRange < 0 || clusterSize < 1) {
                throw new IllegalArgumentException("DegeneracyCheck.Limits: maxRepeatedRun >= 1, minDistinctPitches "
                        + ">= 1, minPitchRange >= 0 and clusterSize >= 1 expected, got " + maxRepeatedRun + ", "
                        + minDistinctPitches + ", " + minPitchRange + ", " + clusterSize);
            }
            share(maxSilentShare, "maxSilentShare");
            share(maxTopPitchShare, "maxTopPitchShare");
            share(maxClusterShare, "maxClusterShare");
            if (!(maxSilenceSeconds > 0) || Double.isInfinite(maxSilenceSeconds)) {
                throw new IllegalArgumentException("DegeneracyCheck.Limits: maxSilenceSeconds must be a positive "
                        + "number of seconds, got " + maxSilenceSeconds);
            }
        }

        private static void share(double value, String name) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("DegeneracyCheck.Limits: " + name + " is a share, 0-1; got "
                        + value);
            }
        }

        /** The limit of {@code check}, in its unit. */
        public double limitOf(Check check) {
            return switch (check) {
                case REPEATED_PITCH_RUN -> maxRepeatedRun;
                case SILENT_SHARE -> maxSilentShare;
                case LONGEST_SILENCE -> maxSilenceSeconds;
                case DISTINCT_PITCHES -> minDistinctPitches;
                case PITCH_RANGE -> minPitchRange;
                case TOP_PITCH_SHARE -> maxTopPitchShare;
                case CLUSTER_SHARE -> maxClusterShare;
            };
        }

        /** @return a builder starting from {@link #DEFAULTS} */
        public static Builder builder() {
            return new Builder(DEFAULTS);
        }

        /** @return a builder starting from these limits */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** Builder; every limit has a default. */
        public static final class Builder {
            private int maxRepeatedRun;
            private double maxSilentShare;
            private double maxSilenceSeconds;
            private int minDistinctPitches;
            private int minPitchRange;
            private double maxTopPitchShare;
            private int clusterSize;
            private double maxClusterShare;

            private Builder(Limits from) {
                maxRepeatedRun = from.maxRepeatedRun;
                maxSilentShare = from.maxSilentShare;
                maxSilenceSeconds = from.maxSilenceSeconds;
                minDistinctPitches = from.minDistinctPitches;
                minPitchRange = from.minPitchRange;
                maxTopPitchShare = from.maxTopPitchShare;
                clusterSize = from.clusterSize;
                maxClusterShare = from.maxClusterShare;
            }

            /** Most onsets in a row on one single pitch (default {@value #DEFAULT_MAX_REPEATED_RUN}). */
            public Builder optMaxRepeatedRun(int onsets) {
                maxRepeatedRun = onsets;
                return this;
            }

            /** Largest silent share of the duration, 0-1 (default {@value #DEFAULT_MAX_SILENT_SHARE}). */
            public Builder optMaxSilentShare(double share) {
                maxSilentShare = share;
                return this;
            }

            /** Longest silence, seconds (default {@value #DEFAULT_MAX_SILENCE_SECONDS}). */
            public Builder optMaxSilenceSeconds(double seconds) {
                maxSilenceSeconds = seconds;
                return this;
            }

            /** Fewest distinct pitches (default {@value #DEFAULT_MIN_DISTINCT_PITCHES}). */
            public Builder optMinDistinctPitches(int pitches) {
                minDistinctPitches = pitches;
                return this;
            }

            /** Smallest pitch range, semitones (default {@value #DEFAULT_MIN_PITCH_RANGE}). */
            public Builder optMinPitchRange(int semitones) {
                minPitchRange = semitones;
                return this;
            }

            /** Largest share of notes on one pitch, 0-1 (default {@value #DEFAULT_MAX_TOP_PITCH_SHARE}). */
            public Builder optMaxTopPitchShare(double share) {
                maxTopPitchShare = share;
                return this;
            }

            /** Notes per onset above which the onset is a cluster (default {@value #DEFAULT_CLUSTER_SIZE}). */
            public Builder optClusterSize(int notes) {
                clusterSize = notes;
                return this;
            }

            /** Largest share of onsets that are clusters, 0-1 (default {@value #DEFAULT_MAX_CLUSTER_SHARE}). */
            public Builder optMaxClusterShare(double share) {
                maxClusterShare = share;
                return this;
            }

            /** @throws IllegalArgumentException as {@link Limits#Limits} */
            public Limits build() {
                return new Limits(maxRepeatedRun, maxSilentShare, maxSilenceSeconds, minDistinctPitches,
                        minPitchRange, maxTopPitchShare, clusterSize, maxClusterShare);
            }
        }
    }

    /** {@link #check(NoteSequence, Limits)} with {@link Limits#DEFAULTS}. */
    public static DegeneracyReport check(NoteSequence seq) {
        return check(seq, Limits.DEFAULTS);
    }

    /**
     * Runs every {@link Check} on the pitched notes of {@code seq}.
     *
     * @return one result per check, in the order of {@link Check}
     * @throws IllegalArgumentException when {@code seq} has no pitched note: there is nothing to check, and a
     *                                  generator that wrote nothing has failed
     */
    public static DegeneracyReport check(NoteSequence seq, Limits limits) {
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(limits, "limits");
        List<Note> notes = seq.pitchedNotes();
        if (notes.isEmpty()) {
            throw new IllegalArgumentException(seq.source() + ": no pitched notes (" + seq.notes().size()
                    + " notes, all percussion or none); a generated sequence without notes has nothing to check");
        }
        List<List<Note>> groups = OnsetGroups.of(notes);

        int longestRun = 0;
        int run = 0;
        int runPitch = -1;
        int clusters = 0;
        for (List<Note> g : groups) {
            if (g.size() == 1) {
                int pitch = g.get(0).pitch();
                run = pitch == runPitch ? run + 1 : 1;
                runPitch = pitch;
            } else {
                run = 0;
                runPitch = -1;
            }
            longestRun = Math.max(longestRun, run);
            if (g.size() > limits.clusterSize()) {
                clusters++;
            }
        }

        // Notes are sorted by onset: sweep the sounding intervals and collect the gaps between them.
        double first = notes.get(0).onsetSeconds();
        double soundingUntil = first;
        double silent = 0;
        double longestSilence = 0;
        for (Note n : notes) {
            if (n.onsetSeconds() > soundingUntil) {
                double gap = n.onsetSeconds() - soundingUntil;
                silent += gap;
                longestSilence = Math.max(longestSilence, gap);
            }
            soundingUntil = Math.max(soundingUntil, n.offsetSeconds());
        }
        double duration = soundingUntil - first;

        int[] perPitch = new int[128];
        int lowest = 127;
        int highest = 0;
        for (Note n : notes) {
            perPitch[n.pitch()]++;
            lowest = Math.min(lowest, n.pitch());
            highest = Math.max(highest, n.pitch());
        }
        int distinct = 0;
        int top = 0;
        for (int c : perPitch) {
            distinct += c > 0 ? 1 : 0;
            top = Math.max(top, c);
        }

        List<CheckResult> results = new ArrayList<>();
        for (Check c : Check.values()) {
            double measured = switch (c) {
                case REPEATED_PITCH_RUN -> longestRun;
                case SILENT_SHARE -> duration > 0 ? silent / duration : 0;
                case LONGEST_SILENCE -> longestSilence;
                case DISTINCT_PITCHES -> distinct;
                case PITCH_RANGE -> highest - lowest;
                case TOP_PITCH_SHARE -> top / (double) notes.size();
                case CLUSTER_SHARE -> clusters / (double) groups.size();
            };
            results.add(CheckResult.of(c, measured, limits.limitOf(c)));
        }
        return new DegeneracyReport(seq.source(), results);
    }
}
