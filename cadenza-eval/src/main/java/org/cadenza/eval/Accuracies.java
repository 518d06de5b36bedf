package org.cadenza.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three accuracies a many-class benchmark reports for a set of items (files): top-1, balanced (the mean recall
 * over the classes present in the set, as scikit-learn's {@code balanced_accuracy_score}) and top-5.
 *
 * @param items    items scored
 * @param top1     share whose highest score is the true class
 * @param balanced mean per-class recall over the classes present
 * @param top5     share whose true class is among the five highest scores
 */
public record Accuracies(int items, double top1, double balanced, double top5) {

    /**
     * @param truth      true class index per item
     * @param scores     per item, a score per class (higher = more likely; probabilities or log-probabilities)
     * @param numClasses number of classes
     */
    public static Accuracies of(int[] truth, double[][] scores, int numClasses) {
        int[] predicted = Metrics.predictions(scores);
        return new Accuracies(truth.length, Metrics.accuracy(truth, predicted),
                Metrics.balancedAccuracy(truth, predicted, numClasses), Metrics.topKAccuracy(truth, scores, 5));
    }

    /**
     * The dummy beside every figure: every item gets the same scores, the training prior, so that top-1 is the most
     * frequent training class and top-5 the five most frequent.
     *
     * @param truth       true class index per item
     * @param trainCounts training items per class
     */
    public static Accuracies dummy(int[] truth, long[] trainCounts) {
        return of(truth, priorScores(truth.length, trainCounts), trainCounts.length);
    }

    /** The dummy's scores for {@code items} items: every one the training counts per class (shared, not copied). */
    public static double[][] priorScores(int items, long[] trainCounts) {
        double[] prior = Arrays.stream(trainCounts).asDoubleStream().toArray();
        double[][] scores = new double[items][];
        Arrays.fill(scores, prior);
        return scores;
    }

    /** {@code "47.8 / 17.2 / 71.9"}: the three as percentages, one decimal ({@code -} for an empty set). */
    public String toPercentages() {
        return items == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", 100 * top1, 100 * balanced,
                100 * top5);
    }
}
