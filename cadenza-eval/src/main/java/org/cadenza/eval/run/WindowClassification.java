package org.cadenza.eval.run;

import org.cadenza.corpus.dataset.WindowLoader;
import org.cadenza.eval.WindowPrediction;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.pipeline.PipelineSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Classifies windows read from a feature cache in batches, reading each cached spectrogram once per run of
 * consecutive windows of the same file (callers list the windows file by file). Shared by {@link RunEvaluation}
 * and {@link BlindEvaluation}.
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
     * @return one prediction per item, in order
     */
    static List<WindowPrediction> classify(Classifier classifier, PipelineSettings pipeline, FeatureCache cache,
                                           List<Item> items, Function<Item, String> missing) {
        int frames = org.cadenza.corpus.jobs.WindowIndex.framesFor(pipeline.window().windowSeconds(),
                pipeline.features());
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
