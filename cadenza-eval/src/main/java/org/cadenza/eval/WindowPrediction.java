package org.cadenza.eval;

import org.cadenza.io.Parameters;
import java.util.Arrays;
import java.util.Objects;

/**
 * A classifier's output for one window of one file.
 *
 * @param file          the file's path as the workspace records it (any string that names the file)
 * @param pieceId       the piece the file belongs to; all windows of all files of a piece are aggregated together
 * @param trueClass     index of the true class in {@link Predictions#classNames()}, 0-based
 * @param startSeconds  where the window starts in the file, seconds from its beginning, {@code >= 0}
 * @param probabilities one probability per class, each in [0, 1], summing to 1 (within 1e-2); copied, never shared
 */
public record WindowPrediction(String file, String pieceId, int trueClass, double startSeconds, float[] probabilities) {

    public WindowPrediction {
        Parameters.nonNull("file, pieceId, probabilities", file, pieceId, probabilities);
        if (!(startSeconds >= 0) || Double.isInfinite(startSeconds)) {
            throw new IllegalArgumentException(file + ": window start must be a finite number of seconds >= 0, got " + startSeconds);
        }
        if (trueClass < 0 || trueClass >= probabilities.length) {
            throw new IllegalArgumentException(file + " at " + startSeconds + " s: true class " + trueClass
                    + " is outside 0.." + (probabilities.length - 1));
        }
        double sum = 0;
        for (int c = 0; c < probabilities.length; c++) {
            float p = probabilities[c];
            if (!(p >= 0f && p <= 1.0001f)) {
                throw new IllegalArgumentException(file + " at " + startSeconds + " s: probability of class " + c + " is " + p
                        + "; expected a value in [0, 1] (softmax output, not logits)");
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-2) {
            throw new IllegalArgumentException(file + " at " + startSeconds + " s: probabilities sum to " + sum
                    + "; expected 1 (apply softmax to the logits first)");
        }
        probabilities = probabilities.clone();
    }

    /** @return a copy of the probabilities, one per class */
    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** @return the probability of class {@code c}, without copying the array */
    public float probability(int c) {
        return probabilities[c];
    }

    /** @return the number of classes */
    public int numClasses() {
        return probabilities.length;
    }

    /** @return the class with the highest probability (ties: the lowest index) */
    public int predictedClass() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The cross-entropy loss of this window: {@code -ln(max(p(true), 1e-6))}, natural log, in [0, 13.82].
     * The floor is {@link Predictions#PROBABILITY_FLOOR}, the same one piece aggregation uses.
     */
    public double loss() {
        return -Math.log(Math.max(probabilities[trueClass], Predictions.PROBABILITY_FLOOR));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowPrediction w && file.equals(w.file) && pieceId.equals(w.pieceId)
                && trueClass == w.trueClass && Double.compare(startSeconds, w.startSeconds) == 0
                && Arrays.equals(probabilities, w.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, pieceId, trueClass, startSeconds) * 31 + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "WindowPrediction[" + file + " @" + startSeconds + " s, piece " + pieceId + ", true " + trueClass
                + ", p " + Arrays.toString(probabilities) + "]";
    }
}
