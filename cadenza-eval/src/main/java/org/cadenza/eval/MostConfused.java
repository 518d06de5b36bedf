package org.cadenza.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cadenza.io.Parameters;

/** The off-diagonal cells of a confusion matrix, largest first (fastai's {@code most_confused(min_val)}). */
public final class MostConfused {

    /** fastai's default {@code min_val}: 1, every confusion that happened. */
    public static final int DEFAULT_MIN_COUNT = 1;

    private MostConfused() {
    }

    /**
     * @param minCount keep pairs with {@code count >= minCount}; 0 lists every pair of distinct classes
     * @return pairs by count, descending; equal counts by true class name, then predicted class name
     */
    public static List<ConfusedPair> of(ConfusionMatrix matrix, long minCount) {
        Parameters.atLeast("minCount", minCount, 0);
        List<ConfusedPair> pairs = new ArrayList<>();
        List<String> names = matrix.classNames();
        for (int t = 0; t < matrix.numClasses(); t++) {
            for (int p = 0; p < matrix.numClasses(); p++) {
                if (t != p && matrix.count(t, p) >= minCount) {
                    pairs.add(new ConfusedPair(names.get(t), names.get(p), matrix.count(t, p)));
                }
            }
        }
        pairs.sort(Comparator.comparingLong(ConfusedPair::count).reversed()
                .thenComparing(ConfusedPair::trueClass).thenComparing(ConfusedPair::predictedClass));
        return pairs;
    }
}
