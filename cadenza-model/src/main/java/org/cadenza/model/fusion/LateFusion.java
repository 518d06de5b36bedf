package org.cadenza.model.fusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.cadenza.model.run.RunManifest;

/**
 * Late fusion of log-probabilities: the fused score of class {@code c} for an item (a file or a piece) is
 * {@code scale * sum_m weights[m] * s_m[c]}, where {@code s_m} is member {@code m}'s mean log-probability of the item
 * over its windows; the fused probabilities are its softmax. The weights lie on the simplex (non-negative, summing to
 * 1) and, with the temperature-like {@code scale}, are chosen to minimise the mean negative log-likelihood of the
 * true classes of the <em>validation</em> items: {@link #fit} sees nothing else, so the test split can never leak
 * into them.
 *
 * <p>The search is exhaustive over a grid: weights in steps of {@value #STEP} (0.1 above {@value #FINE_MEMBERS}
 * members) times {@code scale} in {@link #SCALES}. Ties (within 1e-9) go to the higher validation accuracy, then to
 * the weights closest to uniform. A grid is enough: with a few dozen validation pieces, finer weights would only fit
 * noise.
 *
 * <p><b>Prior correction</b> (logit adjustment, Menon et al., "Long-tail learning via logit adjustment", ICLR 2021):
 * members trained on unbalanced classes favour the big ones, which costs the small classes their recall. The fused
 * score subtracts {@code priorCorrection * log(classPrior[c])}, where {@code classPrior} is the share of each class
 * among the training files: 0 leaves the members' priors as they are, 1 divides them out (the Bayes rule for
 * balanced accuracy when the members are calibrated). After the weights and scale, {@link #fit} chooses it on the
 * same validation items from {@link #CORRECTIONS}, maximising the mean of accuracy and balanced accuracy (the two
 * figures every table reports; balanced accuracy alone would give up too much of the first); ties go to the smaller
 * correction, so a fusion whose validation gains nothing from it keeps 0. Without a prior (runs made before it
 * existed) the correction is 0.
 *
 * @param members           the members' names (run folders), in the order of {@link #weights}
 * @param classes           the classes every member predicts, in score order
 * @param weights           one weight per member, &ge; 0, summing to 1
 * @param scale             multiplies the weighted sum before the softmax, &gt; 0
 * @param classPrior        each class's share of the training files (sums to 1; null: uniform, no correction)
 * @param priorCorrection   how much of {@code log classPrior} the fused score subtracts, &ge; 0
 * @param validationItems   validation items the weights were fit on
 * @param validationNll     the fused mean negative log-likelihood on them (before the prior correction)
 * @param validationAccuracy the fused accuracy on them (after it)
 * @param validationBalancedAccuracy the fused balanced accuracy on them (after it): the mean recall of the classes
 *                          they hold
 * @param memberAccuracy    each member's own accuracy on them
 */
