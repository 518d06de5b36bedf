package org.cadenza.eval.generation;

import java.util.function.Function;

/**
 * One feature of {@link MusicStatistics} as a vector, for the set comparison: a scalar is a vector of length 1, a
 * histogram its bins (the transition matrix flattened row by row, 144 values). The distance between two pieces
 * on a feature is the Euclidean distance between their vectors.
 */
public enum MusicFeature {
    /** {@link MusicStatistics#notes()}: grows with the length of the piece. */
    NOTES(Kind.SCALAR, "notes", s -> new double[] {s.notes()}),
    /** {@link MusicStatistics#durationSeconds()}: the length of the piece. */
    DURATION(Kind.SCALAR, "s", s -> new double[] {s.durationSeconds()}),
    /** {@link MusicStatistics#pitchCount()}: MGEval's "total used pitch". */
    PITCH_COUNT(Kind.SCALAR, "pitches", s -> new double[] {s.pitchCount()}),
    /** {@link MusicStatistics#pitchRange()}. */
    PITCH_RANGE(Kind.SCALAR, "semitones", s -> new double[] {s.pitchRange()}),
    /** {@link MusicStatistics#noteDensity()}. */
    NOTE_DENSITY(Kind.SCALAR, "notes/s", s -> new double[] {s.noteDensity()}),
    /** {@link MusicStatistics#meanInterOnsetInterval()}: MGEval's "avg IOI". */
    MEAN_IOI(Kind.SCALAR, "s", s -> new double[] {s.meanInterOnsetInterval()}),
    /** {@link MusicStatistics#meanVelocity()}. */
    MEAN_VELOCITY(Kind.SCALAR, "velocity", s -> new double[] {s.meanVelocity()}),
    /** {@link MusicStatistics#pitchClassHistogram()}, 12 bins. */
    PITCH_CLASS_HISTOGRAM(Kind.HISTOGRAM, "share", MusicStatistics::pitchClassHistogram),
    /** {@link MusicStatistics#pitchClassTransitionMatrix()}, 144 cells. */
    PITCH_CLASS_TRANSITIONS(Kind.HISTOGRAM, "share", s -> {
        double[][] m = s.pitchClassTransitionMatrix();
        double[] flat = new double[144];
        for (int i = 0; i < 12; i++) {
            System.arraycopy(m[i], 0, flat, 12 * i, 12);
        }
        return flat;
    }),
    /** {@link MusicStatistics#intervalHistogram()}, 25 bins. */
    INTERVAL_HISTOGRAM(Kind.HISTOGRAM, "share", MusicStatistics::intervalHistogram),
    /** {@link MusicStatistics#ioiHistogram()}, 10 bins. */
    IOI_HISTOGRAM(Kind.HISTOGRAM, "share", MusicStatistics::ioiHistogram),
    /** {@link MusicStatistics#noteLengthHistogram()}, 10 bins. */
    NOTE_LENGTH_HISTOGRAM(Kind.HISTOGRAM, "share", MusicStatistics::noteLengthHistogram);

    /** Whether a feature is one number or a normalised histogram. */
    public enum Kind {
        /** One number; the direct comparison is the difference of the set means in reference standard deviations. */
        SCALAR,
        /** Shares summing to 1 (or all 0); the direct comparison is the Jensen-Shannon divergence of the set means. */
        HISTOGRAM
    }

    private final Kind kind;
    private final String unit;
    private final Function<MusicStatistics, double[]> extractor;

    MusicFeature(Kind kind, String unit, Function<MusicStatistics, double[]> extractor) {
        this.kind = kind;
        this.unit = unit;
        this.extractor = extractor;
    }

    /** Scalar or histogram. */
    public Kind kind() {
        return kind;
    }

    /** The unit of the feature's values (and of the distances between pieces), e.g. {@code "s"}, {@code "share"}. */
    public String unit() {
        return unit;
    }

    /** The feature of one piece as a fresh vector (length 1 for a scalar). */
    public double[] vector(MusicStatistics stats) {
        return extractor.apply(stats);
    }

    /** Lower-case name with hyphens, e.g. {@code "pitch-class-histogram"}: the label in tables and CSV files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
