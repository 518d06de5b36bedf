package org.cadenza.eval.multilabel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dummy baselines of multi-label instrument recognition, which look at the training labels only, never at the
 * input: "if you can't beat these, the system doesn't work".
 *
 * <p>The prior baseline gives every item each label's training prevalence as its probability
 * ({@link #probabilities}) and goes through the same threshold path as the model. There are two natural choices of
 * thresholds, both implemented:
 * <ol>
 *   <li>{@link Variant#PRIOR_TUNED}: thresholds tuned on validation exactly as the model's
 *       ({@link ThresholdTuning}). With a constant score per label the only possible decisions are "always present"
 *       and "never present", so this is all-or-nothing per label: with F1 every label seen in validation becomes
 *       "always present" (F1 {@code 2 prevalence / (1 + prevalence)} beats 0); with balanced accuracy both choices
 *       score 0.5 and the tie goes to the candidate nearest 0.5: "never" for a prior below 0.5, "always" for a prior of
 *       0.5 or more.</li>
 *   <li>{@link Variant#PRIOR_HALF}: the fixed 0.5 threshold, i.e. a label is predicted when its prior is at least
 *       0.5: the per-label most frequent value, the set that minimises the expected Hamming loss.</li>
 * </ol>
 * A third baseline, {@link Variant#MOST_FREQUENT_SET}, predicts for every item the single most common label set of
 * training ({@link #mostFrequentSet}), the constant that maximises the expected exact-match ratio. It is evaluated
 * as probabilities 1 / 0 at thresholds 0.5.
 */
public final class PriorBaseline {

    /** Which baseline. */
    public enum Variant {
        /** Each label's prior, thresholds tuned on validation like the model's (all-or-nothing per label). */
        PRIOR_TUNED,
        /** Each label's prior at threshold 0.5: predicted when present in at least half the training items. */
        PRIOR_HALF,
        /** The single most common training label set, predicted for every item. */
        MOST_FREQUENT_SET
    }

    private PriorBaseline() {
    }

    /**
     * Every item gets each label's training prevalence as its probability.
     *
     * @param trainTruth [item][label] training labels, at least one item
     * @param items      number of items to predict for (rows of the result), at least 1
     * @return [items][label] with {@code out[i][j] = (training items with label j) / (training items)}, in [0, 1]
     */
    public static float[][] probabilities(boolean[][] trainTruth, int items) {
        int width = MultiLabelChecks.truth(trainTruth, "training truth");
        checkItems(items);
        float[] prior = new float[width];
        for (int j = 0; j < width; j++) {
            int count = 0;
            for (boolean[] row : trainTruth) {
                count += row[j] ? 1 : 0;
            }
            prior[j] = (float) ((double) count / trainTruth.length);
        }
        float[][] out = new float[items][];
        for (int i = 0; i < items; i++) {
            out[i] = prior.clone();
        }
        return out;
    }

    /** One threshold of 0.5 per label ({@link Variant#PRIOR_HALF}, {@link Variant#MOST_FREQUENT_SET}). */
    public static double[] halfThresholds(int labels) {
        if (labels < 1) {
            throw new IllegalArgumentException("labels: expected at least 1, got " + labels);
        }
        double[] t = new double[labels];
        Arrays.fill(t, ThresholdTuning.DEFAULT_THRESHOLD);
        return t;
    }

    /**
     * The thresholds of {@link Variant#PRIOR_TUNED}: the priors, repeated over the validation items, tuned against
     * the validation truth.
     *
     * @param trainTruth [item][label] training labels
     * @param valTruth   [item][label] validation labels, same labels
     * @param labels     label names in column order
     * @param objective  what the thresholds maximise, as for the model
     * @return the thresholds and the labels that could not be tuned
     */
    public static ThresholdTuning.Tuned tunedThresholds(boolean[][] trainTruth, boolean[][] valTruth,
                                                        List<String> labels, ThresholdTuning.Objective objective) {
        int width = MultiLabelChecks.truth(trainTruth, "training truth");
        MultiLabelChecks.sameShape(valTruth, "validation truth", valTruth == null ? 0 : valTruth.length, width,
                "training truth (labels)");
        return ThresholdTuning.tune(probabilities(trainTruth, valTruth.length), valTruth, labels, objective);
    }

    /**
     * The single most common label set of training. Ties go to the set with fewer labels, then to the set whose
     * columns read as 0/1 in column order come first ({@code 001 < 010}), so the result does not depend on the
     * order of the training items.
     *
     * @param trainTruth [item][label] training labels, at least one item
     * @return one flag per label
     */
    public static boolean[] mostFrequentSet(boolean[][] trainTruth) {
        MultiLabelChecks.truth(trainTruth, "training truth");
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (boolean[] row : trainTruth) {
            String key = key(row);
            int c = counts.merge(key, 1, Integer::sum);
            if (best == null || c > bestCount || (c == bestCount && before(key, best))) {
                best = key;
                bestCount = c;
            }
        }
        boolean[] set = new boolean[best.length()];
        for (int j = 0; j < set.length; j++) {
            set[j] = best.charAt(j) == '1';
        }
        return set;
    }

    /**
     * {@link #mostFrequentSet} as probabilities for the threshold path: 1 for the labels in the set, 0 for the
     * others, to be decided at {@link #halfThresholds}.
     */
    public static float[][] mostFrequentSetProbabilities(boolean[][] trainTruth, int items) {
        boolean[] set = mostFrequentSet(trainTruth);
        checkItems(items);
        float[][] out = new float[items][set.length];
        for (int i = 0; i < items; i++) {
            for (int j = 0; j < set.length; j++) {
                out[i][j] = set[j] ? 1f : 0f;
            }
        }
        return out;
    }

    /**
     * Evaluates one baseline on the test items.
     *
     * @param variant    which baseline
     * @param trainTruth [item][label] training labels (the priors, the most frequent set)
     * @param valTruth   [item][label] validation labels: tunes {@link Variant#PRIOR_TUNED}'s thresholds; the other
     *                   variants ignore its content but its width must still match
     * @param testTruth  [item][label] test labels
     * @param labels     label names in column order
     * @param objective  what {@link Variant#PRIOR_TUNED}'s thresholds maximise (as for the model)
     * @return the same report as the model's, from {@link MultiLabelMetrics#evaluate}
     */
    public static MultiLabelMetrics.Report evaluate(Variant variant, boolean[][] trainTruth, boolean[][] valTruth,
                                                    boolean[][] testTruth, List<String> labels,
                                                    ThresholdTuning.Objective objective) {
        if (variant == null) {
            throw new IllegalArgumentException("variant: null, expected one of " + Arrays.toString(Variant.values()));
        }
        int width = MultiLabelChecks.truth(trainTruth, "training truth");
        MultiLabelChecks.sameShape(valTruth, "validation truth", valTruth == null ? 0 : valTruth.length, width,
                "training truth (labels)");
        MultiLabelChecks.sameShape(testTruth, "test truth", testTruth == null ? 0 : testTruth.length, width,
                "training truth (labels)");
        int items = testTruth.length;
        return switch (variant) {
            case PRIOR_TUNED -> MultiLabelMetrics.evaluate(probabilities(trainTruth, items), testTruth,
                    tunedThresholds(trainTruth, valTruth, labels, objective).thresholds(), labels);
            case PRIOR_HALF -> MultiLabelMetrics.evaluate(probabilities(trainTruth, items), testTruth,
                    halfThresholds(width), labels);
            case MOST_FREQUENT_SET -> MultiLabelMetrics.evaluate(mostFrequentSetProbabilities(trainTruth, items),
                    testTruth, halfThresholds(width), labels);
        };
    }

    private static void checkItems(int items) {
        if (items < 1) {
            throw new IllegalArgumentException("items: expected at least 1 item to predict for, got " + items);
        }
    }

    private static String key(boolean[] row) {
        StringBuilder b = new StringBuilder(row.length);
        for (boolean v : row) {
            b.append(v ? '1' : '0');
        }
        return b.toString();
    }

    /** Fewer labels first, then 0/1 string order. */
    private static boolean before(String a, String b) {
        long ca = a.chars().filter(c -> c == '1').count();
        long cb = b.chars().filter(c -> c == '1').count();
        return ca != cb ? ca < cb : a.compareTo(b) < 0;
    }
}
