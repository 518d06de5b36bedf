package org.cadenza.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * A time-frequency feature matrix that carries the parameters that made it.
 *
 * <p>Units of the values depend on {@link FeatureParams#kind()}: {@code |X|^power} for STFT (linear), dB for LOGMEL
 * (relative to {@link FeatureParams#ref()}), cepstral coefficients for MFCC. Immutable by convention: never mutate
 * {@link #data()}; {@link #slice(int, int)} shares rows with this spectrogram.
 *
 * @param data   values, shape {@code [frame][bin]}, every row of length {@link FeatureParams#bins()}
 * @param params the parameters the values were computed with
 */
public record Spectrogram(float[][] data, FeatureParams params) {

    public Spectrogram {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(params, "params");
        int bins = params.bins();
        for (int t = 0; t < data.length; t++) {
            if (data[t] == null || data[t].length != bins) {
                throw new IllegalArgumentException("Spectrogram: frame " + t + " has "
                        + (data[t] == null ? "no row" : data[t].length + " bins") + ", expected " + bins + " for "
                        + params.kind() + " (" + params.key() + ")");
            }
        }
    }

    /** Number of frames (time steps). */
    public int frames() {
        return data.length;
    }

    /** Values per frame ({@link FeatureParams#bins()}). */
    public int bins() {
        return params.bins();
    }

    /** Seconds between frames: {@code hopLength / sampleRate}. */
    public double secondsPerFrame() {
        return params.secondsPerFrame();
    }

    /** Duration covered by the frames in seconds: {@code frames * secondsPerFrame}. */
    public double durationSeconds() {
        return frames() * secondsPerFrame();
    }

    /**
     * Time in seconds of the centre of frame {@code i} in the original audio: {@code i * hop / sr} when
     * {@link FeatureParams#center()} (librosa {@code frames_to_time}), {@code (i * hop + nFft / 2) / sr} otherwise.
     * {@code i} may equal {@link #frames()} (the end of the last frame step).
     */
    public double frameTimeSeconds(int i) {
        if (i < 0 || i > frames()) {
            throw new IndexOutOfBoundsException("frame " + i + " of a spectrogram with " + frames() + " frames");
        }
        double offset = params.center() ? 0 : params.nFft() / 2;
        return (i * (double) params.hopLength() + offset) / params.sampleRate();
    }

    /**
     * Frequency in Hz of bin {@code i}: {@code i * sr / nFft} for STFT; the centre frequency of mel band {@code i}
     * for LOGMEL (librosa {@code mel_frequencies(n_mels + 2, fmin, fmax, htk)[1:-1]}).
     *
     * @throws IllegalStateException for MFCC, whose bins are cepstral coefficients, not frequencies
     */
    public double binFrequencyHz(int i) {
        if (i < 0 || i >= bins()) {
            throw new IndexOutOfBoundsException("bin " + i + " of a spectrogram with " + bins() + " bins");
        }
        return switch (params.kind()) {
            case STFT -> i * (double) params.sampleRate() / params.nFft();
            case LOGMEL -> MelFilterbank.bandCentresHz(params)[i];
            case MFCC -> throw new IllegalStateException(
                    "MFCC bins are cepstral coefficients (0.." + (bins() - 1) + "), not frequencies");
        };
    }

    /** Frames {@code [fromFrame, toFrame)} with the same params; rows are shared, not copied. */
    public Spectrogram slice(int fromFrame, int toFrame) {
        if (fromFrame < 0 || toFrame > frames() || fromFrame > toFrame) {
            throw new IndexOutOfBoundsException(
                    "slice [" + fromFrame + ", " + toFrame + ") of a spectrogram with " + frames() + " frames");
        }
        return new Spectrogram(Arrays.copyOfRange(data, fromFrame, toFrame), params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram other && params.equals(other.params) && Arrays.deepEquals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(data) + params.hashCode();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Spectrogram[%s, %d frames x %d bins, %.2f s]", params.kind(),
                frames(), bins(), durationSeconds());
    }
}
