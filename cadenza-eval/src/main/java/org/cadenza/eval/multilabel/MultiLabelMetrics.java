package org.cadenza.eval.multilabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figures of multi-label instrument recognition: exact-match ratio, Hamming loss, micro- and macro-averaged
 * precision, recall and F1, a per-instrument table, and seed 002's "perfect prediction".
 *
 * <p>Decision rule: a label is present when {@code probability >= threshold} (see {@link ThresholdTuning}).
 *
 * <p><b>Zero division.</b> As scikit-learn's {@code zero_division=0}: a precision with no predicted positive
 * ({@code TP + FP = 0}), a recall with no true positive ({@code TP + FN = 0}) and an F1 with
 * {@code 2 TP + FP + FN = 0} are 0, never NaN. F1 is computed as {@code 2 TP / (2 TP + FP + FN)}, which equals the
 * harmonic mean of precision and recall whenever both are defined, and is 0 when either is 0. Macro averages are
 * unweighted means over <em>all</em> labels, those with no support included (they count 0), again as scikit-learn.
 */
public final class MultiLabelMetrics {

    private MultiLabelMetrics() {
    }

    /**
     * Figures of one label (instrument family).
     *
     * @param label          the label's name
     * @param threshold      its decision threshold; present = {@code p >= threshold}
     * @param support        items where it truly sounds, {@code TP + FN}
     * @param predicted      items where it is predicted present, {@code TP + FP}
     * @param truePositives  items where it both sounds and is predicted, {@code TP}
     * @param precision      {@code TP / (TP + FP)}, 0 when nothing is predicted
     * @param recall         {@code TP / (TP + FN)}, 0 when the support is 0
     * @param f1             {@code 2 TP / (2 TP + FP + FN)}, 0 when that denominator is 0
     */
    public record LabelMetrics(String label, double threshold, int support, int predicted, int truePositives,
                               double precision, double recall, double f1) {
    }

    /**
     * All figures of one evaluation.
     *
     * @param items           number of items evaluated (pieces or windows)
     * @param exactMatchRatio share of items whose whole predicted set equals the true set (seed 002's figure), in
     *                        [0, 1]
     * @param hammingLoss     share of wrong item x label cells, in [0, 1]
     * @param microPrecision  precision of the pooled cells, {@code sum TP / sum (TP + FP)}
     * @param microRecall     recall of the pooled cells, {@code sum TP / sum (TP + FN)}
     * @param microF1         F1 of the pooled cells, {@code 2 sum TP / (2 sum TP + sum FP + sum FN)}
     * @param macroPrecision  unweighted mean of the per-label precisions
     * @param macroRecall     unweighted mean of the per-label recalls
     * @param macroF1         unweighted mean of the per-label F1
     * @param perLabel        figures of each label, in column order
     */
    public record Report(int items, double exactMatchRatio, double hammingLoss,
                         double microPrecision, double microRecall, double microF1,
                         double macroPrecision, double macroRecall, double macroF1,
                         List<LabelMetrics> perLabel) {
        /** Copies the per-label list. */
        public Report {
            perLabel = List.copyOf(perLabel);
        }

        /**
         * A Markdown per-instrument table (threshold, support, predicted, precision, recall, F1) followed by the
         * summary lines (items, exact-match ratio, Hamming loss, micro and macro averages). Figures with three
         * decimals.
         */
        public String toMarkdown() {
            StringBuilder md = new StringBuilder();
            md.append("| instrument | threshold | support | predicted | precision | recall | F1 |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (LabelMetrics m : perLabel) {
                md.append(String.format(Locale.ROOT, "| %s | %.3f | %d | %d | %.3f | %.3f | %.3f |%n", m.label(),
                        m.threshold(), m.support(), m.predicted(), m.precision(), m.recall(), m.f1()));
            }
            md.append('\n');
            md.append(String.format(Locale.ROOT, "- items: %d%n", items));
            md.append(String.format(Locale.ROOT, "- exact-match ratio: %.3f%n", exactMatchRatio));
            md.append(String.format(Locale.ROOT, "- Hamming loss: %.3f%n", hammingLoss));
            md.append(String.format(Locale.ROOT, "- micro precision / recall / F1: %.3f / %.3f / %.3f%n",
                    microPrecision, microRecall, microF1));
            md.append(String.format(Locale.ROOT, "- macro precision / recall / F1: %.3f / %.3f / %.3f%n",
                    macroPrecision, macroRecall, macroF1));
            return md.toString();
        }

        /**
         * A Markdown summary row for comparing a model with its baselines:
         * {@code | name | items | exact match | Hamming loss | micro F1 | macro F1 |}.
         */
        public String toMarkdownRow(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |", name, items, exactMatchRatio,
                    hammingLoss, microF1, macroF1);
        }

