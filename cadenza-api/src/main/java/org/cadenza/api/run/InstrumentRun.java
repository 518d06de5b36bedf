package org.cadenza.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.dataset.SplitWindows;
import org.cadenza.eval.multilabel.MultiLabelMetrics;
import org.cadenza.eval.multilabel.PriorBaseline;
import org.cadenza.eval.multilabel.ThresholdTuning;
import org.cadenza.features.instruments.InstrumentMap;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.multitask.InstrumentThresholds;
import org.cadenza.model.multitask.InstrumentTraining;
import org.cadenza.model.multitask.MultiTaskConfig;
import org.cadenza.model.multitask.MultiTaskModel;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.TrainingListener;

/**
 * Trains the instrument head ({@link InstrumentTraining}) and evaluates it on the test split, by window and by
 * piece. Thresholds are tuned per family on the validation split ({@link ThresholdTuning}, for the objective
 * asked, with rows for the other objectives beside); the test figures
 * ({@link MultiLabelMetrics}) stand beside the prior baselines ({@link PriorBaseline}). A piece's probability of a
 * family is the largest of its windows' (is the family anywhere in the piece), its truth the union of its windows'.
 * With the composer head, the composer accuracy and seed 002's "perfect prediction" (composer and every family right)
 * are given too. Writes {@value #REPORT} and the tuned thresholds ({@link InstrumentThresholds}, used by
 * {@code predict}) into the run folder.
 */
public final class InstrumentRun {

    /** The report in the run folder. */
    public static final String REPORT = "instruments.md";

    /**
     * @param level            "window" or "piece"
     * @param model            the model's test figures at the thresholds tuned for the chosen objective
     * @param otherThresholds  the model's test figures at thresholds tuned for each other objective
     * @param baselines        each prior baseline's test figures, by name
     * @param composerAccuracy composer accuracy (composer head only)
     * @param perfect          composer and every family right (composer head only)
     * @param thresholds       per family, tuned on validation at this level
     */
    public record LevelReport(String level, MultiLabelMetrics.Report model,
                              Map<String, MultiLabelMetrics.Report> otherThresholds,
                              Map<String, MultiLabelMetrics.Report> baselines,
                              OptionalDouble composerAccuracy, OptionalDouble perfect, double[] thresholds) {
    }

    /**
     * @param training the training run
     * @param windows  test figures by window
     * @param pieces   test figures by piece
     * @param report   the Markdown report
     */
    public record Report(InstrumentTraining.Result training, LevelReport windows, LevelReport pieces, Path report) {
    }

    private InstrumentRun() {
    }

    /** Trains (or resumes) and evaluates; see {@link InstrumentTraining#train} for the arguments. */
    public static Report run(Workspace ws, PipelineSettings pipeline, DatasetSpec ds, InstrumentMap map, int minPieces,
                             MultiTaskConfig cfg, ThresholdTuning.Objective objective, Path runDir,
                             TrainingListener listener, ProgressListener progress, int threads) {
        InstrumentTraining.Result r = InstrumentTraining.train(ws, pipeline, ds, map, minPieces, cfg, runDir,
                listener, progress, threads);
        List<String> labels = r.vocabulary().families();
        Split[] splits = {new Split(r.data().train(), r.targets().get(0)), new Split(r.data().val(),
                r.targets().get(1)), new Split(r.data().test(), r.targets().get(2))};
        float[][][] probs = new float[3][][];
        float[][][] composer = new float[3][][];
        try (MultiTaskModel model = MultiTaskModel.open(r.modelDir())) {
            for (int s = 1; s < 3; s++) {
                progress.start("predicting " + (s == 1 ? "validation" : "test") + " windows", splits[s].size());
                float[][][] out = predict(model, splits[s].windows, progress);
                probs[s] = out[0];
                composer[s] = out[1];
            }
        }
        boolean[][][] truth = new boolean[3][][];
        for (int s = 0; s < 3; s++) {
            truth[s] = splits[s].truth(labels);
        }
        LevelReport byWindow = level("window", labels, truth, probs, composer, splits, false, objective);
        LevelReport byPiece = level("piece", labels, truth, probs, composer, splits, true, objective);
        new InstrumentThresholds(labels, byWindow.thresholds(), byPiece.thresholds()).save(runDir);
        Path report = runDir.resolve(REPORT);
        write(report, markdown(r, byWindow, byPiece, objective));
        return new Report(r, byWindow, byPiece, report);
    }

