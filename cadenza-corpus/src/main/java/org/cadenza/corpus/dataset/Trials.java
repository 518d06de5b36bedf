package org.cadenza.corpus.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * Repeated trials with different seeds, summarised as seed 001's figure 3 does (mean, median, minimum, maximum).
 */
public final class Trials {

    private Trials() {
    }

    /**
     * The summary of {@code k} trials.
     *
     * @param seeds  the seed of each trial, in order
     * @param values the measured value of each trial (e.g. test accuracy in [0, 1])
     */
    public record Summary(List<Long> seeds, List<Double> values) {
        public Summary {
            seeds = List.copyOf(seeds);
            values = List.copyOf(values);
            if (values.isEmpty() || seeds.size() != values.size()) {
                throw new IllegalArgumentException("Trials.Summary: need one value per seed and at least one trial, "
                        + "got " + seeds.size() + " seeds and " + values.size() + " values");
            }
        }

        /** Number of trials. */
        public int count() {
            return values.size();
        }

        /** Arithmetic mean. */
        public double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        /** Median (the mean of the two middle values for an even count). */
        public double median() {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        /** Smallest value. */
        public double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        /** Largest value. */
        public double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }

        /** Sample standard deviation (n - 1 in the denominator; 0 for one trial). */
        public double stdDev() {
            if (values.size() < 2) {
                return 0;
            }
            double m = mean();
            double ss = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
            return Math.sqrt(ss / (values.size() - 1));
        }

        /**
         * Seed 001's figure 3 as text, values as percentages:
         * <pre>
         * Final test accuracy (20 trials)
         * Mean      52.1%
         * ...
         * </pre>
         *
         * @param what the measured quantity, e.g. "test accuracy"
         */
        public String toText(String what) {
            return String.format(Locale.ROOT, "%s (%d trial%s)%nMean     %5.1f%%%nMedian   %5.1f%%%n"
                            + "Minimum  %5.1f%%%nMaximum  %5.1f%%%nStd dev  %5.1f points%n", what, count(),
                    count() == 1 ? "" : "s", 100 * mean(), 100 * median(), 100 * min(), 100 * max(), 100 * stdDev());
        }
    }

    /** The seeds of {@code k} trials: {@code firstSeed, firstSeed + 1, ...}. */
    public static long[] seeds(int k, long firstSeed) {
        if (k < 1) {
            throw new IllegalArgumentException("Trials: need at least one trial, got " + k);
        }
        long[] s = new long[k];
        for (int i = 0; i < k; i++) {
            s[i] = firstSeed + i;
        }
        return s;
    }

    /**
     * Runs {@code trial} once per seed ({@link #seeds}) in order and summarises the results.
     *
     * @param trial seed -&gt; measured value (e.g. builds the dataset with {@link DatasetSpec#withSeed}, trains,
     *              returns the test accuracy)
     */
    public static Summary run(int k, long firstSeed, LongToDoubleFunction trial) {
        Objects.requireNonNull(trial, "trial");
        long[] seeds = seeds(k, firstSeed);
        Double[] values = new Double[k];
        for (int i = 0; i < k; i++) {
            values[i] = trial.applyAsDouble(seeds[i]);
        }
        return new Summary(Arrays.stream(seeds).boxed().toList(), Arrays.asList(values));
    }
}
