package org.cadenza.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.cadenza.io.Parameters;

/**
 * What models that never look at the music score (Tribuo's {@code DummyClassifierTrainer}, scikit-learn's
 * {@code DummyClassifier}). The same three dummies stand beside every figure, at piece and at window level, all fit
 * on the training split's label counts as they were before any balancing repeated windows
 * ({@code --balance oversample} changes what the network sees, not what a dummy knows about the classes):
 *
 * <ul>
 *   <li>most frequent by training pieces: always the class with the most training pieces;</li>
 *   <li>most frequent by training windows: always the class with the most training windows (long pieces weigh
 *       more); its top-k ranks the classes by training windows;</li>
 *   <li>stratified: draws a class at random with the class prior of the training pieces; its figures are exact
 *       expectations, accuracy = sum over c of p_train(c) * p_test(c), balanced accuracy = mean over the classes
 *       present in the test labels of p_train(c).</li>
 * </ul>
 * Ties between classes go to the first class name in {@link String#compareTo} order, whatever the class order.
 * Every figure is a fraction in [0, 1] of the test items of the level evaluated (pieces or windows).
 *
 * @param byPieces                   always the class with most training pieces
 * @param byWindows                  always the class with most training windows
 * @param stratifiedAccuracy         expectation, in [0, 1]
 * @param stratifiedBalancedAccuracy expectation, in [0, 1]
 * @param topK                       k of the most-frequent top-k figures
 */
public record DummyBaselines(MostFrequent byPieces, MostFrequent byWindows, double stratifiedAccuracy,
                             double stratifiedBalancedAccuracy, int topK) {

    /**
     * A dummy that always answers one class.
     *
     * @param countedBy        what was counted to choose it: {@code "training pieces"} or {@code "training windows"}
     * @param predictedClass   the class it always answers
     * @param accuracy         share of test items of that class, in [0, 1]
     * @param balancedAccuracy 1 / (classes in the test labels) when that class is among them, else 0
     * @param topKAccuracy     share of test items whose class is among the k classes counted most often
     */
    public record MostFrequent(String countedBy, String predictedClass, double accuracy, double balancedAccuracy,
                               double topKAccuracy) {
    }

    public DummyBaselines {
        Objects.requireNonNull(byPieces, "byPieces");
        Objects.requireNonNull(byWindows, "byWindows");
    }

    /** @return the class of the first dummy, {@link #byPieces()}: the class with most training pieces */
    public String mostFrequentClass() {
        return byPieces.predictedClass();
    }

    /** @return the accuracy of the first dummy, {@link #byPieces()}, in [0, 1] */
    public double mostFrequentAccuracy() {
        return byPieces.accuracy();
    }

    /**
     * The three dummies on one level's test labels: the one function every report and table uses.
     *
     * @param classNames  the classes
     * @param trainPieces training pieces per class, in class order, before any balancing
     * @param trainWindows training windows per class, in class order, before oversampling (no window counted twice)
     * @param testTruth   the class index of every test item of the level (pieces, or windows)
     * @param topK        k for the most-frequent top-k figures, &ge; 1
     * @throws IllegalArgumentException when a count array does not have one entry per class, a count is negative,
     *                                  there are no training pieces or windows, or topK &lt; 1
     */
    public static DummyBaselines of(List<String> classNames, long[] trainPieces, long[] trainWindows,
                                    int[] testTruth, int topK) {
        int n = classNames.size();
        check(classNames, trainPieces, "pieces");
        check(classNames, trainWindows, "windows");
        Parameters.atLeast("topK", topK, 1);
        long[] testCounts = new long[n];
        for (int t : testTruth) {
            if (t < 0 || t >= n) {
                throw new IllegalArgumentException("test label " + t + " is not a class index of " + classNames);
            }
            testCounts[t]++;
        }
        int testTotal = testTruth.length;
        int present = (int) Arrays.stream(testCounts).filter(c -> c > 0).count();
        long pieceTotal = Arrays.stream(trainPieces).sum();
        double stratifiedAccuracy = 0;
        double stratifiedBalanced = 0;
        for (int c = 0; c < n; c++) {
            double prior = (double) trainPieces[c] / pieceTotal;
            if (testCounts[c] > 0) {
                stratifiedBalanced += prior;
                stratifiedAccuracy += prior * testCounts[c] / testTotal;
            }
        }
        return new DummyBaselines(
                mostFrequent("training pieces", classNames, trainPieces, testCounts, testTotal, present, topK),
                mostFrequent("training windows", classNames, trainWindows, testCounts, testTotal, present, topK),
                stratifiedAccuracy, present == 0 ? 0 : stratifiedBalanced / present, topK);
    }

    private static MostFrequent mostFrequent(String countedBy, List<String> classNames, long[] trainCounts,
                                             long[] testCounts, int testTotal, int present, int topK) {
        int n = classNames.size();
        int[] byFrequency = IntStream.range(0, n).boxed()
                .sorted((a, b) -> {
                    int byCount = Long.compare(trainCounts[b], trainCounts[a]);
                    return byCount != 0 ? byCount : classNames.get(a).compareTo(classNames.get(b));
                })
                .mapToInt(Integer::intValue).toArray();
        int first = byFrequency[0];
        long inTopK = 0;
        for (int r = 0; r < Math.min(topK, n); r++) {
            inTopK += testCounts[byFrequency[r]];
        }
        return new MostFrequent(countedBy, classNames.get(first),
                testTotal == 0 ? 0 : (double) testCounts[first] / testTotal,
                present == 0 || testCounts[first] == 0 ? 0 : 1.0 / present,
                testTotal == 0 ? 0 : (double) inTopK / testTotal);
    }

    private static void check(List<String> classNames, long[] counts, String what) {
        if (counts.length != classNames.size()) {
            throw new IllegalArgumentException(counts.length + " training " + what + " counts for "
                    + classNames.size() + " classes " + classNames);
        }
        long total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative training " + what + " count in " + Arrays.toString(counts));
            }
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no training " + what + ": the dummy baselines need the training label "
                    + "counts");
        }
    }
}
