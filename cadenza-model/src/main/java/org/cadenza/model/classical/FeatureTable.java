package org.cadenza.model.classical;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table of numeric features with one label per row: the input of {@link ClassicalModel#train}.
 *
 * @param featureNames the column names, unique and not blank
 * @param rows         one {@code double[featureNames.size()]} per item (a window or a piece), finite values; the
 *                     arrays are copied, so later changes to the caller's arrays do not reach the table
 * @param labels       one class name per row, aligned with {@code rows}
 */
public record FeatureTable(List<String> featureNames, List<double[]> rows, List<String> labels) {

    /** @throws IllegalArgumentException saying which row or column is wrong and how */
    public FeatureTable {
        if (featureNames == null || featureNames.isEmpty()) {
            throw new IllegalArgumentException("a feature table needs at least one feature name");
        }
        if (rows == null || labels == null) {
            throw new IllegalArgumentException("a feature table needs rows and labels (empty lists for none)");
        }
        featureNames = List.copyOf(featureNames);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < featureNames.size(); c++) {
            String name = featureNames.get(c);
            if (name.isBlank()) {
                throw new IllegalArgumentException("feature name " + c + " is blank");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature name '" + name + "' appears twice (columns must be unique)");
            }
        }
        if (rows.size() != labels.size()) {
            throw new IllegalArgumentException("rows and labels are not aligned: " + rows.size() + " rows but "
                    + labels.size() + " labels");
        }
        int width = featureNames.size();
        double[][] copies = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            copies[r] = checkedRow(rows.get(r), r, featureNames);
            String label = labels.get(r);
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("row " + r + " has no label");
            }
        }
        rows = List.of(copies);
        labels = List.copyOf(labels);
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /** @return the number of columns */
    public int width() {
        return featureNames.size();
    }

    /** Checks one row's width and values against the column names; returns a copy. */
    static double[] checkedRow(double[] row, int index, List<String> featureNames) {
        if (row == null) {
            throw new IllegalArgumentException("row " + index + " is missing (null)");
        }
        if (row.length != featureNames.size()) {
            throw new IllegalArgumentException("row " + index + " has " + row.length + " values but the table has "
                    + featureNames.size() + " features (rows must all have the same width)");
        }
        for (int c = 0; c < row.length; c++) {
            if (!Double.isFinite(row[c])) {
                throw new IllegalArgumentException("row " + index + ", feature '" + featureNames.get(c) + "' is "
                        + row[c] + " (values must be finite)");
            }
        }
        return row.clone();
    }
}
