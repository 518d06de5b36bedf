package org.cadenza.eval;

/**
 * The figures of one class. Undefined ratios are 0 (scikit-learn's {@code zero_division=0}): precision of a class
 * never predicted, recall of a class absent from the truth, F1 when precision + recall = 0.
 *
 * @param name      the class
 * @param precision correct / predicted as this class, in [0, 1]
 * @param recall    correct / items of this class, in [0, 1]
 * @param f1        harmonic mean of precision and recall, in [0, 1]
 * @param support   items of this class in the truth
 * @param predicted items predicted as this class
 */
public record ClassMetrics(String name, double precision, double recall, double f1, long support, long predicted) {

    static ClassMetrics of(ConfusionMatrix m, int c) {
        long correct = m.count(c, c);
        long support = m.support(c);
        long predicted = m.predictedCount(c);
        double precision = predicted == 0 ? 0 : (double) correct / predicted;
        double recall = support == 0 ? 0 : (double) correct / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(m.classNames().get(c), precision, recall, f1, support, predicted);
    }
}
