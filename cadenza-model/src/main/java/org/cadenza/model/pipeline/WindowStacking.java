package org.cadenza.model.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Stacks consecutive windows of one file as the channels of one input (seed 002's multi-window input): with
 * {@code k} windows per input, input {@code i} is windows {@code i .. i+k-1} concatenated, channel {@code c} being
 * window {@code i+c}, for {@code i = 0 .. n-k} (sliding by one window). Its start time is the start of its first
 * window, window {@code i}. A file with fewer than {@code k} windows gives no input.
 *
 * <p>Each window is {@code mels * frames} floats, mel-major ({@code [mel][frame]}); a stacked input is
 * {@code k * mels * frames} floats laid out {@code [channel][mel][frame]}, as {@code Classifier.predictProba} and
 * {@code LabeledWindows} expect.
 */
public final class WindowStacking {

    private WindowStacking() {
    }

    /** Inputs that {@code windows} consecutive windows give with {@code k} windows per input: {@code max(0, n-k+1)}. */
    public static int inputs(int windows, int k) {
        requireK(k);
        return Math.max(0, windows - k + 1);
    }

    /**
     * @param windows the windows of one file in time order, consecutive (each a hop after the previous), all of
     *                the same length
     * @param k       windows per input, &ge; 1
     * @return {@link #inputs(int, int)} stacked inputs, input {@code i} starting with window {@code i}; with
     *         {@code k = 1} the windows themselves
     */
    public static List<float[]> stack(List<float[]> windows, int k) {
        requireK(k);
        if (k == 1) {
            return List.copyOf(windows);
        }
        int n = inputs(windows.size(), k);
        List<float[]> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        int len = windows.get(0).length;
        for (float[] w : windows) {
            if (w.length != len) {
                throw new IllegalArgumentException("windows of different lengths: " + w.length + " and " + len);
            }
        }
        for (int i = 0; i < n; i++) {
            float[] input = new float[k * len];
            for (int c = 0; c < k; c++) {
                System.arraycopy(windows.get(i + c), 0, input, c * len, len);
            }
            out.add(input);
        }
        return out;
    }

    /**
     * Splits a file's windows, given by their start frames in increasing order, into runs of consecutive windows
     * (start frames exactly {@code hopFrames} apart); each run is stacked on its own, so no input spans a gap (e.g.
     * windows dropped by balancing).
     *
     * @return the runs as {@code {first index, length}}, in order, covering every window
     */
    public static List<int[]> consecutiveRuns(int[] startFrames, int hopFrames) {
        if (hopFrames < 1) {
            throw new IllegalArgumentException("hop must be >= 1 frame, got " + hopFrames);
        }
        List<int[]> runs = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= startFrames.length; i++) {
            if (i == startFrames.length || startFrames[i] - startFrames[i - 1] != hopFrames) {
                runs.add(new int[] {first, i - first});
                first = i;
            }
        }
        return runs;
    }

    private static void requireK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("windows per input must be >= 1, got " + k);
        }
    }
}