public record LateFusion(List<String> members, List<String> classes, double[] weights, double scale,
                         double[] classPrior, double priorCorrection,
                         int validationItems, double validationNll, double validationAccuracy,
                         double validationBalancedAccuracy, double[] memberAccuracy) {

    /** Grid step of the weights. */
    public static final double STEP = 0.05;
    /** Members up to which the fine step is used. */
    public static final int FINE_MEMBERS = 4;
    /** Scales tried. */
    public static final List<Double> SCALES = List.of(0.25, 0.5, 1.0, 2.0, 4.0);
    /** Prior corrections tried: 0 to 2 in steps of 0.05. */
    public static final List<Double> CORRECTIONS = java.util.stream.IntStream.rangeClosed(0, 40)
            .mapToObj(i -> i / 20.0).toList();
    /** The smallest class share the correction takes a logarithm of (a class without training files). */
    private static final double MIN_PRIOR = 1e-6;

    public LateFusion {
        members = List.copyOf(members);
        classes = List.copyOf(classes);
        weights = weights.clone();
        memberAccuracy = memberAccuracy.clone();
        if (classPrior == null) {
            classPrior = new double[classes.size()];
            Arrays.fill(classPrior, 1.0 / Math.max(1, classes.size()));
        } else {
            classPrior = classPrior.clone();
        }
        if (classPrior.length != classes.size()) {
            throw new IllegalArgumentException(classPrior.length + " class shares for " + classes.size()
                    + " classes");
        }
        if (!(priorCorrection >= 0)) {
            throw new IllegalArgumentException("the prior correction must be >= 0, got " + priorCorrection);
        }
        if (weights.length != members.size() || memberAccuracy.length != members.size() || members.isEmpty()) {
            throw new IllegalArgumentException("one weight and one accuracy per member expected: " + members.size()
                    + " members, " + weights.length + " weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must be >= 0, got " + Arrays.toString(weights));
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-6 || !(scale > 0)) {
            throw new IllegalArgumentException("weights must sum to 1 and scale be > 0, got "
                    + Arrays.toString(weights) + ", " + scale);
        }
    }

    /**
     * Fits the weights on validation items.
     *
     * @param members the members' names
     * @param classes the classes (the same for every member)
     * @param scores  per member, {@code [item][class]} mean log-probabilities of the validation items
     * @param truth   the true class of each validation item
     * @param classPrior each class's share of the training files, or null for no prior correction
     */
    public static LateFusion fit(List<String> members, List<String> classes, List<double[][]> scores, int[] truth,
                                 double[] classPrior) {
        Objects.requireNonNull(truth, "truth");
        int m = members.size();
        if (m == 0 || scores.size() != m) {
            throw new IllegalArgumentException(scores.size() + " score tables for " + m + " members");
        }
        int n = truth.length;
        if (n == 0) {
            throw new IllegalArgumentException("no validation items to fit the fusion weights on");
        }
        for (int k = 0; k < m; k++) {
            if (scores.get(k).length != n) {
                throw new IllegalArgumentException("member " + members.get(k) + " scores " + scores.get(k).length
                        + " validation items, expected " + n);
            }
            for (double[] row : scores.get(k)) {
                if (row.length != classes.size()) {
                    throw new IllegalArgumentException("member " + members.get(k) + " gives " + row.length
                            + " scores per item, expected " + classes.size() + " classes");
                }
            }
        }
        double[] memberAccuracy = new double[m];
        for (int k = 0; k < m; k++) {
            memberAccuracy[k] = accuracy(scores.get(k), truth);
        }
        double step = m <= FINE_MEMBERS ? STEP : 0.1;
        int units = (int) Math.round(1 / step);
        double[] best = null;
        double bestScale = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        double bestAcc = -1;
        double bestSpread = Double.POSITIVE_INFINITY;
        for (int[] grid : compositions(units, m)) {
            double[] w = new double[m];
            for (int k = 0; k < m; k++) {
                w[k] = grid[k] / (double) units;
            }
            double[][] fused = combineAll(scores, w, 1.0);
            double acc = accuracy(fused, truth);
            double spread = 0;
            for (double x : w) {
                spread += (x - 1.0 / m) * (x - 1.0 / m);
            }
            for (double scale : SCALES) {
                double nll = nll(fused, truth, scale);
                boolean better = nll < bestNll - 1e-9
                        || (Math.abs(nll - bestNll) <= 1e-9 && (acc > bestAcc + 1e-12
                        || (Math.abs(acc - bestAcc) <= 1e-12 && spread < bestSpread - 1e-12)));
                if (better) {
                    best = w;
                    bestScale = scale;
                    bestNll = nll;
                    bestAcc = acc;
                    bestSpread = spread;
                }
            }
        }
        double[] prior = classPrior == null ? null : normalised(classPrior, classes.size());
        double[][] fused = combineAll(scores, best, bestScale);
        double bestCorrection = 0;
        double bestObjective = Double.NEGATIVE_INFINITY;
        double bestBalanced = balancedAccuracy(fused, truth);
        double[] logPrior = prior == null ? null : logOf(prior);
        for (double tau : prior == null ? List.of(0.0) : CORRECTIONS) {
            double[][] corrected = Arrays.stream(fused).map(row -> corrected(row, logPrior, tau))
                    .toArray(double[][]::new);
            double acc = accuracy(corrected, truth);
            double bal = balancedAccuracy(corrected, truth);
            if ((acc + bal) / 2 > bestObjective + 1e-12) {
                bestObjective = (acc + bal) / 2;
                bestCorrection = tau;
                bestAcc = acc;
                bestBalanced = bal;
            }
        }
        return new LateFusion(members, classes, best, bestScale, prior, bestCorrection, n, bestNll, bestAcc,
                bestBalanced, memberAccuracy);
    }

    /** The same weights, scale, prior correction and validation figures over other member runs (one per member). */
    public LateFusion withMembers(List<String> others) {
        return new LateFusion(others, classes, weights, scale, classPrior, priorCorrection, validationItems,
                validationNll, validationAccuracy, validationBalancedAccuracy, memberAccuracy);
    }

    /** Each class's share of {@code counts} (per class, in order), for {@link #fit}'s prior. */
    public static double[] shares(long[] counts) {
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no training counts to take class shares of");
        }
        double[] out = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            out[c] = counts[c] / total;
        }
        return out;
    }

    private static double[] normalised(double[] prior, int classes) {
        if (prior.length != classes) {
            throw new IllegalArgumentException(prior.length + " class shares for " + classes + " classes");
        }
        double sum = Arrays.stream(prior).sum();
        if (!(sum > 0) || Arrays.stream(prior).anyMatch(p -> !(p >= 0))) {
            throw new IllegalArgumentException("class shares must be >= 0 and not all 0: " + Arrays.toString(prior));
        }
        return Arrays.stream(prior).map(p -> p / sum).toArray();
    }

    /** {@code log classPrior}, each share floored at {@value #MIN_PRIOR}. */
    private static double[] logOf(double[] prior) {
        return Arrays.stream(prior).map(p -> Math.log(Math.max(p, MIN_PRIOR))).toArray();
    }

    /** One item's fused scores less {@code tau} times the log prior ({@code row} itself when {@code tau} is 0). */
    private static double[] corrected(double[] row, double[] logPrior, double tau) {
        if (tau == 0) {
            return row;
        }
        double[] out = row.clone();
        for (int c = 0; c < out.length; c++) {
            out[c] -= tau * logPrior[c];
        }
        return out;
    }

    /** The fused scores (log-probabilities up to a constant) of one item from each member's scores. */
    public double[] combine(List<double[]> memberScores) {
        if (memberScores.size() != members.size()) {
            throw new IllegalArgumentException(memberScores.size() + " members' scores, expected " + members.size());
        }
        double[] out = new double[classes.size()];
        for (int k = 0; k < weights.length; k++) {
            double[] s = memberScores.get(k);
            for (int c = 0; c < out.length; c++) {
                out[c] += scale * weights[k] * s[c];
            }
        }
        return corrected(out, logOf(classPrior), priorCorrection);
    }

    /** Writes this into {@code runDir}'s run manifest. */
    public void save(Path runDir) {
        RunManifest.put(runDir, RunManifest.Section.FUSION, this);
    }

    /** Reads it from {@code runDir}'s run manifest (or the fusion.json of an older run). */
    public static LateFusion load(Path runDir) {
        return RunManifest.require(runDir, RunManifest.Section.FUSION, LateFusion.class);
    }

    private static double[][] combineAll(List<double[][]> scores, double[] w, double scale) {
        int n = scores.get(0).length;
        int c = scores.get(0)[0].length;
        double[][] out = new double[n][c];
        for (int k = 0; k < w.length; k++) {
            if (w[k] == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    out[i][j] += scale * w[k] * scores.get(k)[i][j];
                }
            }
        }
        return out;
    }

    private static double nll(double[][] fused, int[] truth, double scale) {
        double sum = 0;
        for (int i = 0; i < fused.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : fused[i]) {
                max = Math.max(max, scale * v);
            }
            double z = 0;
            for (double v : fused[i]) {
                z += Math.exp(scale * v - max);
            }
            sum += -(scale * fused[i][truth[i]] - max - Math.log(z));
        }
        return sum / fused.length;
    }

    /** The index of the largest score (the first on ties). */
    private static int argmax(double[] scores) {
        int arg = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[arg]) {
                arg = j;
            }
        }
        return arg;
    }

    private static double accuracy(double[][] scores, int[] truth) {
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            right += argmax(scores[i]) == truth[i] ? 1 : 0;
        }
        return right / (double) scores.length;
    }

    /** The mean recall of the classes {@code truth} holds. */
    private static double balancedAccuracy(double[][] scores, int[] truth) {
        Map<Integer, int[]> perClass = new TreeMap<>(); // class -> {right, items}
        for (int i = 0; i < scores.length; i++) {
            int[] c = perClass.computeIfAbsent(truth[i], k -> new int[2]);
            c[0] += argmax(scores[i]) == truth[i] ? 1 : 0;
            c[1]++;
        }
        return perClass.values().stream().mapToDouble(c -> c[0] / (double) c[1]).average().orElse(0);
    }

    /** Every way of writing {@code total} as an ordered sum of {@code parts} non-negative integers. */
    static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        compose(total, parts, new int[parts], 0, out);
        return out;
    }

    private static void compose(int left, int parts, int[] acc, int at, List<int[]> out) {
        if (at == parts - 1) {
            acc[at] = left;
            out.add(acc.clone());
            return;
        }
        for (int v = 0; v <= left; v++) {
            acc[at] = v;
            compose(left - v, parts, acc, at + 1, out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LateFusion f && members.equals(f.members) && classes.equals(f.classes)
                && Arrays.equals(weights, f.weights) && scale == f.scale && Arrays.equals(classPrior, f.classPrior)
                && priorCorrection == f.priorCorrection && validationItems == f.validationItems;
    }

    @Override
    public int hashCode() {
        return Objects.hash(members, classes, Arrays.hashCode(weights), scale, Arrays.hashCode(classPrior),
                priorCorrection, validationItems);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("late fusion: ");
        for (int k = 0; k < members.size(); k++) {
            b.append(k == 0 ? "" : " + ").append(String.format(java.util.Locale.ROOT, "%.2f x %s", weights[k],
                    members.get(k)));
        }
        return b.append(String.format(java.util.Locale.ROOT, ", scale %.2f, prior correction %.2f (fit on %d"
                + " validation items: accuracy %.1f %%, balanced %.1f %%, NLL %.3f)", scale, priorCorrection,
                validationItems, 100 * validationAccuracy, 100 * validationBalancedAccuracy, validationNll))
                .toString();
    }
}
