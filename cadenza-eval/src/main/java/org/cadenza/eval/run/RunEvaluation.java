package org.cadenza.eval.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.WindowLoader;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Predictions;
import org.cadenza.eval.ReportFiles;
import org.cadenza.eval.WindowPrediction;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;

import java.io.IOException;
import java.io.Reader;
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

    private static final int BATCH = 256;

    private RunEvaluation() {
    }

    /**
     * @param ws     the workspace the run was trained on
     * @param runDir a folder made by {@link WorkspaceTraining#train}
     * @param outDir where the report goes (created)
     */
    public static ReportFiles evaluate(Workspace ws, Path runDir, Path outDir) {
        ModelBundle bundle = ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR));
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        List<String> classes = bundle.contract().classes();
        int frames = WindowIndex.framesFor(pipeline.window().windowSeconds(), pipeline.features());
        FeatureCache cache = ws.featureCache();
        List<CSVRecord> rows = read(runDir.resolve(WorkspaceTraining.TEST_WINDOWS));
        List<WindowPrediction> predictions = new ArrayList<>(rows.size());
        try (Classifier classifier = Classifier.open(bundle)) {
            classifier.check(pipeline.inputContract());
            String lastHash = null;
            Spectrogram spectrogram = null;
            List<float[]> batch = new ArrayList<>(BATCH);
            List<CSVRecord> batchRows = new ArrayList<>(BATCH);
            for (CSVRecord row : rows) {
                String hash = row.get("content_hash");
                if (!hash.equals(lastHash)) {
                    spectrogram = cache.read(hash, pipeline.features()).orElseThrow(() -> new CadenzaException(
                            "the features of " + row.get("file") + " are not in " + ws.dir()
                                    + ": evaluate on the workspace the run was trained on (`cadenza features` first)"));
                    lastHash = hash;
                }
                int start = Integer.parseInt(row.get("start_frame"));
                batch.add(WindowLoader.melMajor(spectrogram, start, frames));
                batchRows.add(row);
                if (batch.size() == BATCH) {
                    flush(classifier, batch, batchRows, pipeline, predictions);
                }
            }
            flush(classifier, batch, batchRows, pipeline, predictions);
        }
        if (predictions.isEmpty()) {
            throw new CadenzaException(runDir + ": the test split has no windows to evaluate");
        }
        long[][] counts = trainCounts(runDir.resolve(WorkspaceTraining.TRAIN_COUNTS), classes);
        Map<String, String> description = new LinkedHashMap<>();
        description.put("run", runDir.toString());
        description.put("architecture", bundle.contract().architecture().name());
        description.put("classes", String.join(", ", classes));
        description.put("window", pipeline.window().toString());
        description.put("features", pipeline.features().key());
        description.put("render", pipeline.render().key());
        EvaluationReport.Builder report = EvaluationReport.builder()
                .setPredictions(new Predictions(classes, predictions))
                .setTrainingCounts(counts[0], counts[1])
                .optTitle("Cadenza evaluation: " + runDir.getFileName())
                .optDescription(description);
        Path history = runDir.resolve("history.csv");
        if (Files.isRegularFile(history)) {
            report.optLearningCurves(history);
        }
        try {
            return report.build().write(outDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the report to " + outDir, e);
        }
    }

    private static void flush(Classifier classifier, List<float[]> batch, List<CSVRecord> rows,
                              PipelineSettings pipeline, List<WindowPrediction> out) {
        if (batch.isEmpty()) {
            return;
        }
        float[][] probs = classifier.predictProba(batch);
        for (int i = 0; i < probs.length; i++) {
            CSVRecord row = rows.get(i);
            double start = Integer.parseInt(row.get("start_frame")) * pipeline.features().secondsPerFrame();
            out.add(new WindowPrediction(row.get("file"), row.get("piece_id"), Integer.parseInt(row.get("label")),
                    start, probs[i]));
        }
        batch.clear();
        rows.clear();
    }

    private static long[][] trainCounts(Path csv, List<String> classes) {
        long[] windows = new long[classes.size()];
        long[] pieces = new long[classes.size()];
        for (CSVRecord r : read(csv)) {
            int c = classes.indexOf(r.get("class"));
            if (c < 0) {
                throw new BadInputException(csv, "class '" + r.get("class") + "' is not one of the model's " + classes);
            }
            windows[c] = Long.parseLong(r.get("windows"));
            pieces[c] = Long.parseLong(r.get("pieces"));
        }
        return new long[][] {windows, pieces};
    }

    private static List<CSVRecord> read(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read (is this a run folder made by `cadenza train`?): " + e, e);
        }
    }
}
