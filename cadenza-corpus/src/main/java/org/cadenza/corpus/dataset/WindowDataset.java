package org.cadenza.corpus.dataset;

import org.cadenza.io.Parameters;
import java.util.List;
import java.util.Map;

/**
 * A dataset's three splits with what was left out and why.
 *
 * @param train      training windows (balanced as the spec says)
 * @param val        validation windows
 * @param test       test windows
 * @param classes    the class labels, sorted (shared by the three splits)
 * @param assignment the file -&gt; split assignment (leak-checked)
 * @param excluded   files left out, by reason (e.g. "no period", "not in the split file", "class debussy has 1
 *                   piece(s), fewer than 2")
 * @param spec       the dataset parameters
 * @param augmented  per training augmentation of the spec, how many training files have its rendering (e.g.
 *                   {@code "transpose=2,tempo=1.0: 758 of 759 training files"}); empty without augmentation
 */
public record WindowDataset(SplitWindows train, SplitWindows val, SplitWindows test, List<String> classes,
                            SplitAssignment assignment, Map<String, Integer> excluded, DatasetSpec spec,
                            List<String> augmented) {

    public WindowDataset {
        Parameters.nonNull("train, val, test", train, val, test);
        classes = List.copyOf(classes);
        excluded = Map.copyOf(excluded);
        augmented = List.copyOf(augmented);
    }

    /** The windows of {@code split}. */
    public SplitWindows get(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        };
    }

    /** Counts of the three splits, the split source and the exclusions. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("dataset ").append(spec.key()).append(System.lineSeparator());
        sb.append(assignment.toText()).append(System.lineSeparator());
        new java.util.TreeMap<>(excluded).forEach((why, n) -> sb.append("excluded ").append(n).append(" file(s): ")
                .append(why).append(System.lineSeparator()));
        augmented.forEach(a -> sb.append("augmented ").append(a).append(System.lineSeparator()));
        for (Split s : Split.values()) {
            sb.append(get(s).toText());
        }
        return sb.toString();
    }
}
