package org.cadenza.eval;

import org.cadenza.io.Parameters;

/**
 * Classification figures from true class indices and per-class scores (probabilities or any score where higher
 * means more likely). Every function returns a fraction in [0, 1]; an empty input gives 0.
 */
public final class Metrics {

    private Metrics() {
    }

    /** @return the index of the highest score; ties go to the lowest index (the first class) */
    public static int argmax(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /** @return class indices from the highest score to the lowest; equal scores keep index order */
    public static int[] ranking(double[] scores) {
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> {
                    int byScore = Double.compare(scores[b], scores[a]);
                    return byScore != 0 ? byScore : Integer.compare(a, b);
                })
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * @return the 0-based rank of class {@code c} in {@code scores}: how many classes come before it in
     *     {@link #ranking(double[])} (0 = top)
     */
    public static int rankOf(double[] scores, int c) {
        int rank = 0;
        for (int other = 0; other < scores.length; other++) {
            if (scores[other] > scores[c] || (scores[other] == scores[c] && other < c)) {
                rank++;
            }
        }
        return rank;
    }

    /** @return the argmax of each row of scores */
    public static int[] predictions(double[][] scores) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = argmax(scores[i]);
        }
        return predicted;
    }

    /** @return the share of items whose prediction equals the truth */
    public static double accuracy(int[] truth, int[] predicted) {
        checkSameLength(truth.length, predicted.length);
        if (truth.length == 0) {
            return 0;
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /**
     * Balanced accuracy: the mean per-class recall over the classes that occur in {@code truth} (classes absent
     * from the truth do not count, as in scikit-learn's {@code balanced_accuracy_score}).
     *
     * @param numClasses number of classes; every index must be below it
     */
    public static double balancedAccuracy(int[] truth, int[] predicted, int numClasses) {
        checkSameLength(truth.length, predicted.length);
        long[] support = new long[numClasses];
        long[] correct = new long[numClasses];
        for (int i = 0; i < truth.length; i++) {
            support[truth[i]]++;
            if (truth[i] == predicted[i]) {
                correct[truth[i]]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < numClasses; c++) {
            if (support[c] > 0) {
                sum += (double) correct[c] / support[c];
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /**
     * Top-k accuracy: the share of items whose true class is among the k highest scores (equal scores ranked by
     * class index, so a tie never counts twice).
     *
     * @param k 1 or more; k >= the number of classes gives 1
     */
    public static double topKAccuracy(int[] truth, double[][] scores, int k) {
        checkSameLength(truth.length, scores.length);
        Parameters.atLeast("k", k, 1);
        if (truth.length == 0) {
            return 0;
        }
        int hits = 0;
        for (int i = 0; i < truth.length; i++) {
            if (rankOf(scores[i], truth[i]) < k) {
                hits++;
            }
        }
        return (double) hits / truth.length;
    }

    private static void checkSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("truth has " + a + " items but the predictions have " + b);
        }
    }
}
