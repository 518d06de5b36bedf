package org.cadenza.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a spectrogram into fixed-length windows, the unit a classifier sees.
 *
 * <p>Durations are converted to frames with {@link FeatureParams#framesFor(double)} of the spectrogram's parameters
 * ({@code max(1, round(seconds / secondsPerFrame))}, the conversion training uses too). Window {@code k} holds frames
 * {@code [k * hopFrames, k * hopFrames + windowFrames)}.
 * <ul>
 *   <li>The last, partial window is <b>dropped</b>: every window has exactly the same number of frames, so windows
 *       can be stacked into a batch without padding. Up to {@code windowFrames - 1} trailing frames are not covered
 *       (fewer with overlap).</li>
 *   <li>A spectrogram shorter than one window yields an <b>empty list</b> (no padding, no short window); callers that
 *       must not lose short clips should check {@link FeatureParams#framesFor} against {@link Spectrogram#frames()} first.</li>
 * </ul>
 */
public final class Windower {

    private Windower() {
    }

    /**
     * Fixed-length windows of {@code spectrogram} per {@code spec}, in time order, with their start times.
     *
     * @return windows of identical frame count; empty when the spectrogram is shorter than one window
     */
    public static List<FeatureWindow> windows(Spectrogram spectrogram, WindowSpec spec) {
        Objects.requireNonNull(spectrogram, "spectrogram");
        Objects.requireNonNull(spec, "spec");
        int win = spectrogram.params().framesFor(spec.windowSeconds());
        int hop = spectrogram.params().framesFor(spec.hopSeconds());
        List<FeatureWindow> out = new ArrayList<>();
        for (int start = 0, k = 0; start + win <= spectrogram.frames(); start += hop, k++) {
            out.add(new FeatureWindow(k, spectrogram.frameTimeSeconds(start), spectrogram.slice(start, start + win)));
        }
        return out;
    }
}
