package org.cadenza.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.eval.plot.ConfusionMatrixPlot;
import org.cadenza.io.Parameters;

/**
 * An evaluation's figures at window and piece level beside the dummy baselines, and the files that show them:
 * report.md, report.html, metrics.json, CSVs and PNGs in one folder.
 *
 * <pre>{@code
 * ReportFiles files = EvaluationReport.builder()
 *         .setPredictions(predictions)                          // every test window
 *         .setTrainingCounts(trainWindowsPerClass, trainPiecesPerClass)
 *         .optDescription(Map.of("model", "resnet", "windows", "3 s, hop 1.5 s, first 180 s"))
 *         .optLearningCurves(runDir.resolve("history.csv"))
 *         .build()
 *         .write(runDir.resolve("report"));
 * }</pre>
 */
public final class EvaluationReport {

    /** Rows of the top-losses table unless said otherwise: 20. */
    public static final int DEFAULT_TOP_LOSSES = 20;
    /**
     * Below this many evaluated pieces the headline carries a warning: with N pieces one piece moves the piece
     * figures by 100 / N points.
     */
    public static final int FEW_PIECES = 20;

    private final String title;
    private final String evaluatedSet;
    private final Map<String, String> description;
    private final Predictions predictions;
    private final ClassificationReport windowReport;
    private final ClassificationReport pieceReport;
    private final DummyBaselines windowBaselines;
    private final DummyBaselines pieceBaselines;
    private final List<TopLoss> topLosses;
    private final long mostConfusedMinCount;
    private final Optional<Path> learningCurvesCsv;
    private final Optional<Path> lrFinderCsv;
    private final Map<String, TrialSummary> trials;

