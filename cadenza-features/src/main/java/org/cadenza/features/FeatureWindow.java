package org.cadenza.features;

import java.util.Objects;

/**
 * One fixed-length window cut from a longer spectrogram by {@link Windower}.
 *
 * @param index        position of the window in its list, 0-based
 * @param startSeconds time in seconds (in the original clip) of the window's first frame
 *                     ({@link Spectrogram#frameTimeSeconds(int)})
 * @param spectrogram  the window's frames, sharing rows with the source spectrogram
 */
public record FeatureWindow(int index, double startSeconds, Spectrogram spectrogram) {
    public FeatureWindow {
        Objects.requireNonNull(spectrogram, "spectrogram");
        if (index < 0) {
            throw new IllegalArgumentException("FeatureWindow: index must be >= 0, got " + index);
        }
    }

    /** Time in seconds just after the window's last frame step: {@code startSeconds + frames * secondsPerFrame}. */
    public double endSeconds() {
        return startSeconds + spectrogram.durationSeconds();
    }
}
