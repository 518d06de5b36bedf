package org.cadenza.api.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.Workspace;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Predictions;
import org.cadenza.eval.ReportFiles;
import org.cadenza.eval.WindowPrediction;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.TrainingCounts;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a training run on its held-out test split: every test window is read from the workspace's feature
 * cache, classified, and the report (window and piece level, dummy baselines beside every figure, confusion
 * matrices, top losses, most-confused pairs, learning curves) is written by {@link EvaluationReport}.
 */
public final class RunEvaluation {

    private RunEvaluation() {
    }

    /**
     * @param ws     the workspace the run was trained on
     * @param runDir a folder made by {@link WorkspaceTraining#train}
     * @param outDir where the report goes (created)
     */
    public static ReportFiles evaluate(Workspace ws, Path runDir, Path outDir) {
        return write(report(ws, runDir), outDir);
    }

    /**
     * The report of the run's test split, computed but not written (its figures: {@code report(Level)},
     * {@code baselines(Level)}).
     *
     * @param ws     the workspace the run was trained on
     * @param runDir a folder made by {@link WorkspaceTraining#train}
     */
    public static EvaluationReport report(Workspace ws, Path runDir) {
        ModelBundle bundle = ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR));
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        List<String> classes = bundle.contract().classes();
        List<WindowClassification.Item> items = new ArrayList<>();
        List<CSVRecord> rows = read(runDir.resolve(WorkspaceTraining.TEST_WINDOWS));
        Map<String, String> names = rows.isEmpty() || rows.get(0).isMapped("file_id") ? Map.of()
                : catalogNames(ws, pipeline);
        for (CSVRecord row : rows) {
            items.add(new WindowClassification.Item(row.get("content_hash"), Integer.parseInt(row.get("start_frame")),
                    Integer.parseInt(row.get("label")), row.get("piece_id"),
                    names.getOrDefault(row.get("file"), row.get("file"))));
        }
        List<WindowPrediction> predictions;
        try (Classifier classifier = Classifier.open(bundle)) {
            classifier.check(pipeline.inputContract());
            predictions = WindowClassification.classify(classifier, pipeline, ws.featureCache(), items,
                    item -> "the features of " + item.file() + " are not in " + ws.dir()
                            + ": evaluate on the workspace the run was trained on (`cadenza features` first)");
        }
        if (predictions.isEmpty()) {
            throw new CadenzaException(runDir + ": the test split has no windows to evaluate");
        }
        long[][] counts = trainCounts(runDir, classes);
        Map<String, String> description = describe(runDir, bundle, pipeline);
        EvaluationReport.Builder report = EvaluationReport.builder()
                .setPredictions(new Predictions(classes, predictions))
                .setTrainingCounts(counts[0], counts[1])
                .optTitle("Cadenza evaluation: " + runDir.getFileName())
                .optDescription(description);
        Path history = runDir.resolve("history.csv");
        if (Files.isRegularFile(history)) {
            report.optLearningCurves(history);
        }
        return report.build();
    }

    /**
     * The catalog's path of every file featurised with the run's settings, by the feature-cache path that runs made
     * before {@code test-windows.csv} had a {@code file_id} column wrote in its {@code file} column.
     */
    private static Map<String, String> catalogNames(Workspace ws, PipelineSettings pipeline) {
        Map<String, String> names = new java.util.HashMap<>();
        Map<Long, String> display = new java.util.HashMap<>();
        for (var ref : org.cadenza.corpus.jobs.WindowIndex.list(ws, pipeline.recipe())) {
            String name = display.computeIfAbsent(ref.fileId(), id -> ws.catalog().findById(id)
                    .map(org.cadenza.corpus.catalog.CatalogFile::displayPath).orElse(null));
            if (name != null) {
                names.putIfAbsent(ref.featurePath(), name);
            }
        }
        return names;
    }

    /** The run's settings as the report's "Run" table shows them. */
    static Map<String, String> describe(Path runDir, ModelBundle bundle, PipelineSettings pipeline) {
        Map<String, String> description = new LinkedHashMap<>();
        description.put("run", runDir.toString());
        int members = bundle.contract().members();
        long seed = bundle.contract().seed();
        description.put("architecture", bundle.contract().architecture().name() + (members == 1 ? ", seed " + seed
                : ", an ensemble of " + members + " networks (seeds " + seed + ".." + (seed + members - 1)
                + ", probabilities averaged)"));
        description.put("classes", String.join(", ", bundle.contract().classes()));
        description.put("window", pipeline.window().toString());
        if (pipeline.stack() > 1) {
            description.put("input", pipeline.stack() + " consecutive windows of a file stacked as channels; a "
                    + "window's prediction is that of the input starting with it");
        }
        description.put("features", pipeline.features().key());
        description.put("render", pipeline.render().key());
        return description;
    }

    /** Writes the report (HTML, Markdown, CSV, PNG) into {@code outDir}. */
    public static ReportFiles write(EvaluationReport report, Path outDir) {
        try {
            return report.write(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + outDir, e);
        }
    }

    /**
     * Training windows (once each, before oversampling) and pieces per class from the run's
     * {@value WorkspaceTraining#TRAIN_COUNTS}, in the order of {@code classes}, as {@code {windows, pieces}} (the
     * dummy baselines are fit on them).
     */
    static long[][] trainCounts(Path runDir, List<String> classes) {
        TrainingCounts counts = TrainingCounts.read(runDir, classes);
        return new long[][] {counts.windows(), counts.pieces()};
    }

    private static List<CSVRecord> read(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read (is this a run folder made by `cadenza train`?): " + e, e);
        }
    }
}
