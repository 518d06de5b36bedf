package org.cadenza.api.run;

import org.cadenza.corpus.dataset.WindowLoader;
import org.cadenza.eval.WindowPrediction;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WindowStacking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Function;

/**
 * Classifies windows read from a feature cache in batches, reading each cached spectrogram once per run of
 * consecutive windows of the same file (callers list the windows file by file). Shared by {@link RunEvaluation}
 * and {@link BlindEvaluation}.
 *
 * <p>When the run stacks windows ({@link PipelineSettings#stack()} = K &gt; 1), the windows of each file (content
 * hash) are ordered by start frame, cut into runs of consecutive windows, and every K consecutive windows form one
 * input ({@link WindowStacking}); its prediction stands for the input starting at its first window (that window's
 * item and start time). A file with fewer than K consecutive windows gives no prediction.
 */
final class WindowClassification {

    /** Windows per forward pass. */
    static final int BATCH = 256;

    /**
     * One window to classify.
     *
     * @param contentHash the cached spectrogram's key
     * @param startFrame  first frame of the window
     * @param trueClass   index into the model's classes
     * @param pieceId     the piece (windows of a piece are aggregated)
     * @param file        the file's name as the report shows it
     */
    record Item(String contentHash, int startFrame, int trueClass, String pieceId, String file) {
    }

    private WindowClassification() {
    }

    /**
     * @param missing the message when a spectrogram is not in the cache, given the item
     * @return one prediction per item, in order; with stacked windows one per stacked input, file by file in the
     *         order the files first appear, in time order within a file
     */
    static List<WindowPrediction> classify(Classifier classifier, PipelineSettings pipeline, FeatureCache cache,
                                           List<Item> items, Function<Item, String> missing) {
        if (pipeline.stack() > 1) {
            return classifyStacked(classifier, pipeline, cache, items, missing);
        }
        int frames = pipeline.recipe().windowFrames();
        List<WindowPrediction> out = new ArrayList<>(items.size());
        String lastHash = null;
        Spectrogram spectrogram = null;
        List<float[]> batch = new ArrayList<>(BATCH);
        List<Item> batchItems = new ArrayList<>(BATCH);
        for (Item item : items) {
            if (!item.contentHash().equals(lastHash)) {
                spectrogram = cache.read(item.contentHash(), pipeline.features())
                        .orElseThrow(() -> new CadenzaException(missing.apply(item)));
                lastHash = item.contentHash();
            }
            batch.add(WindowLoader.melMajor(spectrogram, item.startFrame(), frames));
            batchItems.add(item);
            if (batch.size() == BATCH) {
                flush(classifier, batch, batchItems, pipeline, out);
            }
        }
        flush(classifier, batch, batchItems, pipeline, out);
        return out;
    }

    private static List<WindowPrediction> classifyStacked(Classifier classifier, PipelineSettings pipeline,
                                                          FeatureCache cache, List<Item> items,
                                                          Function<Item, String> missing) {
        int frames = pipeline.recipe().windowFrames();
        int hop = pipeline.recipe().hopFrames();
        int stack = pipeline.stack();
        Map<String, List<Item>> byFile = new LinkedHashMap<>();
        for (Item item : items) {
            byFile.computeIfAbsent(item.contentHash() + "/" + item.file(), k -> new ArrayList<>()).add(item);
        }
        List<WindowPrediction> out = new ArrayList<>(items.size());
        List<float[]> batch = new ArrayList<>(BATCH);
        List<Item> batchItems = new ArrayList<>(BATCH);
        for (List<Item> file : byFile.values()) {
            file.sort(Comparator.comparingInt(Item::startFrame));
            int[] starts = file.stream().mapToInt(Item::startFrame).toArray();
            Spectrogram spectrogram = null;
            for (int[] run : WindowStacking.consecutiveRuns(starts, hop)) {
                if (run[1] < stack) {
                    continue;
                }
                if (spectrogram == null) {
                    Item first = file.get(0);
                    spectrogram = cache.read(first.contentHash(), pipeline.features())
                            .orElseThrow(() -> new CadenzaException(missing.apply(first)));
                }
                List<float[]> windows = new ArrayList<>(run[1]);
                for (int j = run[0]; j < run[0] + run[1]; j++) {
                    windows.add(WindowLoader.melMajor(spectrogram, file.get(j).startFrame(), frames));
                }
                List<float[]> inputs = WindowStacking.stack(windows, stack);
                for (int i = 0; i < inputs.size(); i++) {
                    batch.add(inputs.get(i));
                    batchItems.add(file.get(run[0] + i));
                    if (batch.size() == BATCH) {
                        flush(classifier, batch, batchItems, pipeline, out);
                    }
                }
            }
        }
        flush(classifier, batch, batchItems, pipeline, out);
        return out;
    }

    private static void flush(Classifier classifier, List<float[]> batch, List<Item> items, PipelineSettings pipeline,
                              List<WindowPrediction> out) {
        if (batch.isEmpty()) {
            return;
        }
        float[][] probs = classifier.predictProba(batch);
        for (int i = 0; i < probs.length; i++) {
            Item item = items.get(i);
            out.add(new WindowPrediction(item.file(), item.pieceId(), item.trueClass(),
                    item.startFrame() * pipeline.features().secondsPerFrame(), probs[i]));
        }
        batch.clear();
        items.clear();
    }
}
