package org.cadenza.corpus.dataset;

import org.cadenza.features.FeatureCache;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The windows of one split of a dataset, with their labels, and a lazy loader of their float data.
 *
 * <p>Windows are ordered file by file (catalog order), in time order within a file (an oversampled window's
 * repeats are next to it), so reading them in order reads each spectrogram once. The class list is shared by the
 * three splits of a {@link WindowDataset} (sorted labels), so label indices agree across splits even where a
 * split has no window of a class.
 */
public final class SplitWindows {

    /** Spectrograms the built-in loader of {@link #window(int)} keeps in memory. */
    public static final int DEFAULT_CACHED_FILES = 4;

    private final Split split;
    private final List<String> classes;
    private final List<DatasetWindow> windows;
    private final List<ClassCounts> counts;
    private final String dataHash;
    private final FeatureCache cache;
    private final FeatureParams params;
    private final WindowSpec windowSpec;
    private final int frames;
    private final WindowLoader loader;

    SplitWindows(Split split, List<String> classes, List<DatasetWindow> windows, List<ClassCounts> counts,
                 String dataHash, FeatureCache cache, FeatureParams params, WindowSpec windowSpec, int frames) {
        this.split = Objects.requireNonNull(split, "split");
        this.classes = List.copyOf(classes);
        this.windows = List.copyOf(windows);
        this.counts = List.copyOf(counts);
        this.dataHash = dataHash;
        this.cache = cache;
        this.params = params;
        this.windowSpec = windowSpec;
        this.frames = frames;
        this.loader = new WindowLoader(cache, params, this.windows, frames, DEFAULT_CACHED_FILES);
    }

    /** Which split this is. */
    public Split split() {
        return split;
    }

    /** The class labels, sorted; a window's label is an index into this list. */
    public List<String> classes() {
        return classes;
    }

    /** The windows, file by file. */
    public List<DatasetWindow> windows() {
        return windows;
    }

    /** Number of windows. */
    public int size() {
        return windows.size();
    }

    /** Class index of window {@code i}. */
    public int label(int i) {
        return windows.get(i).label();
    }

    /** Mel bands (values per frame) of every window. */
    public int mels() {
        return params.bins();
    }

    /** Frames per window: {@code params.framesFor(windowSeconds)} (215 for 5 s at the defaults). */
    public int frames() {
        return frames;
    }

    /** The feature parameters. */
    public FeatureParams params() {
        return params;
    }

    /** Window length and hop. */
    public WindowSpec windowSpec() {
        return windowSpec;
    }

    /** Files, pieces and windows per class, in class order (every class listed, maybe with zeros). */
    public List<ClassCounts> counts() {
        return counts;
    }

    /**
     * A SHA-256 (hex) of the dataset parameters (target and periods table, split source, seed, filters,
     * balancing, window selection, feature and render keys, window spec), the class list, the split and every
     * window (source file hash, start frame, label): same data, same hash, across runs and machines; any changed
     * label or window changes it. Goes into the model bundle.
     */
    public String dataHash() {
        return dataHash;
    }

    /**
     * Window {@code i}: {@code float[mels() * frames()]}, row-major {@code [mel][frame]}, read through a shared
     * loader that keeps the last {@value #DEFAULT_CACHED_FILES} spectrograms (see {@link WindowLoader}).
     */
    public float[] window(int i) {
        return loader.window(i);
    }

    /** A loader of its own, keeping {@code maxFiles} spectrograms (one per worker thread). */
    public WindowLoader loader(int maxFiles) {
        return new WindowLoader(cache, params, windows, frames, maxFiles);
    }

    /**
     * Index ranges {@code [from, to)} of consecutive windows from one file, in order: a training loop can
     * shuffle files and windows within a few files at a time and still read each spectrogram once.
     */
    public List<int[]> fileRuns() {
        List<int[]> runs = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= windows.size(); i++) {
            if (i == windows.size() || windows.get(i).ref().fileId() != windows.get(from).ref().fileId()) {
                if (i > from) {
                    runs.add(new int[] {from, i});
                }
                from = i;
            }
        }
        return runs;
    }

    /** A table: class, files, pieces, windows, then the total and the data hash. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%s: %d windows of %s, %d classes%n",
                split.id(), windows.size(), windowSpec, classes.size()));
        int f = 0;
        int p = 0;
        for (ClassCounts c : counts) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-20s %6d files %5d pieces %8d windows%n", c.label(),
                    c.files(), c.pieces(), c.windows()));
            f += c.files();
            p += c.pieces();
        }
        sb.append(String.format(java.util.Locale.ROOT, "  %-20s %6d files %5d pieces %8d windows%n", "total", f, p,
                windows.size()));
        sb.append("  data hash ").append(dataHash).append(System.lineSeparator());
        return sb.toString();
    }

    @Override
    public String toString() {
        return "SplitWindows[" + split.id() + ", " + windows.size() + " windows, " + classes.size() + " classes]";
    }
}
