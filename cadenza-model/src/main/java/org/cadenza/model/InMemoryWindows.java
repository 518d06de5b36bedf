package org.cadenza.model;

import org.cadenza.io.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LabeledWindows} held in memory. Validates shapes and labels at construction.
 *
 * @param classes class labels
 * @param mels mel bands per window
 * @param frames frames per window
 * @param channels stacked windows per item (1 for single-window input)
 * @param windows windows, each of length {@code channels * mels * frames}, layout {@code [channel][mel][frame]}
 * @param labels class index per window
 */
public record InMemoryWindows(List<String> classes, int mels, int frames, int channels, List<float[]> windows,
                              int[] labels) implements LabeledWindows {

    public InMemoryWindows {
        Parameters.nonNull("classes, windows, labels", classes, windows, labels);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no classes");
        }
        if (mels < 1 || frames < 1 || channels < 1) {
            throw new IllegalArgumentException("shape must be positive: channels " + channels + ", mels " + mels
                    + ", frames " + frames);
        }
        if (windows.size() != labels.length) {
            throw new IllegalArgumentException(windows.size() + " windows but " + labels.length + " labels");
        }
        int length = channels * mels * frames;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("window " + i + ": label " + labels[i] + " outside [0, "
                        + classes.size() + ")");
            }
            if (windows.get(i).length != length) {
                throw new IllegalArgumentException("window " + i + ": length " + windows.get(i).length
                        + ", expected " + length + " (" + channels + " x " + mels + " x " + frames + ")");
            }
        }
        classes = List.copyOf(classes);
        windows = List.copyOf(windows);
        labels = labels.clone();
    }

    /** Single-window input ({@code channels = 1}). */
    public InMemoryWindows(List<String> classes, int mels, int frames, List<float[]> windows, int[] labels) {
        this(classes, mels, frames, 1, windows, labels);
    }

    /** Copies any {@link LabeledWindows} into memory. */
    public static InMemoryWindows copyOf(LabeledWindows source) {
        List<float[]> w = new ArrayList<>(source.size());
        int[] l = new int[source.size()];
        for (int i = 0; i < source.size(); i++) {
            w.add(source.window(i));
            l[i] = source.label(i);
        }
        return new InMemoryWindows(source.classes(), source.mels(), source.frames(), source.channels(), w, l);
    }

    /** @return the windows at the given indices, same classes and shape */
    public InMemoryWindows subset(int[] indices) {
        List<float[]> w = new ArrayList<>(indices.length);
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            w.add(windows.get(indices[k]));
            l[k] = labels[indices[k]];
        }
        return new InMemoryWindows(classes, mels, frames, channels, w, l);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public float[] window(int i) {
        return windows.get(i);
    }
}
