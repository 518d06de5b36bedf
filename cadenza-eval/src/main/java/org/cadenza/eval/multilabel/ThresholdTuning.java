package org.cadenza.eval.multilabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A decision threshold per label (instrument family), tuned on the validation split.
 *
 * <p><b>Decision rule.</b> A label is predicted <em>present</em> for an item when its probability is
 * {@code p >= threshold} (inclusive) and absent when {@code p < threshold}; {@link MultiLabelMetrics#decide} applies
 * exactly this rule.
 *
 * <p><b>Search.</b> For each label independently, the validation probabilities are sorted and the candidate
 * thresholds are the midpoints between consecutive distinct values of {@code {0} ∪ {p_i} ∪ {1}}: the midpoints
 * between neighbouring distinct probabilities, plus {@code min/2} (everything present) when the smallest
 * probability is above 0 and {@code (max + 1)/2} (everything absent) when the largest is below 1. Every candidate
 * lies strictly inside (0, 1), and every split of the items that a threshold in (0, 1) can make is among them, so
 * the maximum is exact. The objective is compared exactly on integer counts (no rounding ties). Cost
 * O(n log n) per label for n validation items.
 *
 * <p><b>Ties.</b> Among candidates with the same objective, the one nearest 0.5 wins; of two equally near (e.g. 0.4
 * and 0.6) the lower one wins (more recall).
 *
 * <p><b>Untuned labels.</b> A label with no positive or no negative item in validation has no meaningful
 * optimum; it keeps {@link #DEFAULT_THRESHOLD} (0.5) and {@link #tune} lists it in {@link Tuned#untuned()}.
 */
public final class ThresholdTuning {

    /** The threshold of a label that cannot be tuned, and of an untrained decision: 0.5. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** What the threshold of each label maximises on validation. */
    public enum Objective {
        /**
         * F1 of the label, {@code 2 TP / (2 TP + FP + FN)}: precision and recall of "present" balanced. The
         * default.
         */
        F1,
        /**
         * Balanced accuracy of the label, {@code (TP / P + TN / N) / 2}: the mean of the recall of "present" and of
         * "absent", insensitive to how rare the instrument is.
         */
        BALANCED_ACCURACY,
        /**
         * Accuracy of the label, {@code (TP + TN) / n}: the fewest wrong cells, which is what the Hamming loss
         * counts and what the exact-match ratio needs; rare instruments are then called only when fairly sure.
         */
        ACCURACY;

        /** The default objective: {@link #F1}. */
        public static final Objective DEFAULT = F1;
    }

    /**
     * Tuned thresholds and the labels that could not be tuned.
     *
     * @param thresholds one threshold per label in column order, each in (0, 1); present = {@code p >= threshold}
     * @param untuned    names of the labels without a positive or without a negative in validation, in column
     *                   order; they kept {@link #DEFAULT_THRESHOLD}
     */
    public record Tuned(double[] thresholds, List<String> untuned) {
        /** Copies both arguments. */
        public Tuned {
            thresholds = thresholds.clone();
            untuned = List.copyOf(untuned);
        }

        /** @return a copy of the thresholds, one per label in column order */
        @Override
        public double[] thresholds() {
            return thresholds.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tuned other && Arrays.equals(thresholds, other.thresholds)
                    && untuned.equals(other.untuned);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(thresholds) + untuned.hashCode();
        }

        @Override
        public String toString() {
            return "Tuned[thresholds=" + Arrays.toString(thresholds) + ", untuned=" + untuned + "]";
        }
    }

    private ThresholdTuning() {
    }

    /**
     * The threshold of each label that maximises {@code objective} on validation (see the class comment for the
     * search, the ties and the labels that keep 0.5).
     *
     * @param valProbabilities [item][label] sigmoid outputs on the validation split, each in [0, 1]
     * @param valTruth         [item][label] true labels of the same items, same shape
     * @param objective        what to maximise; {@link Objective#DEFAULT} is F1
     * @return one threshold per label in column order, each in (0, 1); present = {@code p >= threshold}
     * @throws IllegalArgumentException on empty or non-rectangular matrices, a shape mismatch, NaN or values
     *                                  outside [0, 1]
     */
    public static double[] perLabel(float[][] valProbabilities, boolean[][] valTruth, Objective objective) {
        return search(valProbabilities, valTruth, objective, null).thresholds;
    }

    /** {@link #perLabel(float[][], boolean[][], Objective)} with the default objective, F1. */
    public static double[] perLabel(float[][] valProbabilities, boolean[][] valTruth) {
        return perLabel(valProbabilities, valTruth, Objective.DEFAULT);
    }

    /**
     * {@link #perLabel} plus the names of the labels that could not be tuned (no positive or no negative in
     * validation) and kept 0.5.
     *
     * @param p         [item][label] validation sigmoid outputs, each in [0, 1]
     * @param truth     [item][label] validation truth, same shape
     * @param labels    label names in column order, distinct
     * @param objective what to maximise; {@link Objective#DEFAULT} is F1
     * @return the thresholds and the untuned labels
     * @throws IllegalArgumentException on bad shapes or values, or a label list that does not match the columns
     */
    public static Tuned tune(float[][] p, boolean[][] truth, List<String> labels, Objective objective) {
        Result r = search(p, truth, objective, labels);
        List<String> untuned = new ArrayList<>();
        for (int j = 0; j < r.thresholds.length; j++) {
            if (r.untuned[j]) {
                untuned.add(labels.get(j));
            }
        }
        return new Tuned(r.thresholds, untuned);
    }

    /** {@link #tune(float[][], boolean[][], List, Objective)} with the default objective, F1. */
    public static Tuned tune(float[][] p, boolean[][] truth, List<String> labels) {
        return tune(p, truth, labels, Objective.DEFAULT);
    }

    private record Result(double[] thresholds, boolean[] untuned) {
    }

    private static Result search(float[][] p, boolean[][] truth, Objective objective, List<String> labels) {
        if (objective == null) {
            throw new IllegalArgumentException("objective: null, expected F1, BALANCED_ACCURACY or ACCURACY");
        }
        int width = MultiLabelChecks.probabilities(p, "validation probabilities");
        MultiLabelChecks.sameShape(truth, "validation truth", p.length, width, "validation probabilities");
        if (labels != null) {
            MultiLabelChecks.labels(labels, width);
        }
        double[] thresholds = new double[width];
        boolean[] untuned = new boolean[width];
        long[] keys = new long[p.length];
        for (int j = 0; j < width; j++) {
            int positives = 0;
            for (int i = 0; i < p.length; i++) {
                // Non-negative floats order like their bit patterns; +0 replaces -0. The low bit carries the truth.
                float v = p[i][j] == 0f ? 0f : p[i][j];
                keys[i] = ((long) Float.floatToIntBits(v) << 1) | (truth[i][j] ? 1 : 0);
                positives += truth[i][j] ? 1 : 0;
            }
            int negatives = p.length - positives;
            if (positives == 0 || negatives == 0) {
                thresholds[j] = DEFAULT_THRESHOLD;
                untuned[j] = true;
            } else {
                Arrays.sort(keys);
                thresholds[j] = best(keys, positives, negatives, objective);
            }
        }
        return new Result(thresholds, untuned);
    }

    /** The best threshold over the sorted keys of one label, which has both positives and negatives. */
    private static double best(long[] keys, long positives, long negatives, Objective objective) {
        int n = keys.length;
        // Predicted present = every item at or above the threshold; start with the threshold below everything.
        long tp = positives;
        long fp = negatives;
        Candidate best = null;
        float first = valueOf(keys[0]);
        if (first > 0f) {
            best = Candidate.better(best, new Candidate(first / 2.0, tp, fp, positives, negatives, objective));
        }
        int i = 0;
        while (i < n) {
            float v = valueOf(keys[i]);
            while (i < n && valueOf(keys[i]) == v) {
                if ((keys[i] & 1) == 1) {
                    tp--;
                } else {
                    fp--;
                }
                i++;
            }
            double next = i < n ? valueOf(keys[i]) : 1.0;
            if (next > v) {
                best = Candidate.better(best, new Candidate(((double) v + next) / 2.0, tp, fp, positives, negatives,
                        objective));
            }
        }
        return best.threshold;
    }

    private static float valueOf(long key) {
        return Float.intBitsToFloat((int) (key >>> 1));
    }

    /** One threshold and its objective as an exact fraction {@code numerator / denominator}. */
    private record Candidate(double threshold, long numerator, long denominator) {
        Candidate(double threshold, long tp, long fp, long positives, long negatives, Objective objective) {
            this(threshold, numerator(tp, fp, positives, negatives, objective),
                    denominator(tp, fp, positives, negatives, objective));
        }

        private static long numerator(long tp, long fp, long positives, long negatives, Objective objective) {
            long tn = negatives - fp;
            return switch (objective) {
                case F1 -> 2 * tp;
                case BALANCED_ACCURACY -> tp * negatives + tn * positives;
                case ACCURACY -> tp + tn;
            };
        }

        private static long denominator(long tp, long fp, long positives, long negatives, Objective objective) {
            long fn = positives - tp;
            // F1 = 2TP / (2TP + FP + FN), never 0/0 here since positives > 0; BA = (TP N + TN P) / (2 P N).
            return switch (objective) {
                case F1 -> 2 * tp + fp + fn;
                case BALANCED_ACCURACY -> 2 * positives * negatives;
                case ACCURACY -> positives + negatives;
            };
        }

        static Candidate better(Candidate incumbent, Candidate challenger) {
            if (incumbent == null) {
                return challenger;
            }
            // Exact comparison of a/b and c/d with b, d > 0. Balanced accuracy has one denominator per label, so its
            // numerators (at most 2 n^2 for n items) are compared directly; F1 terms are at most 3 n, so the cross
            // products (at most 9 n^2) fit a long as well.
            int byScore = challenger.denominator == incumbent.denominator
                    ? Long.compare(challenger.numerator, incumbent.numerator)
                    : Long.compare(challenger.numerator * incumbent.denominator,
                            incumbent.numerator * challenger.denominator);
            if (byScore != 0) {
                return byScore > 0 ? challenger : incumbent;
            }
            double dc = Math.abs(challenger.threshold - DEFAULT_THRESHOLD);
            double di = Math.abs(incumbent.threshold - DEFAULT_THRESHOLD);
            if (dc != di) {
                return dc < di ? challenger : incumbent;
            }
            return challenger.threshold < incumbent.threshold ? challenger : incumbent;
        }
    }
}
