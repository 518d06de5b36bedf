package org.cadenza.model.train;

import java.util.Random;

/**
 * SpecAugment-style masking (Park et al. 2019), applied on the fly to training batches only. Each mask covers a
 * band of consecutive mel rows (frequency mask) or frames (time mask) across every channel; its width is drawn
 * uniformly from {@code [0, maxWidth]} and its start uniformly among the positions where it fits. Masked cells are
 * set to the window's mean value (log-mel windows are in dB, so 0 would be loud, not neutral; after the network's
 * input batch norm the mean maps to about 0, as in the paper).
 *
 * @param frequencyMasks number of frequency masks per window, default 2
 * @param maxFrequencyWidth widest frequency mask in mel rows, default 12
 * @param timeMasks number of time masks per window, default 2
 * @param maxTimeWidth widest time mask in frames, default 20 (about 0.46 s at hop 512 / 22,050 Hz)
 */
public record SpecAugment(int frequencyMasks, int maxFrequencyWidth, int timeMasks, int maxTimeWidth) {

    /** The defaults: 2 frequency masks up to 12 rows, 2 time masks up to 20 frames. */
    public static final SpecAugment DEFAULT = new SpecAugment(2, 12, 2, 20);
    /** No masking. */
    public static final SpecAugment NONE = new SpecAugment(0, 0, 0, 0);

    public SpecAugment {
        if (frequencyMasks < 0 || maxFrequencyWidth < 0 || timeMasks < 0 || maxTimeWidth < 0) {
            throw new IllegalArgumentException("SpecAugment counts and widths must be >= 0: " + frequencyMasks + ", "
                    + maxFrequencyWidth + ", " + timeMasks + ", " + maxTimeWidth);
        }
    }

    /** @return true when this masks nothing */
    public boolean masksNothing() {
        return (frequencyMasks == 0 || maxFrequencyWidth == 0) && (timeMasks == 0 || maxTimeWidth == 0);
    }

    /**
     * Masks {@code window} in place.
     *
     * @param window layout {@code [channel][mel][frame]}, length {@code channels * mels * frames}
     * @param rng source of the mask positions (the caller seeds it: training derives it from seed and epoch)
     */
    public void apply(float[] window, int channels, int mels, int frames, Random rng) {
        if (window.length != channels * mels * frames) {
            throw new IllegalArgumentException("window length " + window.length + " != " + channels + " x " + mels
                    + " x " + frames);
        }
        if (masksNothing()) {
            return;
        }
        double sum = 0;
        for (float v : window) {
            sum += v;
        }
        float fill = (float) (sum / window.length);
        for (int k = 0; k < frequencyMasks && maxFrequencyWidth > 0; k++) {
            int width = rng.nextInt(Math.min(maxFrequencyWidth, mels) + 1);
            int start = rng.nextInt(mels - width + 1);
            maskRows(window, channels, mels, frames, start, width, fill);
        }
        for (int k = 0; k < timeMasks && maxTimeWidth > 0; k++) {
            int width = rng.nextInt(Math.min(maxTimeWidth, frames) + 1);
            int start = rng.nextInt(frames - width + 1);
            maskFrames(window, channels, mels, frames, start, width, fill);
        }
    }

    /** Sets mel rows {@code [start, start + width)} of every channel to {@code fill}. */
    public static void maskRows(float[] window, int channels, int mels, int frames, int start, int width, float fill) {
        for (int c = 0; c < channels; c++) {
            for (int m = start; m < start + width; m++) {
                int base = (c * mels + m) * frames;
                java.util.Arrays.fill(window, base, base + frames, fill);
            }
        }
    }

    /** Sets frames {@code [start, start + width)} of every row and channel to {@code fill}. */
    public static void maskFrames(float[] window, int channels, int mels, int frames, int start, int width,
                                  float fill) {
        for (int row = 0; row < channels * mels; row++) {
            int base = row * frames;
            java.util.Arrays.fill(window, base + start, base + start + width, fill);
        }
    }
}
