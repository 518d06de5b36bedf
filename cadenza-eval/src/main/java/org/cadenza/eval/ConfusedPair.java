package org.cadenza.eval;

/**
 * A (true, predicted) pair of distinct classes and how often it happened.
 *
 * @param trueClass      the true class's name
 * @param predictedClass the predicted class's name
 * @param count          how many items of {@code trueClass} were predicted as {@code predictedClass}
 */
public record ConfusedPair(String trueClass, String predictedClass, long count) {
}
