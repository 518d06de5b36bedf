package org.cadenza.model;

import java.util.List;

/** Flattens windows into the float buffer of one forward pass, checking each window's length. */
public final class WindowBatches {

    private WindowBatches() {
    }

    /**
     * @param windows  the windows, each of {@code channels x mels x frames} values, layout {@code [channel][mel][frame]}
     * @param from     first window of the batch (inclusive)
     * @param to       last window of the batch (exclusive)
     * @return {@code (to - from) x channels x mels x frames} values, window after window
     * @throws IllegalArgumentException naming the window and the shape when a window has another length
     */
    public static float[] flatten(List<float[]> windows, int from, int to, int channels, int mels, int frames) {
        int len = channels * mels * frames;
        float[] data = new float[(to - from) * len];
        for (int i = from; i < to; i++) {
            float[] w = windows.get(i);
            if (w.length != len) {
                throw new IllegalArgumentException("window " + i + " has length " + w.length + ", the model takes "
                        + channels + " x " + mels + " x " + frames + " = " + len);
            }
            System.arraycopy(w, 0, data, (i - from) * len, len);
        }
        return data;
    }
}
