package org.cadenza.model.multitask;

import ai.djl.ndarray.NDArray;

/**
 * Binary cross-entropy on logits, in the numerically stable form
 * {@code max(x, 0) - x z + log(1 + exp(-|x|))} (equal to {@code -z log s(x) - (1 - z) log(1 - s(x))} with
 * {@code s} the sigmoid), averaged over every element.
 */
public final class SigmoidCrossEntropy {

    private SigmoidCrossEntropy() {
    }

    /**
     * @param logits  {@code (n, labels)}, any real values
     * @param targets same shape, 0 or 1
     * @return the mean over all {@code n x labels} elements, a scalar in nats
     */
    public static NDArray mean(NDArray logits, NDArray targets) {
        if (!logits.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("logits " + logits.getShape() + " and targets " + targets.getShape()
                    + " differ in shape");
        }
        return logits.maximum(0f).sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1f).log()).mean();
    }

    /** The same on plain arrays (to test and to monitor). */
    public static double mean(float[][] logits, float[][] targets) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < logits.length; i++) {
            for (int j = 0; j < logits[i].length; j++) {
                double x = logits[i][j];
                sum += Math.max(x, 0) - x * targets[i][j] + Math.log1p(Math.exp(-Math.abs(x)));
                n++;
            }
        }
        return sum / n;
    }
}
