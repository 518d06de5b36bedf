package org.cadenza.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Counts of (true class, predicted class): row = true class, column = predicted class, both in the order of
 * {@link #classNames()}.
 */
public final class ConfusionMatrix {

    private final List<String> classNames;
    private final long[][] counts;

    /**
     * @param classNames the classes, in row and column order
     * @param counts     square, {@code counts[true][predicted] >= 0}; copied
     */
    public ConfusionMatrix(List<String> classNames, long[][] counts) {
        this.classNames = List.copyOf(classNames);
        int n = this.classNames.size();
        if (counts.length != n) {
            throw new IllegalArgumentException(counts.length + " rows for " + n + " classes");
        }
        this.counts = new long[n][];
        for (int t = 0; t < n; t++) {
            if (counts[t].length != n) {
                throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " columns for " + n + " classes");
            }
            for (long v : counts[t]) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative count " + v + " in row " + t);
                }
            }
            this.counts[t] = counts[t].clone();
        }
    }

    /** @return the matrix of true against predicted class indices */
    public static ConfusionMatrix of(List<String> classNames, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " items, predictions " + predicted.length);
        }
        long[][] counts = new long[classNames.size()][classNames.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classNames, counts);
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** @return how many items of class {@code trueClass} were predicted as {@code predictedClass} */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** @return a copy of the counts, {@code [true][predicted]} */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** @return the number of items of a true class (its row sum) */
    public long support(int trueClass) {
        long sum = 0;
        for (long v : counts[trueClass]) {
            sum += v;
        }
        return sum;
    }

    /** @return how often a class was predicted (its column sum) */
    public long predictedCount(int predictedClass) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[predictedClass];
        }
        return sum;
    }

    /** @return the number of items */
    public long total() {
        long sum = 0;
        for (int t = 0; t < counts.length; t++) {
            sum += support(t);
        }
        return sum;
    }

    /** @return the number of correctly classified items (the diagonal) */
    public long correct() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /**
     * @return each row divided by its sum, so a row holds where the items of a true class went (the diagonal is
     *     the class's recall); a row without items is all 0
     */
    public double[][] rowNormalised() {
        double[][] out = new double[counts.length][counts.length];
        for (int t = 0; t < counts.length; t++) {
            long support = support(t);
            for (int p = 0; p < counts.length; p++) {
                out[t][p] = support == 0 ? 0 : (double) counts[t][p] / support;
            }
        }
        return out;
    }

    /** Writes the counts: header {@code true\predicted,<classes>}, then one row per true class. */
    public void writeCsv(Path csv) throws IOException {
        write(csv, false);
    }

    /** Writes {@link #rowNormalised()} with 4 decimals, in the layout of {@link #writeCsv}. */
    public void writeRowNormalisedCsv(Path csv) throws IOException {
        write(csv, true);
    }

    private void write(Path csv, boolean normalised) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("true\\predicted");
        header.addAll(classNames);
        double[][] shares = rowNormalised();
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(out)) {
            for (int t = 0; t < counts.length; t++) {
                List<Object> row = new ArrayList<>();
                row.add(classNames.get(t));
                for (int p = 0; p < counts.length; p++) {
                    row.add(normalised ? String.format(Locale.ROOT, "%.4f", shares[t][p]) : Long.toString(counts[t][p]));
                }
                printer.printRecord(row);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && classNames.equals(m.classNames) && java.util.Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return classNames.hashCode() * 31 + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("ConfusionMatrix").append(classNames);
        for (long[] row : counts) {
            sb.append('\n').append(java.util.Arrays.toString(row));
        }
        return sb.toString();
    }
}
