package org.cadenza.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;

/**
 * Every window prediction of one evaluation, with the class names, and its piece-level view.
 *
 * <p>A piece's prediction is the argmax over classes of the mean log-probability over all windows of all its
 * files, probabilities floored at {@link #PROBABILITY_FLOOR} before the log (the asap-composer10 rule).
 *
 * @param classNames the classes, in the order of the probability vectors; unique, not blank
 * @param windows    the window predictions (any order); each has one probability per class
 */
public record Predictions(List<String> classNames, List<WindowPrediction> windows) {

    /** Probabilities are floored here before any log: 1e-6, so one window costs at most 13.8 nats. */
    public static final double PROBABILITY_FLOOR = 1e-6;

    public Predictions {
        classNames = List.copyOf(classNames);
        windows = List.copyOf(windows);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        var seen = new HashSet<String>();
        for (String name : classNames) {
            if (name.isBlank() || !seen.add(name)) {
                throw new IllegalArgumentException("class names must be unique and not blank: " + classNames);
            }
        }
        Map<String, Integer> pieceClass = new HashMap<>();
        for (WindowPrediction w : windows) {
            if (w.numClasses() != classNames.size()) {
                throw new IllegalArgumentException(w.file() + " at " + w.startSeconds() + " s: " + w.numClasses()
                        + " probabilities for " + classNames.size() + " classes " + classNames);
            }
            Integer before = pieceClass.putIfAbsent(w.pieceId(), w.trueClass());
            if (before != null && before != w.trueClass()) {
                throw new IllegalArgumentException("piece " + w.pieceId() + " has windows labelled "
                        + classNames.get(before) + " and " + classNames.get(w.trueClass()) + " (" + w.file() + ")");
            }
        }
    }

    /** @return the number of classes */
    public int numClasses() {
        return classNames.size();
    }

    /** @return the pieces aggregated by mean log-probability, in order of first appearance */
    public List<PiecePrediction> pieces() {
        return pieces(PieceAggregation.MEAN_LOG_PROBABILITY);
    }

    /** @return the pieces aggregated as asked, in order of first appearance */
    public List<PiecePrediction> pieces(PieceAggregation aggregation) {
        int n = numClasses();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LinkedHashMap<String, Boolean>> files = new HashMap<>();
        Map<String, Integer> truth = new HashMap<>();
        for (WindowPrediction w : windows) {
            double[] sum = sums.computeIfAbsent(w.pieceId(), k -> new double[n]);
            if (aggregation == PieceAggregation.MEAN_LOG_PROBABILITY) {
                for (int c = 0; c < n; c++) {
                    sum[c] += Math.log(Math.max(w.probability(c), PROBABILITY_FLOOR));
                }
            } else {
                sum[w.predictedClass()] += 1;
            }
            counts.merge(w.pieceId(), 1, Integer::sum);
            files.computeIfAbsent(w.pieceId(), k -> new LinkedHashMap<>()).put(w.file(), Boolean.TRUE);
            truth.putIfAbsent(w.pieceId(), w.trueClass());
        }
        List<PiecePrediction> out = new ArrayList<>(sums.size());
        for (var e : sums.entrySet()) {
            int count = counts.get(e.getKey());
            double[] mean = e.getValue();
            for (int c = 0; c < n; c++) {
                mean[c] /= count;
            }
            out.add(new PiecePrediction(e.getKey(), truth.get(e.getKey()), count,
                    List.copyOf(files.get(e.getKey()).keySet()), aggregation, mean));
        }
        return out;
    }

    /** @return the true class of every window ({@link Level#WINDOW}) or piece, in the order of {@link #scores} */
    public int[] truth(Level level) {
        return level == Level.WINDOW
                ? windows.stream().mapToInt(WindowPrediction::trueClass).toArray()
                : pieces().stream().mapToInt(PiecePrediction::trueClass).toArray();
    }

    /** @return per item one score per class: window probabilities, or pieces' mean log-probabilities */
    public double[][] scores(Level level) {
        if (level == Level.PIECE) {
            return pieces().stream().map(PiecePrediction::scores).toArray(double[][]::new);
        }
        double[][] out = new double[windows.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] p = windows.get(i).probabilities();
            out[i] = new double[p.length];
            for (int c = 0; c < p.length; c++) {
                out[i][c] = p[c];
            }
        }
        return out;
    }

    /** @return the figures at a level, with top-3 accuracy */
    public ClassificationReport report(Level level) {
        return ClassificationReport.of(classNames, truth(level), scores(level), ClassificationReport.DEFAULT_TOP_K);
    }

    /** @return the class index of a name */
    public int classIndex(String name) {
        int i = classNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown class '" + name + "'; classes are " + classNames);
        }
        return i;
    }

    /**
     * Writes one row per window: {@code file,piece_id,true_class,start_seconds,p_<class>...} (UTF-8, probabilities
     * with 7 significant digits). {@link #readCsv} reads it back.
     */
    public void writeCsv(Path csv) throws IOException {
        List<String> header = new ArrayList<>(List.of("file", "piece_id", "true_class", "start_seconds"));
        classNames.forEach(c -> header.add("p_" + c));
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(out)) {
            for (WindowPrediction w : windows) {
                List<Object> row = new ArrayList<>(header.size());
                row.add(w.file());
                row.add(w.pieceId());
                row.add(classNames.get(w.trueClass()));
                row.add(w.startSeconds());
                for (int c = 0; c < numClasses(); c++) {
                    row.add(String.format(Locale.ROOT, "%.7g", w.probability(c)));
                }
                printer.printRecord(row);
            }
        }
    }

    /**
     * Reads what {@link #writeCsv} wrote: the classes are the {@code p_*} columns in order; other extra columns
     * are ignored.
     *
     * @throws BadInputException naming the file and the line when a column or value is missing or wrong
     */
    public static Predictions readCsv(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in);
            List<String> header = parser.getHeaderNames();
            for (String required : List.of("file", "piece_id", "true_class", "start_seconds")) {
                if (!header.contains(required)) {
                    throw new BadInputException(csv, "no column '" + required + "' in header " + header);
                }
            }
            List<String> classes = header.stream().filter(h -> h.startsWith("p_")).map(h -> h.substring(2)).toList();
            if (classes.isEmpty()) {
                throw new BadInputException(csv, "no probability columns (p_<class>) in header " + header);
            }
            List<WindowPrediction> windows = new ArrayList<>();
            for (CSVRecord r : parser) {
                try {
                    float[] p = new float[classes.size()];
                    for (int c = 0; c < p.length; c++) {
                        p[c] = Float.parseFloat(r.get("p_" + classes.get(c)));
                    }
                    int truth = classes.indexOf(r.get("true_class"));
                    if (truth < 0) {
                        throw new IllegalArgumentException("true class '" + r.get("true_class") + "' is not one of " + classes);
                    }
                    windows.add(new WindowPrediction(r.get("file"), r.get("piece_id"), truth,
                            Double.parseDouble(r.get("start_seconds")), p));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(csv, "line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
            return new Predictions(classes, windows);
        }
    }

    @Override
    public String toString() {
        return "Predictions[" + classNames.size() + " classes, " + windows.size() + " windows]";
    }

}