    /** One split's windows with their families. */
    private record Split(SplitWindows windows, List<SortedSet<String>> families) {
        int size() {
            return windows.size();
        }

        boolean[][] truth(List<String> labels) {
            boolean[][] out = new boolean[families.size()][labels.size()];
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < labels.size(); j++) {
                    out[i][j] = families.get(i).contains(labels.get(j));
                }
            }
            return out;
        }

        /** piece id -&gt; window indices, in first-appearance order */
        Map<String, List<Integer>> pieces() {
            Map<String, List<Integer>> out = new LinkedHashMap<>();
            List<DatasetWindow> ws = windows.windows();
            for (int i = 0; i < ws.size(); i++) {
                out.computeIfAbsent(ws.get(i).ref().pieceId(), k -> new ArrayList<>()).add(i);
            }
            return out;
        }
    }

    /** @return {instrument probabilities, composer probabilities or null} per window */
    private static float[][][] predict(MultiTaskModel model, SplitWindows split, ProgressListener progress) {
        LabeledWindows w = WorkspaceTraining.inMemory(split);
        int n = w.size();
        float[][] inst = new float[n][];
        float[][] comp = null;
        for (int from = 0; from < n; from += 256) {
            int to = Math.min(n, from + 256);
            List<float[]> batch = new ArrayList<>();
            for (int i = from; i < to; i++) {
                batch.add(w.window(i));
            }
            MultiTaskModel.Output out = model.predict(batch);
            System.arraycopy(out.instruments(), 0, inst, from, to - from);
            if (out.composers().isPresent()) {
                if (comp == null) {
                    comp = new float[n][];
                }
                System.arraycopy(out.composers().get(), 0, comp, from, to - from);
            }
            for (int i = from; i < to; i++) {
                progress.advance("window " + i, true);
            }
        }
        return new float[][][] {inst, comp};
    }

    private static LevelReport level(String name, List<String> labels, boolean[][][] truth, float[][][] probs,
                                     float[][][] composer, Split[] splits, boolean byPiece,
                                     ThresholdTuning.Objective objective) {
        boolean[][][] t = new boolean[3][][];
        float[][][] p = new float[3][][];
        float[][][] c = new float[3][][];
        int[][] composerTruth = new int[3][];
        for (int s = 0; s < 3; s++) {
            if (!byPiece) {
                t[s] = truth[s];
                p[s] = probs[s];
                c[s] = composer[s];
                composerTruth[s] = labelsOf(splits[s].windows);
                continue;
            }
            Map<String, List<Integer>> pieces = splits[s].pieces();
            t[s] = new boolean[pieces.size()][labels.size()];
            p[s] = probs[s] == null ? null : new float[pieces.size()][labels.size()];
            c[s] = composer[s] == null ? null : new float[pieces.size()][];
            composerTruth[s] = new int[pieces.size()];
            int k = 0;
            for (List<Integer> idx : pieces.values()) {
                composerTruth[s][k] = splits[s].windows.label(idx.get(0));
                for (int i : idx) {
                    for (int j = 0; j < labels.size(); j++) {
                        t[s][k][j] |= truth[s][i][j];
                        if (p[s] != null) {
                            p[s][k][j] = Math.max(p[s][k][j], probs[s][i][j]);
                        }
                    }
                    if (c[s] != null) {
                        if (c[s][k] == null) {
                            c[s][k] = new float[composer[s][i].length];
                        }
                        for (int j = 0; j < c[s][k].length; j++) {
                            c[s][k][j] += composer[s][i][j] / idx.size();
                        }
                    }
                }
                k++;
            }
        }
        ThresholdTuning.Tuned tuned = ThresholdTuning.tune(p[1], t[1], labels, objective);
        MultiLabelMetrics.Report model = MultiLabelMetrics.evaluate(p[2], t[2], tuned.thresholds(), labels);
        Map<String, MultiLabelMetrics.Report> others = new LinkedHashMap<>();
        for (ThresholdTuning.Objective o : ThresholdTuning.Objective.values()) {
            if (o != objective) {
                others.put("model, thresholds for " + o.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        MultiLabelMetrics.evaluate(p[2], t[2], ThresholdTuning.tune(p[1], t[1], labels, o)
                                .thresholds(), labels));
            }
        }
        Map<String, MultiLabelMetrics.Report> baselines = new LinkedHashMap<>();
        baselines.put("prior, thresholds tuned on validation", PriorBaseline.evaluate(
                PriorBaseline.Variant.PRIOR_TUNED, t[0], t[1], t[2], labels, objective));
        baselines.put("prior at 0.5 (families in half the training items)", PriorBaseline.evaluate(
                PriorBaseline.Variant.PRIOR_HALF, t[0], t[1], t[2], labels, ThresholdTuning.Objective.F1));
        baselines.put("most frequent training set", PriorBaseline.evaluate(
                PriorBaseline.Variant.MOST_FREQUENT_SET, t[0], t[1], t[2], labels, ThresholdTuning.Objective.F1));
        OptionalDouble composerAccuracy = OptionalDouble.empty();
        OptionalDouble perfect = OptionalDouble.empty();
        if (c[2] != null) {
            int[] predicted = new int[c[2].length];
            int hits = 0;
            for (int i = 0; i < predicted.length; i++) {
                int best = 0;
                for (int j = 1; j < c[2][i].length; j++) {
                    best = c[2][i][j] > c[2][i][best] ? j : best;
                }
                predicted[i] = best;
                hits += best == composerTruth[2][i] ? 1 : 0;
            }
            composerAccuracy = OptionalDouble.of(hits / (double) predicted.length);
            perfect = OptionalDouble.of(MultiLabelMetrics.perfectPrediction(predicted, composerTruth[2],
                    MultiLabelMetrics.decide(p[2], tuned.thresholds()), t[2]));
        }
        return new LevelReport(name, model, others, baselines, composerAccuracy, perfect, tuned.thresholds());
    }

    private static int[] labelsOf(SplitWindows s) {
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.label(i);
        }
        return out;
    }

    static String markdown(InstrumentTraining.Result r, LevelReport w, LevelReport p,
                           ThresholdTuning.Objective objective) {
        StringBuilder b = new StringBuilder("# Which instruments are playing\n\n");
        b.append("Thresholds tuned per family on the validation split for ")
                .append(objective.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(" (the \"model\" rows and the per-family tables).\n\n");
        b.append("Families kept (the model's outputs): ").append(String.join(", ", r.vocabulary().families()))
                .append("\n\n");
        b.append("Dropped as rare, with their training pieces: ").append(r.vocabulary().dropped().isEmpty() ? "none"
                : r.vocabulary().dropped().toString()).append("\n\n");
        for (LevelReport l : List.of(w, p)) {
            b.append("## Test split, by ").append(l.level()).append("\n\n");
            b.append(MultiLabelMetrics.Report.markdownHeader()).append('\n');
            b.append(l.model().toMarkdownRow("model")).append('\n');
            l.otherThresholds().forEach((n, rep) -> b.append(rep.toMarkdownRow(n)).append('\n'));
            l.baselines().forEach((n, rep) -> b.append(rep.toMarkdownRow(n)).append('\n'));
            b.append('\n');
            l.composerAccuracy().ifPresent(a -> b.append(String.format(Locale.ROOT,
                    "- composer accuracy: %.3f%n", a)));
            l.perfect().ifPresent(a -> b.append(String.format(Locale.ROOT,
                    "- perfect prediction (composer and every family right): %.3f%n", a)));
            b.append('\n').append(l.model().toMarkdown()).append('\n');
        }
        return b.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
