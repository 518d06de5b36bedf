package org.cadenza.model.classical;

import java.util.List;
import java.util.Optional;

/**
 * What a model does to a row before its learner sees it: scaling ((x - center) / scale per column), then an optional
 * projection on the leading {@code components} of a PCA fitted on the scaled training rows.
 */
record Preprocessing(double[] center, double[] scale, Optional<Pca> pca, int components) {

    /** Fits scaling on these rows (the training rows only) and PCA on the scaled rows when the config asks. */
    static Preprocessing fit(List<double[]> rows, int width, ClassicalConfig config) {
        ColumnStatistics stats = new ColumnStatistics(width, false);
        rows.forEach(stats::add);
        return fromStatistics(stats, config, scaled -> Pca.fit(scaled), rows);
    }

    /** Scaling from running statistics, PCA from their covariance (the incremental route's first pass). */
    static Preprocessing fromStatistics(ColumnStatistics stats, ClassicalConfig config) {
        return fromStatistics(stats, config, null, null);
    }

    private static Preprocessing fromStatistics(ColumnStatistics stats, ClassicalConfig config,
                                                java.util.function.Function<List<double[]>, Pca> pcaOnRows,
                                                List<double[]> rows) {
        int width = stats.width();
        double[] center = new double[width];
        double[] scale = new double[width];
        java.util.Arrays.fill(scale, 1.0);
        if (config.scaling() == Scaling.STANDARD) {
            center = stats.mean();
            double[] sd = stats.standardDeviation();
            for (int c = 0; c < width; c++) {
                scale[c] = sd[c] > 1e-12 * Math.max(1, Math.abs(center[c])) ? sd[c] : 1.0;
            }
        }
        if (config.pcaVariance().isEmpty()) {
            return new Preprocessing(center, scale, Optional.empty(), width);
        }
        Pca pca;
        if (pcaOnRows != null) {
            Preprocessing scaling = new Preprocessing(center, scale, Optional.empty(), width);
            pca = pcaOnRows.apply(rows.stream().map(scaling::apply).toList());
        } else {
            double[][] cov = stats.sampleCovariance();
            double[] rawMean = stats.mean();
            double[] mean = new double[width];
            for (int i = 0; i < width; i++) {
                mean[i] = (rawMean[i] - center[i]) / scale[i];
                for (int j = 0; j < width; j++) {
                    cov[i][j] /= scale[i] * scale[j];
                }
            }
            pca = Pca.fromCovariance(mean, cov);
        }
        int k = pca.componentsFor(config.pcaVariance().getAsDouble());
        return new Preprocessing(center, scale, Optional.of(pca), k);
    }

    /** @return the number of values the learner sees */
    int outputWidth() {
        return pca.isPresent() ? components : center.length;
    }

    /** @return the learner's feature names: the table's own, or {@code pc001...} after PCA */
    List<String> outputNames(List<String> featureNames) {
        if (pca.isEmpty()) {
            return featureNames;
        }
        int digits = Math.max(3, Integer.toString(components).length());
        return java.util.stream.IntStream.range(0, components)
                .mapToObj(k -> String.format(java.util.Locale.ROOT, "pc%0" + digits + "d", k + 1)).toList();
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = (row[c] - center[c]) / scale[c];
        }
        return pca.isPresent() ? pca.get().transform(out, components) : out;
    }
}