        /** The header and separator lines that go above {@link #toMarkdownRow} rows. */
        public static String markdownHeader() {
            return "| predictor | items | exact-match ratio | Hamming loss | micro F1 | macro F1 |\n"
                    + "|---|---:|---:|---:|---:|---:|";
        }
    }

    /**
     * The predicted sets: {@code decide[i][j] = probabilities[i][j] >= thresholds[j]}.
     *
     * @param probabilities [item][label] sigmoid outputs, each in [0, 1]
     * @param thresholds    one per label, each in [0, 1]
     * @return [item][label] present / absent
     * @throws IllegalArgumentException on bad shapes or values
     */
    public static boolean[][] decide(float[][] probabilities, double[] thresholds) {
        int width = MultiLabelChecks.probabilities(probabilities, "probabilities");
        MultiLabelChecks.thresholds(thresholds, width);
        boolean[][] out = new boolean[probabilities.length][width];
        for (int i = 0; i < probabilities.length; i++) {
            for (int j = 0; j < width; j++) {
                out[i][j] = probabilities[i][j] >= thresholds[j];
            }
        }
        return out;
    }

    /**
     * Evaluates the predictions {@code probabilities >= thresholds} against the truth.
     *
     * @param probabilities [item][label] sigmoid outputs, each in [0, 1]
     * @param truth         [item][label] true labels, same shape
     * @param thresholds    one per label, each in [0, 1]; e.g. from {@link ThresholdTuning#perLabel}
     * @param labels        label names in column order, distinct
     * @return all figures
     * @throws IllegalArgumentException on bad shapes, values, thresholds or labels
     */
    public static Report evaluate(float[][] probabilities, boolean[][] truth, double[] thresholds,
                                  List<String> labels) {
        boolean[][] predicted = decide(probabilities, thresholds);
        int width = predicted[0].length;
        MultiLabelChecks.sameShape(truth, "truth", predicted.length, width, "probabilities");
        MultiLabelChecks.labels(labels, width);
        int items = predicted.length;
        int[] tp = new int[width];
        int[] fp = new int[width];
        int[] fn = new int[width];
        long exact = 0;
        long wrongCells = 0;
        for (int i = 0; i < items; i++) {
            boolean allRight = true;
            for (int j = 0; j < width; j++) {
                boolean p = predicted[i][j];
                boolean t = truth[i][j];
                if (p && t) {
                    tp[j]++;
                } else if (p) {
                    fp[j]++;
                } else if (t) {
                    fn[j]++;
                }
                if (p != t) {
                    allRight = false;
                    wrongCells++;
                }
            }
            if (allRight) {
                exact++;
            }
        }
        List<LabelMetrics> perLabel = new ArrayList<>(width);
        long sumTp = 0;
        long sumFp = 0;
        long sumFn = 0;
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        for (int j = 0; j < width; j++) {
            double precision = ratio(tp[j], tp[j] + fp[j]);
            double recall = ratio(tp[j], tp[j] + fn[j]);
            double f1 = ratio(2L * tp[j], 2L * tp[j] + fp[j] + fn[j]);
            perLabel.add(new LabelMetrics(labels.get(j), thresholds[j], tp[j] + fn[j], tp[j] + fp[j], tp[j],
                    precision, recall, f1));
            sumTp += tp[j];
            sumFp += fp[j];
            sumFn += fn[j];
            sumP += precision;
            sumR += recall;
            sumF += f1;
        }
        return new Report(items, (double) exact / items, (double) wrongCells / ((long) items * width),
                ratio(sumTp, sumTp + sumFp), ratio(sumTp, sumTp + sumFn), ratio(2 * sumTp, 2 * sumTp + sumFp + sumFn),
                sumP / width, sumR / width, sumF / width, perLabel);
    }

    /**
     * Share of items whose predicted set equals the true set exactly (every label right).
     *
     * @param predicted [item][label] predicted sets, e.g. from {@link #decide}
     * @param truth     [item][label] true sets, same shape
     * @return exact-match ratio in [0, 1]
     */
    public static double exactMatchRatio(boolean[][] predicted, boolean[][] truth) {
        int width = MultiLabelChecks.truth(predicted, "predicted sets");
        MultiLabelChecks.sameShape(truth, "truth", predicted.length, width, "predicted sets");
        long exact = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (Arrays.equals(predicted[i], truth[i])) {
                exact++;
            }
        }
        return (double) exact / predicted.length;
    }

    /**
     * Seed 002's "perfect prediction": the share of items whose composer AND every instrument are right.
     *
     * @param predictedComposer predicted composer index per item
     * @param trueComposer      true composer index per item, same length
     * @param predictedSets     [item][label] predicted instrument sets, e.g. from {@link #decide}
     * @param truth             [item][label] true instrument sets, same shape
     * @return share in [0, 1]; never above the exact-match ratio nor the composer accuracy
     * @throws IllegalArgumentException when the four inputs do not describe the same items
     */
    public static double perfectPrediction(int[] predictedComposer, int[] trueComposer, boolean[][] predictedSets,
                                           boolean[][] truth) {
        if (predictedComposer == null || trueComposer == null) {
            throw new IllegalArgumentException("composers: null array");
        }
        int width = MultiLabelChecks.truth(predictedSets, "predicted sets");
        MultiLabelChecks.sameShape(truth, "truth", predictedSets.length, width, "predicted sets");
        int items = predictedSets.length;
        if (predictedComposer.length != items || trueComposer.length != items) {
            throw new IllegalArgumentException(predictedComposer.length + " predicted composers and "
                    + trueComposer.length + " true composers for " + items
                    + " instrument sets: all four inputs must describe the same items");
        }
        long perfect = 0;
        for (int i = 0; i < items; i++) {
            if (predictedComposer[i] == trueComposer[i] && Arrays.equals(predictedSets[i], truth[i])) {
                perfect++;
            }
        }
        return (double) perfect / items;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
