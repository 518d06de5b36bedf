package org.cadenza.eval.multilabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Drops the labels (instrument families) present in too few pieces to be learnt or measured, as seed 002 did; issue
 * 7 sets the bar at {@link #DEFAULT_MIN_PIECES} = 10 pieces. The dropped labels are returned with their counts so
 * that the report can say what was left out.
 */
public final class RareLabelFilter {

    /** Issue 7's bar: labels present in fewer than 10 pieces are dropped. */
    public static final int DEFAULT_MIN_PIECES = 10;

    /**
     * The outcome of {@link #filter}.
     *
     * @param minPieces the bar: a label was kept when present in at least this many pieces
     * @param kept      names of the kept labels, in their original column order
     * @param columns   original column index of each kept label, ascending; pass to {@link #keepColumns}
     * @param dropped   dropped label name -> number of pieces it is present in, in original column order
     */
    public record Filtered(int minPieces, List<String> kept, int[] columns, Map<String, Integer> dropped) {
        /** Copies the arguments. */
        public Filtered {
            kept = List.copyOf(kept);
            columns = columns.clone();
            dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        }

        /** @return a copy of the kept column indices */
        @Override
        public int[] columns() {
            return columns.clone();
        }

        /**
         * One line for a report, e.g. {@code "dropped 2 of 5 labels present in fewer than 10 pieces: harp (3),
         * voice (0)"}, or {@code "no label present in fewer than 10 pieces"}.
         */
        public String summary() {
            if (dropped.isEmpty()) {
                return "no label present in fewer than " + minPieces + " pieces";
            }
            StringJoiner list = new StringJoiner(", ");
            dropped.forEach((label, pieces) -> list.add(label + " (" + pieces + ")"));
            return "dropped " + dropped.size() + " of " + (dropped.size() + kept.size())
                    + " labels present in fewer than " + minPieces + " pieces: " + list;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Filtered f && minPieces == f.minPieces && kept.equals(f.kept)
                    && Arrays.equals(columns, f.columns) && dropped.equals(f.dropped);
        }

        @Override
        public int hashCode() {
            return ((31 * minPieces + kept.hashCode()) * 31 + Arrays.hashCode(columns)) * 31 + dropped.hashCode();
        }

        @Override
        public String toString() {
            return "Filtered[minPieces=" + minPieces + ", kept=" + kept + ", columns=" + Arrays.toString(columns)
                    + ", dropped=" + dropped + "]";
        }
    }

    private RareLabelFilter() {
    }

    /**
     * Keeps the labels present in at least {@code minPieces} pieces.
     *
     * @param labels        label names in column order, distinct
     * @param truthPerPiece [piece][label] whether the label sounds anywhere in the piece; one row per PIECE (a
     *                      per-window matrix would count windows, not pieces). Usually the training split, or the
     *                      whole corpus as seed 002 did
     * @param minPieces     the bar, at least 1; {@link #DEFAULT_MIN_PIECES} is 10
     * @return kept labels and columns, dropped labels with their counts (possibly every label)
     */
    public static Filtered filter(List<String> labels, boolean[][] truthPerPiece, int minPieces) {
        if (minPieces < 1) {
            throw new IllegalArgumentException("minPieces: expected at least 1, got " + minPieces);
        }
        int width = MultiLabelChecks.truth(truthPerPiece, "truth per piece");
        MultiLabelChecks.labels(labels, width);
        List<String> kept = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        Map<String, Integer> dropped = new LinkedHashMap<>();
        for (int j = 0; j < width; j++) {
            int pieces = 0;
            for (boolean[] row : truthPerPiece) {
                pieces += row[j] ? 1 : 0;
            }
            if (pieces >= minPieces) {
                kept.add(labels.get(j));
                columns.add(j);
            } else {
                dropped.put(labels.get(j), pieces);
            }
        }
        return new Filtered(minPieces, kept, columns.stream().mapToInt(Integer::intValue).toArray(), dropped);
    }

    /** {@link #filter(List, boolean[][], int)} at {@link #DEFAULT_MIN_PIECES}. */
    public static Filtered filter(List<String> labels, boolean[][] truthPerPiece) {
        return filter(labels, truthPerPiece, DEFAULT_MIN_PIECES);
    }

    /**
     * The given columns of a truth matrix, in the given order.
     *
     * @param m       [item][label] matrix, rectangular
     * @param columns column indices of {@code m} to keep, e.g. {@link Filtered#columns()}; may be empty
     * @return [item][columns.length]
     */
    public static boolean[][] keepColumns(boolean[][] m, int[] columns) {
        int width = MultiLabelChecks.truth(m, "matrix");
        checkColumns(columns, width);
        boolean[][] out = new boolean[m.length][columns.length];
        for (int i = 0; i < m.length; i++) {
            for (int k = 0; k < columns.length; k++) {
                out[i][k] = m[i][columns[k]];
            }
        }
        return out;
    }

    /**
     * The given columns of a probability matrix, in the given order.
     *
     * @param m       [item][label] sigmoid outputs, each in [0, 1]
     * @param columns column indices of {@code m} to keep, e.g. {@link Filtered#columns()}; may be empty
     * @return [item][columns.length]
     */
    public static float[][] keepColumns(float[][] m, int[] columns) {
        int width = MultiLabelChecks.probabilities(m, "probabilities");
        checkColumns(columns, width);
        float[][] out = new float[m.length][columns.length];
        for (int i = 0; i < m.length; i++) {
            for (int k = 0; k < columns.length; k++) {
                out[i][k] = m[i][columns[k]];
            }
        }
        return out;
    }

    private static void checkColumns(int[] columns, int width) {
        if (columns == null) {
            throw new IllegalArgumentException("columns: null, expected the column indices to keep");
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] < 0 || columns[k] >= width) {
                throw new IllegalArgumentException("columns: entry " + k + " is " + columns[k]
                        + ", outside the matrix's columns [0, " + (width - 1) + "]");
            }
        }
    }
}
