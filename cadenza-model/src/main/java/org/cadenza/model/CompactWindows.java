package org.cadenza.model;

import java.util.List;

/**
 * {@link LabeledWindows} held in memory at half the size of {@link InMemoryWindows}: values are stored as 16-bit
 * fixed point with a step of 1/128 dB (range -256..+256 dB, rounding error at most 1/256 dB, far below any
 * audible or learnable difference in log-mel input). Training shuffles windows across the whole set, which a lazy
 * file-by-file source (such as the corpus's window loader) cannot serve without re-reading files; copy it here
 * first: {@link #copyOf} reads the source once, in index order. A 5-s window (128 x 216) takes 55 KB.
 */
public final class CompactWindows extends FixedShapeWindows {

    /** Fixed-point steps per dB. */
    public static final float STEPS_PER_DB = 128f;

    private final short[][] data;
    private final int[] labels;

    private CompactWindows(List<String> classes, int mels, int frames, int channels, short[][] data, int[] labels) {
        super(classes, mels, frames, channels);
        this.data = data;
        this.labels = labels;
    }

    /**
     * Copies every window of {@code source}, reading them in index order once.
     *
     * @throws IllegalArgumentException when a window has another length, a label outside the classes, or a value
     *     outside -256..+256 dB or not finite (naming the window and the value)
     */
    public static CompactWindows copyOf(LabeledWindows source) {
        int n = source.size();
        int len = source.windowLength();
        int classCount = source.classes().size();
        short[][] data = new short[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] w = source.window(i);
            if (w.length != len) {
                throw new IllegalArgumentException("window " + i + ": length " + w.length + ", expected " + len);
            }
            labels[i] = source.label(i);
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("window " + i + ": label " + labels[i] + " outside [0, " + classCount
                        + ")");
            }
            short[] q = new short[len];
            for (int j = 0; j < len; j++) {
                float v = w[j];
                if (!(v >= -256f && v <= 255.99f)) {
                    throw new IllegalArgumentException("window " + i + ", value " + j + ": " + v
                            + " outside -256..+256 dB (is this a log-mel window?)");
                }
                q[j] = (short) Math.round(v * STEPS_PER_DB);
            }
            data[i] = q;
        }
        return new CompactWindows(source.classes(), source.mels(), source.frames(), source.channels(), data, labels);
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
        short[] q = data[i];
        float[] out = new float[q.length];
        for (int j = 0; j < q.length; j++) {
            out[j] = q[j] / STEPS_PER_DB;
        }
        return out;
    }
}
