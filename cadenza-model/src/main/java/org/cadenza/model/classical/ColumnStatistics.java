package org.cadenza.model.classical;

/**
 * Running column statistics over rows seen one at a time (Welford's update, numerically stable): the count, each
 * column's mean and population variance, and optionally the full covariance (d x d co-moments, for PCA). Used for
 * the first pass of {@link IncrementalTraining}, where the rows never sit in memory together.
 */
public final class ColumnStatistics {

    private final int width;
    private final boolean withCovariance;
    private long count;
    private final double[] mean;
    private final double[] m2;
    private final double[][] comoment;

    /**
     * @param width          the number of columns
     * @param withCovariance whether to keep the co-moments for {@link #sampleCovariance()} (d x d doubles, O(d^2)
     *                       per row)
     */
    public ColumnStatistics(int width, boolean withCovariance) {
        if (width < 1) {
            throw new IllegalArgumentException("column statistics need at least one column, got " + width);
        }
        this.width = width;
        this.withCovariance = withCovariance;
        this.mean = new double[width];
        this.m2 = new double[width];
        this.comoment = withCovariance ? new double[width][width] : null;
    }

    /** Adds one row of {@link #width()} finite values. */
    public void add(double[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row of " + row.length + " values, the statistics have " + width
                    + " columns");
        }
        count++;
        double[] deltaBefore = new double[width];
        for (int c = 0; c < width; c++) {
            deltaBefore[c] = row[c] - mean[c];
            mean[c] += deltaBefore[c] / count;
            m2[c] += deltaBefore[c] * (row[c] - mean[c]);
        }
        if (withCovariance) {
            for (int i = 0; i < width; i++) {
                double di = deltaBefore[i];
                double[] line = comoment[i];
                for (int j = 0; j < width; j++) {
                    // Welford's co-moment: (x_i - old mean_i) * (x_j - new mean_j)
                    line[j] += di * (row[j] - mean[j]);
                }
            }
        }
    }

    /** @return the number of columns */
    public int width() {
        return width;
    }

    /** @return the number of rows added */
    public long count() {
        return count;
    }

    /** @return each column's mean (zeros before any row) */
    public double[] mean() {
        return mean.clone();
    }

    /** @return each column's population standard deviation (divided by n, as scikit-learn's StandardScaler) */
    public double[] standardDeviation() {
        double[] sd = new double[width];
        for (int c = 0; c < width; c++) {
            sd[c] = count == 0 ? 0 : Math.sqrt(m2[c] / count);
        }
        return sd;
    }

    /** @return the covariance matrix divided by n - 1 (symmetrised) */
    public double[][] sampleCovariance() {
        if (!withCovariance) {
            throw new IllegalStateException("these statistics were made without covariance");
        }
        if (count < 2) {
            throw new IllegalStateException("a covariance needs at least two rows, got " + count);
        }
        double[][] cov = new double[width][width];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                cov[i][j] = 0.5 * (comoment[i][j] + comoment[j][i]) / (count - 1);
            }
        }
        return cov;
    }
}
