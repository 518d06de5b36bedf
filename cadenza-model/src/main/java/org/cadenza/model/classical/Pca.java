package org.cadenza.model.classical;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * Principal component analysis: the eigenvectors of the sample covariance matrix (divided by n - 1), computed by
 * Tribuo's symmetric eigendecomposition ({@link DenseMatrix#eigenDecomposition()}), sorted by decreasing
 * eigenvalue. Each component's sign is fixed so that its largest-magnitude coordinate is positive, so the same data
 * give the same projection.
 */
public final class Pca {

    private final double[] mean;
    /** [component][feature], unit vectors, by decreasing variance. */
    private final double[][] components;
    private final double[] variances;

    Pca(double[] mean, double[][] components, double[] variances) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
    }

    /**
     * @param rows at least two rows of the same width, finite values
     * @return the components of the rows' covariance
     * @throws IllegalArgumentException for fewer than two rows, ragged rows or non-finite values
     */
    public static Pca fit(List<double[]> rows) {
        if (rows == null || rows.size() < 2) {
            throw new IllegalArgumentException("PCA needs at least two rows, got " + (rows == null ? 0 : rows.size()));
        }
        int d = rows.get(0).length;
        if (d == 0) {
            throw new IllegalArgumentException("PCA needs at least one column");
        }
        ColumnStatistics stats = new ColumnStatistics(d, true);
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            if (row.length != d) {
                throw new IllegalArgumentException("PCA: row " + r + " has " + row.length + " values, row 0 has " + d);
            }
            for (int c = 0; c < d; c++) {
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException("PCA: row " + r + ", column " + c + " is " + row[c]);
                }
            }
            stats.add(row);
        }
        return fromCovariance(stats.mean(), stats.sampleCovariance());
    }

    /** The components of a known covariance matrix (symmetric, d x d) around a known mean. */
    static Pca fromCovariance(double[] mean, double[][] covariance) {
        int d = mean.length;
        DenseMatrix cov = DenseMatrix.createDenseMatrix(covariance);
        DenseMatrix.EigenDecomposition eig = cov.eigenDecomposition()
                .orElseThrow(() -> new IllegalArgumentException("PCA: the covariance matrix is not symmetric"));
        DenseVector values = eig.eigenvalues();
        DenseMatrix vectors = eig.eigenvectors();
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values.get(i)).reversed());
        double[][] components = new double[d][d];
        double[] variances = new double[d];
        for (int k = 0; k < d; k++) {
            int col = order[k];
            variances[k] = Math.max(0, values.get(col));
            double norm = 0;
            int largest = 0;
            for (int f = 0; f < d; f++) {
                components[k][f] = vectors.get(f, col);
                norm += components[k][f] * components[k][f];
                if (Math.abs(components[k][f]) > Math.abs(components[k][largest])) {
                    largest = f;
                }
            }
            double scale = (components[k][largest] < 0 ? -1 : 1) / Math.sqrt(norm);
            for (int f = 0; f < d; f++) {
                components[k][f] *= scale;
            }
        }
        return new Pca(mean.clone(), components, variances);
    }

    /**
     * @return each component's share of the total variance, by decreasing share; sums to 1 (all zeros when the data
     *     have no variance at all)
     */
    public double[] explainedVarianceRatio() {
        double total = Arrays.stream(variances).sum();
        double[] ratios = new double[variances.length];
        if (total > 0) {
            for (int k = 0; k < ratios.length; k++) {
                ratios[k] = variances[k] / total;
            }
        }
        return ratios;
    }

    /**
     * @param fraction a share of the variance in (0, 1]
     * @return the fewest leading components whose explained variance reaches {@code fraction} (at least 1; a
     *     relative tolerance of 1e-9 absorbs rounding, so exactly 9/14 + 4/14 reaches 13/14)
     */
    public int componentsFor(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the variance fraction must be in (0, 1], got " + fraction);
        }
        double[] ratios = explainedVarianceRatio();
        double sum = 0;
        for (int k = 0; k < ratios.length; k++) {
            sum += ratios[k];
            if (sum >= fraction - 1e-9) {
                return k + 1;
            }
        }
        return ratios.length;
    }

    /** @return the number of input columns */
    public int dimensions() {
        return mean.length;
    }

    /**
     * @param row        a row of {@link #dimensions()} values
     * @param components how many leading components to keep, 1 to {@link #dimensions()}
     * @return the row's coordinates on those components (the row minus the mean, dotted with each component)
     */
    public double[] transform(double[] row, int components) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("PCA: the row has " + row.length + " values, the PCA was fitted on "
                    + mean.length);
        }
        if (components < 1 || components > mean.length) {
            throw new IllegalArgumentException("PCA: components must be in 1.." + mean.length + ", got " + components);
        }
        double[] out = new double[components];
        for (int k = 0; k < components; k++) {
            double s = 0;
            double[] v = this.components[k];
            for (int f = 0; f < row.length; f++) {
                s += (row[f] - mean[f]) * v[f];
            }
            out[k] = s;
        }
        return out;
    }

    double[] mean() {
        return mean.clone();
    }

    double[][] components() {
        double[][] copy = new double[components.length][];
        for (int k = 0; k < copy.length; k++) {
            copy[k] = components[k].clone();
        }
        return copy;
    }

    double[] variances() {
        return variances.clone();
    }
}
