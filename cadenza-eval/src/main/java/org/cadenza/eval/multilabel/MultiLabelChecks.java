package org.cadenza.eval.multilabel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of the matrices of this package at its boundary; every message names the matrix, item and label. */
final class MultiLabelChecks {

    private MultiLabelChecks() {
    }

    /**
     * Checks that {@code p} is a non-empty rectangular [item][label] matrix of values in [0, 1].
     *
     * @return the number of labels (columns)
     */
    static int probabilities(float[][] p, String what) {
        int width = rectangular(p == null ? null : p.length, what, i -> p[i] == null ? -1 : p[i].length);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < width; j++) {
                float v = p[i][j];
                if (Float.isNaN(v)) {
                    throw new IllegalArgumentException(what + ": item " + i + ", label " + j + " is NaN"
                            + " (probabilities must be sigmoid outputs in [0, 1])");
                }
                if (!(v >= 0f && v <= 1f)) {
                    throw new IllegalArgumentException(what + ": item " + i + ", label " + j + " is " + v
                            + ", outside [0, 1] (pass sigmoid outputs, not logits)");
                }
            }
        }
        return width;
    }

    /**
     * Checks that {@code t} is a non-empty rectangular [item][label] matrix.
     *
     * @return the number of labels (columns)
     */
    static int truth(boolean[][] t, String what) {
        return rectangular(t == null ? null : t.length, what, i -> t[i] == null ? -1 : t[i].length);
    }

    /** Checks that {@code t} is rectangular with exactly {@code items} rows and {@code width} columns. */
    static void sameShape(boolean[][] t, String what, int items, int width, String other) {
        int w = truth(t, what);
        if (t.length != items || w != width) {
            throw new IllegalArgumentException(what + " is " + t.length + " items x " + w + " labels but " + other
                    + " is " + items + " items x " + width + " labels: both must describe the same items and labels");
        }
    }

    /** Checks one threshold per label, each in [0, 1]. */
    static void thresholds(double[] thresholds, int width) {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds: null, expected one per label (" + width + ")");
        }
        if (thresholds.length != width) {
            throw new IllegalArgumentException("thresholds: " + thresholds.length + " thresholds for " + width
                    + " labels, expected one per label");
        }
        for (int j = 0; j < width; j++) {
            double t = thresholds[j];
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("thresholds: label " + j + " has threshold " + t
                        + ", expected a number in [0, 1] (present = probability >= threshold)");
            }
        }
    }

    /** Checks one distinct, non-blank name per column. */
    static void labels(List<String> labels, int width) {
        if (labels == null) {
            throw new IllegalArgumentException("labels: null, expected one name per column (" + width + ")");
        }
        if (labels.size() != width) {
            throw new IllegalArgumentException("labels: " + labels.size() + " names " + labels + " for " + width
                    + " columns, expected one name per column in column order");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < width; j++) {
            String name = labels.get(j);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("labels: column " + j + " has no name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("labels: '" + name + "' names two columns (the second is column "
                        + j + "); label names must be distinct");
            }
        }
    }

    private interface RowWidth {
        int of(int row);
    }

    private static int rectangular(Integer rows, String what, RowWidth width) {
        if (rows == null) {
            throw new IllegalArgumentException(what + ": null matrix");
        }
        if (rows == 0) {
            throw new IllegalArgumentException(what + ": no items (the matrix has 0 rows)");
        }
        int w = width.of(0);
        if (w < 0) {
            throw new IllegalArgumentException(what + ": item 0 is null");
        }
        if (w == 0) {
            throw new IllegalArgumentException(what + ": no labels (item 0 has 0 columns)");
        }
        for (int i = 1; i < rows; i++) {
            int wi = width.of(i);
            if (wi < 0) {
                throw new IllegalArgumentException(what + ": item " + i + " is null");
            }
            if (wi != w) {
                throw new IllegalArgumentException(what + ": item " + i + " has " + wi + " labels but item 0 has " + w
                        + "; the matrix must be rectangular [item][label]");
            }
        }
        return w;
    }
}
