package org.cadenza.corpus.dataset;

import org.cadenza.features.FeatureCache;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.BadInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the float data of a dataset's windows from the feature cache, keeping the spectrograms of the last few
 * files in memory (least recently used first out), so that reading windows in dataset order (file by file) reads
 * each spectrogram once. Never loads more than {@code maxFiles} spectrograms (a 6-minute file is about 8 MB at
 * 128 mel bands). Random access across many files re-reads them: to shuffle for training, shuffle within runs of
 * files ({@link SplitWindows#fileRuns()}) or copy the windows into memory first.
 *
 * <p>A window is returned as {@code float[mels * frames]}, row-major {@code [mel][frame]}: element
 * {@code (m, t)} at {@code m * frames + t} (mel band rows, low bands first; time columns), the values as cached
 * (dB for LOGMEL). Thread-safe (synchronized); give each worker thread its own loader for parallel reading.
 */
public final class WindowLoader {

    private final FeatureCache cache;
    private final FeatureParams params;
    private final List<DatasetWindow> windows;
    private final int frames;
    private final int maxFiles;
    private final LinkedHashMap<String, Spectrogram> lru;
    private long reads;

    /**
     * @param cache    the workspace's feature cache
     * @param params   the features' parameters
     * @param windows  the windows, by index
     * @param frames   frames per window
     * @param maxFiles spectrograms kept in memory, &gt;= 1
     */
    public WindowLoader(FeatureCache cache, FeatureParams params, List<DatasetWindow> windows, int frames,
                        int maxFiles) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.params = Objects.requireNonNull(params, "params");
        this.windows = List.copyOf(windows);
        if (frames < 1 || maxFiles < 1) {
            throw new IllegalArgumentException("WindowLoader: frames and maxFiles must be >= 1, got " + frames + ", "
                    + maxFiles);
        }
        this.frames = frames;
        this.maxFiles = maxFiles;
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Spectrogram> eldest) {
                return size() > WindowLoader.this.maxFiles;
            }
        };
    }

    /** Window {@code i} as a new {@code float[mels * frames]}, layout {@code [mel][frame]}. */
    public float[] window(int i) {
        float[] out = new float[params.bins() * frames];
        window(i, out, 0);
        return out;
    }

    /** Copies window {@code i} into {@code dst} from {@code offset} ({@code mels * frames} floats, {@code [mel][frame]}). */
    public synchronized void window(int i, float[] dst, int offset) {
        DatasetWindow w = windows.get(i);
        float[][] data = spectrogram(w.ref().contentHash()).data();
        int bins = params.bins();
        if (w.startFrame() + frames > data.length) {
            throw new BadInputException(cache.pathFor(w.ref().contentHash(), params), "has " + data.length
                    + " frames, window " + i + " needs frames " + w.startFrame() + " to " + (w.startFrame() + frames)
                    + ": the features changed since the dataset was built; build it again");
        }
        copyMelMajor(data, w.startFrame(), frames, bins, dst, offset);
    }

    /**
     * The one place that lays a window out as models read it: frames {@code [start, start + frames)} of a
     * {@code [frame][bin]} spectrogram copied to {@code dst} from {@code offset} as {@code [bin][frame]}, row-major
     * (element {@code (m, t)} at {@code offset + m * frames + t}).
     */
    public static void copyMelMajor(float[][] data, int start, int frames, int bins, float[] dst, int offset) {
        for (int t = 0; t < frames; t++) {
            float[] row = data[start + t];
            for (int m = 0; m < bins; m++) {
                dst[offset + m * frames + t] = row[m];
            }
        }
    }

    /** Frames {@code [start, start + frames)} of {@code s} as a new {@code [bin][frame]} array (see {@link #copyMelMajor}). */
    public static float[] melMajor(Spectrogram s, int start, int frames) {
        float[] out = new float[s.bins() * frames];
        copyMelMajor(s.data(), start, frames, s.bins(), out, 0);
        return out;
    }

    /** The cached spectrogram with key {@code contentHash} (from the LRU or read from disk). */
    public synchronized Spectrogram spectrogram(String contentHash) {
        Spectrogram s = lru.get(contentHash);
        if (s == null) {
            s = cache.read(contentHash, params).orElseThrow(() -> new BadInputException(
                    cache.pathFor(contentHash, params), "the cached spectrogram is missing: run the feature job "
                    + "with the same parameters again"));
            reads++;
            lru.put(contentHash, s);
        }
        return s;
    }

    /** Spectrogram files read from disk so far. */
    public synchronized long reads() {
        return reads;
    }

    /** Spectrograms held in memory now. */
    public synchronized int cachedFiles() {
        return lru.size();
    }
}
