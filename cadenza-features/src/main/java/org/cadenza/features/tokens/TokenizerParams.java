package org.cadenza.features.tokens;

import static org.cadenza.io.Parameters.require;

import java.util.Locale;

/**
 * Everything that determines the token vocabulary and the quantisation of a {@link NoteTokenizer}. Build with
 * {@link #builder()} ({@code optX} for each parameter) or take {@link #defaults()}; {@link #key()} names every
 * parameter and {@link #VERSION}, and goes into trained models' contracts.
 *
 * @param stepSeconds      the time grid of onsets and durations, seconds, 0.001-0.1; default 0.010 (10 ms)
 * @param maxShiftSteps    largest TIME_SHIFT token, in steps, 1-1000; default 100 (1 s at 10 ms): a longer gap
 *                         is written as several TIME_SHIFT tokens
 * @param maxDurationSteps largest DURATION token, in steps, 1-2000; default 500 (5 s at 10 ms): a longer note is
 *                         clipped to it and counted in {@link NoteTokenizer.Encoding#clipped()}
 * @param velocityBins     number of velocity bins, 1-127; default 32 (each about 4 MIDI velocity steps wide)
 * @param minPitch         lowest pitch with a NOTE token, 0-127; default 21 (A0, the piano's lowest key)
 * @param maxPitch         highest pitch with a NOTE token, {@code minPitch}-127; default 108 (C8, the piano's
 *                         highest key); notes outside {@code [minPitch, maxPitch]} are dropped and counted
 */
public record TokenizerParams(double stepSeconds, int maxShiftSteps, int maxDurationSteps, int velocityBins,
                              int minPitch, int maxPitch) {

    /** Version of the token definitions; part of {@link #key()}. */
    public static final int VERSION = 1;

    public TokenizerParams {
        require("TokenizerParams", Double.isFinite(stepSeconds) && stepSeconds >= 0.001 && stepSeconds <= 0.1,
                "stepSeconds must be 0.001-0.1 s, got " + stepSeconds);
        require("TokenizerParams", maxShiftSteps >= 1 && maxShiftSteps <= 1000,
                "maxShiftSteps must be 1-1000, got " + maxShiftSteps);
        require("TokenizerParams", maxDurationSteps >= 1 && maxDurationSteps <= 2000,
                "maxDurationSteps must be 1-2000, got " + maxDurationSteps);
        require("TokenizerParams", velocityBins >= 1 && velocityBins <= 127,
                "velocityBins must be 1-127, got " + velocityBins);
        require("TokenizerParams", minPitch >= 0 && minPitch <= 127 && maxPitch >= minPitch && maxPitch <= 127,
                "need 0 <= minPitch <= maxPitch <= 127, got " + minPitch + ".." + maxPitch);
    }

    /** Every parameter at its documented default. */
    public static TokenizerParams defaults() {
        return builder().build();
    }

    /** A builder with every parameter at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of pitches with a NOTE token. */
    public int pitchCount() {
        return maxPitch - minPitch + 1;
    }

    /** Whether {@code pitch} has a NOTE token. */
    public boolean inRange(int pitch) {
        return pitch >= minPitch && pitch <= maxPitch;
    }

    /** {@code seconds} on the grid: {@code round(seconds / stepSeconds)}, in steps. */
    public long steps(double seconds) {
        return Math.round(seconds / stepSeconds);
    }

    /** {@code steps * stepSeconds}, seconds. */
    public double seconds(long steps) {
        return steps * stepSeconds;
    }

    /** The bin of a MIDI velocity 1-127: {@code floor((velocity - 1) * velocityBins / 127)}, 0 .. bins-1. */
    public int velocityBin(int velocity) {
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be 1-127, got " + velocity);
        }
        return (velocity - 1) * velocityBins / 127;
    }

    /**
     * The velocity a bin decodes to: the middle of the velocities in the bin (the lower of two middles), so that
     * {@code velocityBin(velocityOf(b)) == b} for every bin; with 32 bins, bin 0 (velocities 1-4) decodes to 2 and
     * bin 31 (125-127) to 126.
     */
    public int velocityOf(int bin) {
        if (bin < 0 || bin >= velocityBins) {
            throw new IllegalArgumentException("velocity bin must be 0-" + (velocityBins - 1) + ", got " + bin);
        }
        int lo = (bin * 127 + velocityBins - 1) / velocityBins;            // smallest velocity - 1 in the bin
        int hi = ((bin + 1) * 127 + velocityBins - 1) / velocityBins - 1;  // largest
        return 1 + (lo + hi) / 2;
    }

    /**
     * Canonical text naming every parameter and {@link #VERSION}; equal keys mean equal tokens. The default:
     * {@code tokens-v1;vocab=midi-like;step_s=0.01;max_shift_steps=100;max_duration_steps=500;velocity_bins=32;
     * pitch=21-108}.
     */
    public String key() {
        return String.format(Locale.ROOT,
                "tokens-v%d;vocab=midi-like;step_s=%s;max_shift_steps=%d;max_duration_steps=%d;velocity_bins=%d;"
                        + "pitch=%d-%d",
                VERSION, Double.toString(stepSeconds), maxShiftSteps, maxDurationSteps, velocityBins, minPitch,
                maxPitch);
    }

    @Override
    public String toString() {
        return key();
    }

    /** Builder; every parameter is optional and starts at the default documented on the record. */
    public static final class Builder {
        private double stepSeconds = 0.010;
        private int maxShiftSteps = 100;
        private int maxDurationSteps = 500;
        private int velocityBins = 32;
        private int minPitch = 21;
        private int maxPitch = 108;

        private Builder() {
        }

        /** Seconds; default 0.010. */
        public Builder optStepSeconds(double v) {
            stepSeconds = v;
            return this;
        }

        /** Steps; default 100. */
        public Builder optMaxShiftSteps(int v) {
            maxShiftSteps = v;
            return this;
        }

        /** Steps; default 500. */
        public Builder optMaxDurationSteps(int v) {
            maxDurationSteps = v;
            return this;
        }

        /** Default 32. */
        public Builder optVelocityBins(int v) {
            velocityBins = v;
            return this;
        }

        /** MIDI pitches, inclusive; default 21-108 (the piano). */
        public Builder optPitchRange(int min, int max) {
            minPitch = min;
            maxPitch = max;
            return this;
        }

        /** Every MIDI pitch 0-127 (instead of the piano's 21-108). */
        public Builder optAllPitches() {
            return optPitchRange(0, 127);
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the offending parameter. */
        public TokenizerParams build() {
            return new TokenizerParams(stepSeconds, maxShiftSteps, maxDurationSteps, velocityBins, minPitch,
                    maxPitch);
        }
    }
}
