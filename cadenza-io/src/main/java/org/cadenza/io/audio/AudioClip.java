package org.cadenza.io.audio;

import java.util.Objects;

import org.cadenza.io.Parameters;

/**
 * A piece of PCM audio that carries its units: samples are 32-bit floats in [-1, 1], interleaved
 * when {@code channels > 1}, at {@code sampleRate} Hz. Immutable by convention: never mutate {@link #samples()}.
 *
 * @param samples    interleaved samples, length = frames * channels
 * @param sampleRate samples per second per channel (Hz), > 0
 * @param channels   number of interleaved channels, >= 1
 */
public record AudioClip(float[] samples, int sampleRate, int channels) {

    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0 Hz, got " + sampleRate);
        }
        Parameters.atLeast("channels", channels, 1);
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(
                    "samples.length " + samples.length + " is not a multiple of channels " + channels);
        }
    }

    /** A mono clip. */
    public static AudioClip mono(float[] samples, int sampleRate) {
        return new AudioClip(samples, sampleRate, 1);
    }

    /** Number of frames (samples per channel). */
    public int frames() {
        return samples.length / channels;
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }

    /** Average of the channels; returns {@code this} when already mono. */
    public AudioClip toMono() {
        if (channels == 1) {
            return this;
        }
        int n = frames();
        float[] mono = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int base = i * channels;
            for (int c = 0; c < channels; c++) {
                sum += samples[base + c];
            }
            mono[i] = (float) (sum / channels);
        }
        return new AudioClip(mono, sampleRate, 1);
    }

    /** Frames [fromFrame, toFrame) as a new clip. */
    public AudioClip slice(int fromFrame, int toFrame) {
        if (fromFrame < 0 || toFrame > frames() || fromFrame > toFrame) {
            throw new IndexOutOfBoundsException(
                    "slice [" + fromFrame + ", " + toFrame + ") of a clip with " + frames() + " frames");
        }
        float[] out = new float[(toFrame - fromFrame) * channels];
        System.arraycopy(samples, fromFrame * channels, out, 0, out.length);
        return new AudioClip(out, sampleRate, channels);
    }

    @Override
    public String toString() {
        return String.format("AudioClip[%d frames, %d Hz, %d ch, %.2f s]", frames(), sampleRate, channels, durationSeconds());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioClip other && sampleRate == other.sampleRate && channels == other.channels
                && java.util.Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Arrays.hashCode(samples) + sampleRate) + channels;
    }
}
