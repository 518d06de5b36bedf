package org.cadenza.model.pianoroll;

import java.util.ArrayList;
import java.util.List;

import org.cadenza.model.FixedShapeWindows;

/**
 * Piano-roll windows held as bytes (values in [0, 1] quantised to 1/255; binary rolls are exact): a quarter of the
 * memory of floats, so that a corpus's windows and their transposed copies fit in the heap.
 */
public final class ByteWindows extends FixedShapeWindows {

    private final List<byte[]> windows = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    public ByteWindows(List<String> classes, int channels, int rows, int frames) {
        super(classes, rows, frames, channels);
    }

    /** Values in [0, 1] (clamped) quantised to bytes, 1/255 per step. */
    public static byte[] quantise(float[] window) {
        byte[] b = new byte[window.length];
        for (int i = 0; i < window.length; i++) {
            b[i] = (byte) Math.round(Math.max(0f, Math.min(1f, window[i])) * 255f);
        }
        return b;
    }

    /** Adds a {@linkplain #quantise quantised} window of {@code channels * rows * frames} values. */
    public void add(byte[] window, int label) {
        if (window.length != windowLength()) {
            throw new IllegalArgumentException("window of " + window.length + " values, expected " + windowLength());
        }
        windows.add(window);
        labels.add(label);
    }

    @Override
    public int size() {
        return windows.size();
    }

    @Override
    public int label(int i) {
        return labels.get(i);
    }

    @Override
    public float[] window(int i) {
        return dequantise(windows.get(i));
    }

    /** The values a {@linkplain #quantise quantised} window stands for, in [0, 1]. */
    public static float[] dequantise(byte[] b) {
        float[] out = new float[b.length];
        for (int k = 0; k < b.length; k++) {
            out[k] = (b[k] & 0xff) / 255f;
        }
        return out;
    }
}