    private EvaluationReport(Builder b) {
        this.title = b.title;
        this.evaluatedSet = b.evaluatedSet;
        this.description = b.description;
        this.predictions = Objects.requireNonNull(b.predictions, "setPredictions is required");
        if (b.trainWindowCounts == null || b.trainPieceCounts == null) {
            throw new IllegalArgumentException("setTrainingCounts is required: every figure stands beside the dummy baselines");
        }
        List<String> classes = predictions.classNames();
        this.windowReport = ClassificationReport.of(classes, predictions.truth(Level.WINDOW), predictions.scores(Level.WINDOW), b.topK);
        this.pieceReport = ClassificationReport.of(classes, predictions.truth(Level.PIECE), predictions.scores(Level.PIECE), b.topK);
        this.windowBaselines = DummyBaselines.of(classes, b.trainPieceCounts, b.trainWindowCounts,
                predictions.truth(Level.WINDOW), b.topK);
        this.pieceBaselines = DummyBaselines.of(classes, b.trainPieceCounts, b.trainWindowCounts,
                predictions.truth(Level.PIECE), b.topK);
        this.topLosses = TopLosses.of(predictions, b.topLosses);
        this.mostConfusedMinCount = b.mostConfusedMinCount;
        this.learningCurvesCsv = b.learningCurvesCsv;
        this.lrFinderCsv = b.lrFinderCsv;
        this.trials = b.trials;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the report with the defaults and writes it into {@code dir}.
     *
     * @param trainWindowCounts training windows per class, before oversampling (the dummy baselines)
     * @param trainPieceCounts  training pieces per class (the dummy baselines)
     * @param description       the run, as key/value pairs shown in order (model, data, split, windowing, seed...)
     */
    public static ReportFiles write(Path dir, Predictions predictions, long[] trainWindowCounts, long[] trainPieceCounts,
                                    Map<String, String> description) throws IOException {
        return builder().setPredictions(predictions).setTrainingCounts(trainWindowCounts, trainPieceCounts)
                .optDescription(description).build().write(dir);
    }

    public String title() {
        return title;
    }

    public Map<String, String> description() {
        return description;
    }

    public Predictions predictions() {
        return predictions;
    }

    /** @return the figures at a level */
    public ClassificationReport report(Level level) {
        return level == Level.WINDOW ? windowReport : pieceReport;
    }

    /**
     * @return the dummy baselines on a level's test items: the same three dummies at every level (most frequent by
     *     training pieces, most frequent by training windows, stratified), see {@link DummyBaselines}
     */
    public DummyBaselines baselines(Level level) {
        return level == Level.WINDOW ? windowBaselines : pieceBaselines;
    }

    /** @return the windows with the highest loss */
    public List<TopLoss> topLosses() {
        return topLosses;
    }

    /** @return the most-confused pairs at a level, with the report's minimum count */
    public List<ConfusedPair> mostConfused(Level level) {
        return MostConfused.of(report(level).confusion(), mostConfusedMinCount);
    }

    public Map<String, TrialSummary> trials() {
        return trials;
    }

    /**
     * Writes the report into {@code dir} (created if missing; files of an earlier report there are replaced):
     * report.md, report.html, metrics.json, predictions-windows.csv, predictions-pieces.csv, per-class-{level}.csv,
     * confusion-{level}.csv (counts), confusion-{level}-normalised.csv, confusion-{level}.png, most-confused-{level}.csv,
     * top-losses.csv, and learning-curves.png / lr-find.png when their CSVs were given.
     */
    public ReportFiles write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        ReportDocument doc = new ReportDocument(title);

        if (!description.isEmpty()) {
            doc.heading("Run");
            List<List<String>> rows = new ArrayList<>();
            description.forEach((k, v) -> rows.add(List.of(k, v)));
            doc.table(List.of("setting", "value"), rows);
        }

        doc.heading("Headline");
        doc.paragraph(String.format(Locale.ROOT, "%d %s pieces, %d %s windows, %d classes. A piece's prediction is the"
                        + " class with the highest mean log-probability over all its windows (probabilities floored at 1e-6)."
                        + " The same three dummy baselines stand beside the figures of both levels, fit on the training"
                        + " split before any oversampling: always '%s' (the class with most training pieces), always"
                        + " '%s' (the class with most training windows), and stratified (the exact expectation of"
                        + " guessing with the class prior of the training pieces).",
                pieceReport.count(), evaluatedSet, windowReport.count(), evaluatedSet, predictions.numClasses(),
                pieceBaselines.byPieces().predictedClass(), pieceBaselines.byWindows().predictedClass()));
        smallSetWarning().ifPresent(doc::paragraph);
        doc.table(List.of("figure", "model", "most frequent by pieces ('" + pieceBaselines.byPieces().predictedClass()
                        + "')", "most frequent by windows ('" + pieceBaselines.byWindows().predictedClass() + "')",
                        "stratified"), headlineRows(), false, true, true, true, true);

        predictions.writeCsv(add(written, dir, "predictions-windows.csv"));
        writePieceCsv(add(written, dir, "predictions-pieces.csv"));
        for (Level level : List.of(Level.PIECE, Level.WINDOW)) {
            ClassificationReport r = report(level);
            String name = level.label();
            doc.heading("Per class, " + name + " level");
            List<List<String>> rows = new ArrayList<>();
            for (ClassMetrics m : r.perClass()) {
                rows.add(List.of(m.name(), Long.toString(m.support()), Long.toString(m.predicted()), pct(m.precision()),
                        pct(m.recall()), pct(m.f1())));
            }
            doc.table(List.of("class", name + "s", "predicted", "precision", "recall", "F1"), rows,
                    false, true, true, true, true, true);
            writePerClassCsv(r, add(written, dir, "per-class-" + name + ".csv"));

            doc.subheading("Confusion matrix, " + name + " level");
            r.confusion().writeCsv(add(written, dir, "confusion-" + name + ".csv"));
            r.confusion().writeRowNormalisedCsv(add(written, dir, "confusion-" + name + "-normalised.csv"));
            ConfusionMatrixPlot.writePng(r.confusion(), add(written, dir, "confusion-" + name + ".png"),
                    "Confusion, " + name + " level (% of each true class)");
            doc.image("confusion-" + name + ".png", "confusion matrix, " + name + " level");
            doc.links(List.of(new String[] {"counts (CSV)", "confusion-" + name + ".csv"},
                    new String[] {"row-normalised (CSV)", "confusion-" + name + "-normalised.csv"},
                    new String[] {"per class (CSV)", "per-class-" + name + ".csv"}));

            List<ConfusedPair> confused = mostConfused(level);
            doc.subheading("Most confused, " + name + " level (count >= " + mostConfusedMinCount + ")");
            List<List<String>> pairRows = new ArrayList<>();
            for (ConfusedPair p : confused) {
                pairRows.add(List.of(p.trueClass(), p.predictedClass(), Long.toString(p.count())));
            }
            if (pairRows.isEmpty()) {
                doc.paragraph("No pair of classes was confused that often.");
            } else {
                doc.table(List.of("true", "predicted", "count"), pairRows, false, false, true);
            }
            writeCsv(add(written, dir, "most-confused-" + name + ".csv"), List.of("true", "predicted", "count"),
                    confused.stream().map(p -> List.<Object>of(p.trueClass(), p.predictedClass(), p.count())).toList());
        }

        doc.heading("Top losses");
        doc.paragraph("The windows with the highest loss -ln(p(true)), probabilities floored at 1e-6.");
        List<List<String>> lossRows = new ArrayList<>();
        for (TopLoss t : topLosses) {
            lossRows.add(List.of(t.file(), String.format(Locale.ROOT, "%.1f", t.startSeconds()), t.trueClass(),
                    t.predictedClass(), String.format(Locale.ROOT, "%.4f", t.pTrue()), String.format(Locale.ROOT, "%.2f", t.loss())));
        }
        doc.table(List.of("file", "start (s)", "true", "predicted", "p(true)", "loss"), lossRows,
                false, true, false, false, true, true);
        writeCsv(add(written, dir, "top-losses.csv"),
                List.of("file", "piece_id", "start_seconds", "true", "predicted", "p_true", "loss"),
                topLosses.stream().map(t -> List.<Object>of(t.file(), t.pieceId(), t.startSeconds(), t.trueClass(),
                        t.predictedClass(), t.pTrue(), t.loss())).toList());

        if (!trials.isEmpty()) {
            doc.heading("Trials");
            List<String> header = new ArrayList<>(List.of("measurement"));
            header.addAll(trials.keySet());
            List<List<String>> rows = new ArrayList<>();
            rows.add(trialRow("trials", s -> Integer.toString(s.count())));
            rows.add(trialRow("mean", s -> pct(s.mean())));
            rows.add(trialRow("median", s -> pct(s.median())));
            rows.add(trialRow("minimum", s -> pct(s.min())));
            rows.add(trialRow("maximum", s -> pct(s.max())));
            rows.add(trialRow("standard deviation", s -> pct(s.standardDeviation())));
            boolean[] numeric = new boolean[header.size()];
            java.util.Arrays.fill(numeric, 1, numeric.length, true);
            doc.table(header, rows, numeric);
        }

        if (learningCurvesCsv.isPresent() || lrFinderCsv.isPresent()) {
            doc.heading("Training");
        }
        if (learningCurvesCsv.isPresent()) {
            LearningCurves curves = LearningCurves.read(learningCurvesCsv.get());
            curves.writePng(add(written, dir, "learning-curves.png"), "Learning curves");
            Files.copy(learningCurvesCsv.get(), add(written, dir, "learning-curves.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            doc.image("learning-curves.png", "loss and accuracy against epoch");
            doc.links(List.<String[]>of(new String[] {"per epoch (CSV)", "learning-curves.csv"}));
        }
        if (lrFinderCsv.isPresent()) {
            LrFinderCurve.read(lrFinderCsv.get()).writePng(add(written, dir, "lr-find.png"), "Learning-rate finder");
            doc.image("lr-find.png", "loss against learning rate");
        }

        doc.heading("Files");
        List<String[]> links = new ArrayList<>();
        links.add(new String[] {"metrics.json", "metrics.json"});
        for (Path p : written) {
            String f = p.getFileName().toString();
            if (f.endsWith(".csv")) {
                links.add(new String[] {f, f});
            }
        }
        doc.links(links);

        Path json = add(written, dir, "metrics.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), toJson());
        Path md = add(written, dir, "report.md");
        Files.writeString(md, doc.toMarkdown(), StandardCharsets.UTF_8);
        Path html = add(written, dir, "report.html");
        Files.writeString(html, doc.toHtml(), StandardCharsets.UTF_8);
        return new ReportFiles(md, html, json, written);
    }

    /**
     * @return when fewer than {@value #FEW_PIECES} pieces were evaluated, the warning the headline carries:
     *     {@code "Warning: only 3 test pieces: each piece figure can move by ±33.3 points with one piece."}
     */
    public Optional<String> smallSetWarning() {
        long n = pieceReport.count();
        if (n >= FEW_PIECES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Warning: only %d %s piece%s: each piece figure can move by "
                + "±%.1f points with one piece.", n, evaluatedSet, n == 1 ? "" : "s", 100.0 / n));
    }

    /** @return everything metrics.json holds, as maps and lists (what Jackson writes) */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        root.put("description", description);
        root.put("classes", predictions.classNames());
        smallSetWarning().ifPresent(w -> root.put("warning", w));
        for (Level level : List.of(Level.PIECE, Level.WINDOW)) {
            ClassificationReport r = report(level);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", r.count());
            m.put("accuracy", r.accuracy());
            m.put("balanced_accuracy", r.balancedAccuracy());
            m.put("top_k", r.topK());
            m.put("top_k_accuracy", r.topKAccuracy());
            m.put("macro_f1", r.macroF1());
            m.put("baselines", baselines(level));
            m.put("per_class", r.perClass());
            m.put("confusion", r.confusion().counts());
            m.put("most_confused", mostConfused(level));
            root.put(level.label(), m);
        }
        root.put("most_confused_min_count", mostConfusedMinCount);
        root.put("top_losses", topLosses);
        if (!trials.isEmpty()) {
            root.put("trials", trials);
        }
        return root;
    }

    private List<List<String>> headlineRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Level level : List.of(Level.PIECE, Level.WINDOW)) {
            ClassificationReport r = report(level);
            DummyBaselines d = baselines(level);
            String n = level.label();
            long correct = r.confusion().correct();
            rows.add(List.of(n + " accuracy", pct(r.accuracy()) + " (" + correct + "/" + r.count() + ")",
                    pct(d.byPieces().accuracy()), pct(d.byWindows().accuracy()), pct(d.stratifiedAccuracy())));
            rows.add(List.of(n + " balanced accuracy", pct(r.balancedAccuracy()), pct(d.byPieces().balancedAccuracy()),
                    pct(d.byWindows().balancedAccuracy()), pct(d.stratifiedBalancedAccuracy())));
            rows.add(List.of(n + " top-" + r.topK() + " accuracy", pct(r.topKAccuracy()),
                    pct(d.byPieces().topKAccuracy()), pct(d.byWindows().topKAccuracy()), "—"));
        }
        return rows;
    }

    private List<String> trialRow(String name, java.util.function.Function<TrialSummary, String> value) {
        List<String> row = new ArrayList<>();
        row.add(name);
        trials.values().forEach(s -> row.add(value.apply(s)));
        return row;
    }

    private void writePieceCsv(Path csv) throws IOException {
        List<String> header = new ArrayList<>(List.of("piece_id", "true_class", "predicted_class", "windows", "files"));
        predictions.classNames().forEach(c -> header.add("mean_log_p_" + c));
        List<List<Object>> rows = new ArrayList<>();
        for (PiecePrediction p : predictions.pieces()) {
            List<Object> row = new ArrayList<>();
            row.add(p.pieceId());
            row.add(predictions.classNames().get(p.trueClass()));
            row.add(predictions.classNames().get(p.predictedClass()));
            row.add(p.windowCount());
            row.add(p.files().size());
            for (double s : p.scores()) {
                row.add(String.format(Locale.ROOT, "%.5f", s));
            }
            rows.add(row);
        }
        writeCsv(csv, header, rows);
    }

    private static void writePerClassCsv(ClassificationReport r, Path csv) throws IOException {
        writeCsv(csv, List.of("class", "support", "predicted", "precision", "recall", "f1"),
                r.perClass().stream().map(m -> List.<Object>of(m.name(), m.support(), m.predicted(),
                        fixed(m.precision()), fixed(m.recall()), fixed(m.f1()))).toList());
    }

    private static void writeCsv(Path csv, List<String> header, List<? extends List<Object>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(out)) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    private static Path add(List<Path> written, Path dir, String name) {
        Path p = dir.resolve(name);
        written.add(p);
        return p;
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    /** Settings of a report: {@code setX} is required, {@code optX} has a default. */
    public static final class Builder {
        private String title = "Evaluation";
        private String evaluatedSet = "test";
        private Map<String, String> description = Map.of();
        private Predictions predictions;
        private long[] trainWindowCounts;
        private long[] trainPieceCounts;
        private int topK = ClassificationReport.DEFAULT_TOP_K;
        private int topLosses = DEFAULT_TOP_LOSSES;
        private long mostConfusedMinCount = MostConfused.DEFAULT_MIN_COUNT;
        private Optional<Path> learningCurvesCsv = Optional.empty();
        private Optional<Path> lrFinderCsv = Optional.empty();
        private Map<String, TrialSummary> trials = Map.of();

        private Builder() {
        }

        /** Required: every test window's prediction. */
        public Builder setPredictions(Predictions predictions) {
            this.predictions = predictions;
            return this;
        }

        /**
         * Required: the training label counts the dummy baselines are fit on, in class order (both levels use both).
         *
         * @param windowsPerClass training windows per class, before oversampling (no window counted twice)
         * @param piecesPerClass  training pieces per class
         */
        public Builder setTrainingCounts(long[] windowsPerClass, long[] piecesPerClass) {
            this.trainWindowCounts = windowsPerClass.clone();
            this.trainPieceCounts = piecesPerClass.clone();
            return this;
        }

        /** What the evaluated pieces are called in the headline ("12 blind pieces"); default "test". */
        public Builder optEvaluatedSet(String name) {
            this.evaluatedSet = Objects.requireNonNull(name);
            return this;
        }

        /** The report's title; default "Evaluation". */
        public Builder optTitle(String title) {
            this.title = Objects.requireNonNull(title);
            return this;
        }

        /** The run as key/value pairs, shown in iteration order (use a LinkedHashMap); default none. */
        public Builder optDescription(Map<String, String> description) {
            this.description = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(description));
            return this;
        }

        /** k of top-k accuracy, >= 1; default 3. */
        public Builder optTopK(int topK) {
            this.topK = Parameters.atLeast("topK", topK, 1);
            return this;
        }

        /** Rows of the top-losses table, >= 0; default 20. */
        public Builder optTopLosses(int n) {
            this.topLosses = Parameters.atLeast("top losses", n, 0);
            return this;
        }

        /** Smallest count a most-confused pair needs, >= 0; default 1 (fastai's min_val). */
        public Builder optMostConfusedMinCount(long minCount) {
            this.mostConfusedMinCount = Parameters.atLeast("minimum count", minCount, 0);
            return this;
        }

        /** A per-epoch CSV ({@link LearningCurves#read}); drawn as learning-curves.png. Default none. */
        public Builder optLearningCurves(Path csv) {
            this.learningCurvesCsv = Optional.of(csv);
            return this;
        }

        /** A learning-rate finder CSV ({@link LrFinderCurve#read}); drawn as lr-find.png. Default none. */
        public Builder optLrFinder(Path csv) {
            this.lrFinderCsv = Optional.of(csv);
            return this;
        }

        /** Repeated trials, figure name to summary, shown as a table like seed 001's figure 3; default none. */
        public Builder optTrials(Map<String, TrialSummary> trials) {
            this.trials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trials));
            return this;
        }

        public EvaluationReport build() {
            return new EvaluationReport(this);
        }
    }
}
