package org.cadenza.eval;

import java.util.Comparator;
import java.util.List;

import org.cadenza.io.Parameters;

/** The windows the model got most wrong (fastai's {@code top_losses}): highest cross-entropy loss first. */
public final class TopLosses {

    private TopLosses() {
    }

    /**
     * @param n how many to return, >= 0 (fewer when there are fewer windows)
     * @return the n windows with the highest loss {@code -ln(max(p(true), 1e-6))}; equal losses ordered by file,
     *     then start time
     */
    public static List<TopLoss> of(Predictions predictions, int n) {
        Parameters.atLeast("n", n, 0);
        List<String> names = predictions.classNames();
        return predictions.windows().stream()
                .sorted(Comparator.comparingDouble(WindowPrediction::loss).reversed()
                        .thenComparing(WindowPrediction::file)
                        .thenComparingDouble(WindowPrediction::startSeconds))
                .limit(n)
                .map(w -> new TopLoss(w.file(), w.pieceId(), w.startSeconds(), names.get(w.trueClass()),
                        names.get(w.predictedClass()), w.probability(w.trueClass()), w.loss()))
                .toList();
    }
}
