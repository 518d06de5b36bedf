package org.cadenza.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One figure over repeated trials (seed 001's "Final Test Accuracy Ratings (20 Trials)": mean, median, min, max),
 * plus the sample standard deviation.
 *
 * @param count             number of trials, >= 1
 * @param mean              arithmetic mean
 * @param median            middle value (mean of the two middle ones for an even count)
 * @param min               smallest value
 * @param max               largest value
 * @param standardDeviation sample standard deviation (n - 1 in the denominator; 0 for one trial)
 */
public record TrialSummary(int count, double mean, double median, double min, double max, double standardDeviation) {

    /** @param values one result per trial, finite, at least one */
    public static TrialSummary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no trial results to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (!Double.isFinite(sorted[0]) || !Double.isFinite(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("trial results must be finite: " + Arrays.toString(values));
        }
        int n = sorted.length;
        double mean = Arrays.stream(sorted).sum() / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        return new TrialSummary(n, mean, median, sorted[0], sorted[n - 1], n == 1 ? 0 : Math.sqrt(squares / (n - 1)));
    }

    /** @param values one result per trial */
    public static TrialSummary of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * A Markdown table like seed 001's figure 3: one row per measurement (mean, median, minimum, maximum, standard
     * deviation), one column per figure, values shown as percentages with one decimal.
     *
     * @param figures figure name (e.g. "piece accuracy") to its summary, in column order; values are fractions
     */
    public static String markdownTable(Map<String, TrialSummary> figures) {
        var sb = new StringBuilder("| measurement |");
        figures.keySet().forEach(k -> sb.append(' ').append(k).append(" |"));
        sb.append("\n|---|");
        figures.keySet().forEach(k -> sb.append("---:|"));
        sb.append('\n');
        row(sb, "trials", figures, s -> Integer.toString(s.count()));
        row(sb, "mean", figures, s -> percent(s.mean()));
        row(sb, "median", figures, s -> percent(s.median()));
        row(sb, "minimum", figures, s -> percent(s.min()));
        row(sb, "maximum", figures, s -> percent(s.max()));
        row(sb, "standard deviation", figures, s -> percent(s.standardDeviation()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Map<String, TrialSummary> figures,
                            java.util.function.Function<TrialSummary, String> value) {
        sb.append("| ").append(name).append(" |");
        figures.values().forEach(s -> sb.append(' ').append(value.apply(s)).append(" |"));
        sb.append('\n');
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
