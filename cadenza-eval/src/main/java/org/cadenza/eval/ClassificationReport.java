package org.cadenza.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one evaluation at one granularity (windows or pieces).
 *
 * @param classNames       the classes
 * @param count            items evaluated (windows or pieces)
 * @param accuracy         share of items whose top class is the true class, in [0, 1]
 * @param balancedAccuracy mean recall over the classes present in the truth, in [0, 1]
 * @param topK             the k of {@code topKAccuracy}
 * @param topKAccuracy     share of items whose true class is among the k best scores, in [0, 1]
 * @param macroF1          mean F1 over the classes present in the truth or in the predictions, in [0, 1]
 * @param perClass         one entry per class, in class order
 * @param confusion        the confusion matrix
 */
public record ClassificationReport(List<String> classNames, long count, double accuracy, double balancedAccuracy,
                                   int topK, double topKAccuracy, double macroF1, List<ClassMetrics> perClass,
                                   ConfusionMatrix confusion) {

    /** The k of top-k accuracy unless said otherwise: 3. */
    public static final int DEFAULT_TOP_K = 3;

    public ClassificationReport {
        classNames = List.copyOf(classNames);
        perClass = List.copyOf(perClass);
    }

    /**
     * @param classNames the classes, in score order
     * @param truth      the true class of each item
     * @param scores     per item one score per class, higher = more likely (probabilities or log-probabilities)
     * @param topK       k for top-k accuracy, >= 1
     */
    public static ClassificationReport of(List<String> classNames, int[] truth, double[][] scores, int topK) {
        int n = classNames.size();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != n) {
                throw new IllegalArgumentException("item " + i + " has " + scores[i].length + " scores for " + n + " classes");
            }
        }
        int[] predicted = Metrics.predictions(scores);
        ConfusionMatrix confusion = ConfusionMatrix.of(classNames, truth, predicted);
        List<ClassMetrics> perClass = new ArrayList<>(n);
        double f1Sum = 0;
        int f1Classes = 0;
        for (int c = 0; c < n; c++) {
            ClassMetrics m = ClassMetrics.of(confusion, c);
            perClass.add(m);
            if (m.support() > 0 || m.predicted() > 0) {
                f1Sum += m.f1();
                f1Classes++;
            }
        }
        return new ClassificationReport(classNames, truth.length, Metrics.accuracy(truth, predicted),
                Metrics.balancedAccuracy(truth, predicted, n), topK, Metrics.topKAccuracy(truth, scores, topK),
                f1Classes == 0 ? 0 : f1Sum / f1Classes, perClass, confusion);
    }

    /** @return the figures of one class */
    public ClassMetrics of(String className) {
        return perClass.stream().filter(m -> m.name().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown class '" + className + "'; classes are " + classNames));
    }
}
