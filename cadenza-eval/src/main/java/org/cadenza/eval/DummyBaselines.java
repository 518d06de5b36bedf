package org.cadenza.eval;

import java.util.List;

/**
 * What two models that never look at the music score, fit on the training labels at the same granularity as the
 * figure they stand beside (Tribuo's {@code DummyClassifierTrainer}, scikit-learn's {@code DummyClassifier}).
 *
 * <ul>
 *   <li>most-frequent: always the most frequent training class (ties: the first class name in
 *       {@link String#compareTo} order); its top-k ranks classes by training count (same tie rule).</li>
 *   <li>stratified: draws a class at random with the training prior; the figures are its exact expectations,
 *       accuracy = sum over c of p_train(c) * p_test(c), balanced accuracy = mean over the classes present in the
 *       test labels of p_train(c).</li>
 * </ul>
 *
 * @param mostFrequentClass            the most frequent training class
 * @param mostFrequentAccuracy         in [0, 1]
 * @param mostFrequentBalancedAccuracy in [0, 1]: 1 / (classes in the test labels) when that class is among them
 * @param topK                         k of {@code mostFrequentTopKAccuracy}
 * @param mostFrequentTopKAccuracy     share of test items whose class is among the k most frequent training classes
 * @param stratifiedAccuracy           expectation, in [0, 1]
 * @param stratifiedBalancedAccuracy   expectation, in [0, 1]
 */
public record DummyBaselines(String mostFrequentClass, double mostFrequentAccuracy, double mostFrequentBalancedAccuracy,
                             int topK, double mostFrequentTopKAccuracy, double stratifiedAccuracy,
                             double stratifiedBalancedAccuracy) {

    /**
     * @param classNames  the classes
     * @param trainCounts training items per class (windows or pieces, matching the test labels), in class order
     * @param testTruth   the class index of every test item
     * @param topK        k for the most-frequent top-k figure, >= 1
     */
    public static DummyBaselines of(List<String> classNames, long[] trainCounts, int[] testTruth, int topK) {
        int n = classNames.size();
        if (trainCounts.length != n) {
            throw new IllegalArgumentException(trainCounts.length + " training counts for " + n + " classes " + classNames);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        long trainTotal = 0;
        for (long c : trainCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative training count in " + java.util.Arrays.toString(trainCounts));
            }
            trainTotal += c;
        }
        if (trainTotal == 0) {
            throw new IllegalArgumentException("no training items: the dummy baselines need the training label counts");
        }
        long[] testCounts = new long[n];
        for (int t : testTruth) {
            testCounts[t]++;
        }
        int[] byFrequency = java.util.stream.IntStream.range(0, n).boxed()
                .sorted((a, b) -> {
                    int byCount = Long.compare(trainCounts[b], trainCounts[a]);
                    return byCount != 0 ? byCount : classNames.get(a).compareTo(classNames.get(b));
                })
                .mapToInt(Integer::intValue).toArray();
        int mostFrequent = byFrequency[0];
        int testTotal = testTruth.length;
        int present = 0;
        double stratifiedAccuracy = 0;
        double stratifiedBalanced = 0;
        for (int c = 0; c < n; c++) {
            double pTrain = (double) trainCounts[c] / trainTotal;
            if (testCounts[c] > 0) {
                present++;
                stratifiedBalanced += pTrain;
                stratifiedAccuracy += pTrain * testCounts[c] / testTotal;
            }
        }
        long inTopK = 0;
        for (int r = 0; r < Math.min(topK, n); r++) {
            inTopK += testCounts[byFrequency[r]];
        }
        return new DummyBaselines(classNames.get(mostFrequent),
                testTotal == 0 ? 0 : (double) testCounts[mostFrequent] / testTotal,
                present == 0 || testCounts[mostFrequent] == 0 ? 0 : 1.0 / present,
                topK, testTotal == 0 ? 0 : (double) inTopK / testTotal,
                stratifiedAccuracy, present == 0 ? 0 : stratifiedBalanced / present);
    }
}
