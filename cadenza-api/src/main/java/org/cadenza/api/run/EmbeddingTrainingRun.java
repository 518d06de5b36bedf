package org.cadenza.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.eval.openset.ThresholdCalibration;
import org.cadenza.io.BadInputException;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingConfig;
import org.cadenza.model.embedding.EmbeddingInput;
import org.cadenza.model.embedding.EmbeddingModel;
import org.cadenza.model.embedding.EmbeddingRun;
import org.cadenza.model.embedding.OpenSetThreshold;
import org.cadenza.model.train.TrainingListener;

/**
 * Trains an embedding model ({@link EmbeddingRun}) and calibrates its verdict: every validation file of the known
 * composers is embedded, its distance to the nearest composer anchor is its novelty score, and the threshold is
 * chosen with {@link ThresholdCalibration} so that at most the given false-alarm rate of them would be called
 * unknown. The model folder gets {@value OpenSetThreshold#FILE} and {@value #VALIDATION}.
 */
public final class EmbeddingTrainingRun {

    /** Validation files with their nearest composer and novelty score, in the model folder. */
    public static final String VALIDATION = "validation-scores.csv";

    /**
     * @param run        the trained model
     * @param threshold  the calibrated threshold
     * @param valAccuracy nearest-anchor accuracy on the validation files
     * @param problems   files that could not be read
     */
    public record Result(EmbeddingRun.Result run, OpenSetThreshold threshold, double valAccuracy,
                         List<String> problems) {
    }

    private EmbeddingTrainingRun() {
    }

    /**
     * @param falseAlarmRate fraction of known validation files the threshold may flag, in [0, 1), e.g. 0.05
     * @see EmbeddingRun#train
     */
    public static Result train(Workspace ws, EmbeddingInput input, DatasetSpec ds, EmbeddingConfig cfg, Path runDir,
                               double falseAlarmRate, TrainingListener listener, ProgressListener progress,
                               int threads) {
        EmbeddingRun.Result run = EmbeddingRun.train(ws, input, ds, cfg, runDir, listener, progress, threads);
        List<String> problems = new ArrayList<>(run.problems());
        List<CatalogFile> val = run.split().files(Split.VAL);
        List<double[]> scores = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int hits = 0;
        try (EmbeddingModel model = EmbeddingModel.open(runDir)) {
            Anchors anchors = model.trainedAnchors();
            progress.start("calibrating on validation files", val.size());
            for (CatalogFile f : val) {
                try {
                    float[] e = model.embed(NoteFiles.read(f, model.input().pedal()), Path.of(f.sourcePath()))
                            .embedding();
                    List<Anchors.Ranked> ranked = anchors.rank(e);
                    String truth = run.split().labelOf().get(f.id());
                    boolean hit = ranked.get(0).composer().equals(truth);
                    hits += hit ? 1 : 0;
                    scores.add(new double[] {ranked.get(0).distance()});
                    rows.add(new Object[] {f.sourcePath(), truth, ranked.get(0).composer(),
                            ranked.get(0).distance()});
                    progress.advance(f.sourcePath(), true);
                } catch (BadInputException e) {
                    problems.add(e.getMessage());
                    progress.advance(f.sourcePath(), false);
                }
            }
        }
        if (scores.isEmpty()) {
            throw new BadInputException(runDir, "no validation file could be embedded to calibrate the threshold");
        }
        double[] s = scores.stream().mapToDouble(a -> a[0]).toArray();
        double t = ThresholdCalibration.forFalseAlarmRate(s, falseAlarmRate);
        long flagged = java.util.Arrays.stream(s).filter(v -> v > t).count();
        OpenSetThreshold threshold = new OpenSetThreshold(t, falseAlarmRate, s.length, flagged / (double) s.length);
        threshold.save(run.modelDir());
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(run.modelDir().resolve(VALIDATION),
                StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder()
                .setHeader("file", "composer", "nearest", "distance").build())) {
            for (Object[] r : rows) {
                out.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.modelDir().resolve(VALIDATION), e);
        }
        return new Result(run, threshold, hits / (double) scores.size(), problems);
    }
}
