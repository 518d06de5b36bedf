package org.cadenza.features.pianoroll;

import static org.cadenza.io.Parameters.require;

import java.util.Locale;

/**
 * Everything that determines a {@link PianoRoll}. Build with {@link #builder()}; {@link #key()} names every parameter
 * and goes into trained models' contracts, so a model refuses rolls made differently.
 *
 * @param framesPerSecond frames per second of the rolls; frame {@code t} covers {@code [t / fps, (t + 1) / fps)}
 *                        seconds; default {@value #DEFAULT_FRAMES_PER_SECOND} (62.5 ms a frame; the issue asks for
 *                        10-20); finite, in (0, {@value #MAX_FRAMES_PER_SECOND}]
 * @param lowestPitch     MIDI key of pitch index 0; default {@value #DEFAULT_LOWEST_PITCH} (A0, the piano's lowest
 *                        key); 0-127
 * @param highestPitch    MIDI key of the last pitch index, inclusive; default {@value #DEFAULT_HIGHEST_PITCH} (C8, the
 *                        piano's highest key); lowestPitch-127
 * @param onsetFrames     how many frames, starting at a note's onset frame, the onset roll marks; default
 *                        {@value #DEFAULT_ONSET_FRAMES}; 1-{@value #MAX_ONSET_FRAMES}
 * @param value           what a marked cell holds; default {@link RollValue#BINARY}
 */
public record PianoRollParams(double framesPerSecond, int lowestPitch, int highestPitch, int onsetFrames,
                              RollValue value) {

    /** Version of the roll computation; part of {@link #key()}, raised whenever the same notes would give other rolls. */
    public static final int VERSION = 1;
    /** Default frame rate, frames per second. */
    public static final double DEFAULT_FRAMES_PER_SECOND = 16.0;
    /** Highest accepted frame rate, frames per second. */
    public static final double MAX_FRAMES_PER_SECOND = 1000.0;
    /** Default lowest MIDI key: A0. */
    public static final int DEFAULT_LOWEST_PITCH = 21;
    /** Default highest MIDI key: C8. */
    public static final int DEFAULT_HIGHEST_PITCH = 108;
    /** Default number of frames the onset roll marks per note. */
    public static final int DEFAULT_ONSET_FRAMES = 1;
    /** Most frames the onset roll may mark per note. */
    public static final int MAX_ONSET_FRAMES = 1000;

    public PianoRollParams {
        require("PianoRollParams", value != null, "value must be BINARY or VELOCITY, got null");
        require("PianoRollParams",
                Double.isFinite(framesPerSecond) && framesPerSecond > 0 && framesPerSecond <= MAX_FRAMES_PER_SECOND,
                "framesPerSecond must be a finite number in (0, " + MAX_FRAMES_PER_SECOND + "] frames/s, got "
                        + framesPerSecond);
        require("PianoRollParams", lowestPitch >= 0 && lowestPitch <= 127,
                "lowestPitch must be a MIDI key 0-127, got " + lowestPitch);
        require("PianoRollParams", highestPitch >= lowestPitch && highestPitch <= 127,
                "highestPitch must be a MIDI key in " + lowestPitch + "-127 (lowestPitch..127), got " + highestPitch);
        require("PianoRollParams", onsetFrames >= 1 && onsetFrames <= MAX_ONSET_FRAMES,
                "onsetFrames must be 1-" + MAX_ONSET_FRAMES + " frames, got " + onsetFrames);
    }

    /** Every parameter at its default: 16 frames/s, A0-C8 (88 pitches), 1 onset frame, {@link RollValue#BINARY}. */
    public static PianoRollParams defaults() {
        return builder().build();
    }

    /** A builder with every parameter at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().optFramesPerSecond(framesPerSecond).optLowestPitch(lowestPitch)
                .optHighestPitch(highestPitch).optOnsetFrames(onsetFrames).optValue(value);
    }

    /** Number of pitch rows: {@code highestPitch - lowestPitch + 1} (88 by default). */
    public int pitches() {
        return highestPitch - lowestPitch + 1;
    }

    /** Seconds per frame: {@code 1 / framesPerSecond}. */
    public double secondsPerFrame() {
        return 1.0 / framesPerSecond;
    }

    /**
     * Canonical string naming every parameter and {@link #VERSION}; equal keys mean equal rolls for equal notes.
     * The default is {@code pianoroll-v1;fps=16.0;low=21;high=108;onset_frames=1;value=BINARY;
     * frame=overlap;percussion=dropped;layout=channel(frame,onset)-pitch-frame}.
     */
    public String key() {
        return String.format(Locale.ROOT,
                "pianoroll-v%d;fps=%s;low=%d;high=%d;onset_frames=%d;value=%s;frame=overlap;percussion=dropped;"
                        + "layout=channel(frame,onset)-pitch-frame",
                VERSION, Double.toString(framesPerSecond), lowestPitch, highestPitch, onsetFrames, value);
    }

    @Override
    public String toString() {
        return key();
    }

    /** Builder; every parameter is optional ({@code optX}) and starts at the default documented on the record. */
    public static final class Builder {
        private double framesPerSecond = DEFAULT_FRAMES_PER_SECOND;
        private int lowestPitch = DEFAULT_LOWEST_PITCH;
        private int highestPitch = DEFAULT_HIGHEST_PITCH;
        private int onsetFrames = DEFAULT_ONSET_FRAMES;
        private RollValue value = RollValue.BINARY;

        private Builder() {
        }

        /** Frames per second; default 16. */
        public Builder optFramesPerSecond(double v) {
            framesPerSecond = v;
            return this;
        }

        /** MIDI key of pitch index 0; default 21 (A0). */
        public Builder optLowestPitch(int v) {
            lowestPitch = v;
            return this;
        }

        /** MIDI key of the last pitch index, inclusive; default 108 (C8). */
        public Builder optHighestPitch(int v) {
            highestPitch = v;
            return this;
        }

        /** Frames marked in the onset roll per note, from its onset frame; default 1. */
        public Builder optOnsetFrames(int v) {
            onsetFrames = v;
            return this;
        }

        /** What a marked cell holds; default {@link RollValue#BINARY}. */
        public Builder optValue(RollValue v) {
            value = v;
            return this;
        }

        /**
         * The parameters.
         *
         * @throws IllegalArgumentException naming the parameter when a value is out of range
         */
        public PianoRollParams build() {
            return new PianoRollParams(framesPerSecond, lowestPitch, highestPitch, onsetFrames, value);
        }
    }
}
