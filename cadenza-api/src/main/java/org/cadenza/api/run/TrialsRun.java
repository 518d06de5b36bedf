package org.cadenza.api.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.eval.ClassificationReport;
import org.cadenza.eval.DummyBaselines;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Level;
import org.cadenza.eval.TrialSummary;
import org.cadenza.io.BadInputException;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;

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
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Repeated trials (seed 001, figure 3: twenty trainings with different seeds, the test accuracy summarised as mean,
 * median, minimum and maximum): {@code n} trainings into {@code RUN/trial-01 ... trial-NN}, trial {@code i} with
 * training seed {@code config.seed() + i - 1}. With a random split the split is drawn again with the same seed
 * ({@code dataset.seed() + i - 1}: other pieces in each split, as seed 001 drew other datasets); with a split file
 * (or the catalog's split) the split is fixed and only the training seed (weights, shuffling, SpecAugment) changes.
 *
 * <p>Each trial is trained through {@link TrainingRun}, evaluated on its own test split ({@link RunEvaluation},
 * report in {@code trial-NN/report}) and its figures stored in {@code trial-NN/}{@value #TRIAL_FILE}, written last:
 * a trial with that file is complete and skipped on rerun; any other resumes (an interrupted training continues after
 * its last finished epoch). Then {@code RUN/}{@value #CSV} (one row per trial), {@value #MARKDOWN} ({@link TrialSummary}
 * of every figure beside the dummy baselines') and {@value #PNG} (each trial's accuracy with the mean lines).
 */
public final class TrialsRun {

    /** One row per trial. */
    public static final String CSV = "trials.csv";
    /** The summary tables. */
    public static final String MARKDOWN = "trials.md";
    /** The chart. */
    public static final String PNG = "trials.png";
    /** A finished trial's figures, inside its folder. */
    public static final String TRIAL_FILE = "trial.json";

    /**
     * One trial's test figures (fractions in [0, 1]).
     *
     * @param trial                  1-based
     * @param seed                   training seed
     * @param splitSeed              the dataset's seed (split and balancing)
     * @param windowAccuracy         window-level accuracy
     * @param windowBalancedAccuracy window-level balanced accuracy
     * @param windowTop3             window-level top-k accuracy (k = 3 or the number of classes)
     * @param pieceAccuracy          piece-level accuracy (mean log-probability over a piece's windows)
     * @param pieceBalancedAccuracy  piece-level balanced accuracy
     * @param pieceTop3              piece-level top-k accuracy
     * @param pieceMostFrequent      piece accuracy of always the class with most training pieces
     * @param pieceStratified        stratified baseline's expected piece accuracy (training pieces' class prior)
     * @param windowMostFrequent     window accuracy of always the class with most training windows
     * @param windowStratified       stratified baseline's expected window accuracy (training pieces' class prior)
     * @param testPieces             test pieces
     * @param testWindows            test windows
     * @param bestEpoch              the epoch whose weights were kept
     * @param status                 how training ended
     * @param pieceMostFrequentByWindows piece accuracy of always the class with most training windows
     * @param windowMostFrequentByPieces window accuracy of always the class with most training pieces
     */
    public record Trial(int trial, long seed, long splitSeed, double windowAccuracy, double windowBalancedAccuracy,
                        double windowTop3, double pieceAccuracy, double pieceBalancedAccuracy, double pieceTop3,
                        double pieceMostFrequent, double pieceStratified, double windowMostFrequent,
                        double windowStratified, long testPieces, long testWindows, int bestEpoch, String status,
                        double pieceMostFrequentByWindows, double windowMostFrequentByPieces) {
    }

    /**
     * The trials and their summary.
     *
     * @param runDir       the parent run folder
     * @param trials       one per trial, in order
     * @param skipped      trials found complete and not run again
     * @param splitRedrawn whether each trial drew its own random split (else only the training seed changed)
     * @param summary      figure name -&gt; summary over the trials, in the order of {@link #FIGURES}
     */
    public record Result(Path runDir, List<Trial> trials, List<Integer> skipped, boolean splitRedrawn,
                         Map<String, TrialSummary> summary) {

        /** The summary tables as {@value #MARKDOWN} holds them, after a line on what changed between trials. */
        public String toText() {
            return markdown(this);
        }
    }

    /** The summarised figures, in column order: name and how to read it from a trial. */
    public static final Map<String, ToDoubleFunction<Trial>> FIGURES = figures();

    private static Map<String, ToDoubleFunction<Trial>> figures() {
        Map<String, ToDoubleFunction<Trial>> m = new LinkedHashMap<>();
        m.put("piece accuracy", Trial::pieceAccuracy);
        m.put("piece balanced accuracy", Trial::pieceBalancedAccuracy);
        m.put("piece top-3", Trial::pieceTop3);
        m.put("piece most-frequent", Trial::pieceMostFrequent);
        m.put("piece most-frequent by windows", Trial::pieceMostFrequentByWindows);
        m.put("piece stratified", Trial::pieceStratified);
        m.put("window accuracy", Trial::windowAccuracy);
        m.put("window balanced accuracy", Trial::windowBalancedAccuracy);
        m.put("window top-3", Trial::windowTop3);
        m.put("window most-frequent by pieces", Trial::windowMostFrequentByPieces);
        m.put("window most-frequent", Trial::windowMostFrequent);
        m.put("window stratified", Trial::windowStratified);
        return java.util.Collections.unmodifiableMap(m);
    }

    private TrialsRun() {
    }

    /** {@code trial-01}, ..., two digits at least. */
    public static String trialName(int trial) {
        return String.format(Locale.ROOT, "trial-%02d", trial);
    }

    /**
     * Runs (or resumes) {@code trials} trainings and evaluations and writes the summary files.
     *
     * @param ws       the workspace
     * @param pipeline how the windows were made
     * @param dataset  target, split, filters, balancing; its seed is trial 1's split seed
     * @param config   the training; its seed is trial 1's training seed
     * @param trials   how many, &gt;= 1
     * @param runDir   the parent folder of the trials (created)
     * @param training progress of each training
     * @param log      one line per trial started, skipped or finished
     */
    public static Result run(Workspace ws, PipelineSettings pipeline, DatasetSpec dataset, TrainingConfig config,
                             int trials, Path runDir, TrainingListener training, Consumer<String> log) {
        return run(ws, pipeline, dataset, config, trials, runDir, training, ProgressListener.NONE,
                Runtime.getRuntime().availableProcessors(), log);
    }

    /**
     * The same, with the progress and threads of the jobs that render augmented copies of each trial's training
     * files (see {@link TrainingRun#train(Workspace, PipelineSettings, DatasetSpec, TrainingConfig, Path,
     * TrainingListener, ProgressListener, int)}).
     */
    public static Result run(Workspace ws, PipelineSettings pipeline, DatasetSpec dataset, TrainingConfig config,
                             int trials, Path runDir, TrainingListener training, ProgressListener jobs, int jobThreads,
                             Consumer<String> log) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        boolean redraw = dataset.splitSource() instanceof SplitSource.Random;
        List<Trial> done = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            Path dir = runDir.resolve(trialName(i));
            long seed = config.seed() + i - 1;
            long splitSeed = redraw ? dataset.seed() + i - 1 : dataset.seed();
            Path marker = dir.resolve(TRIAL_FILE);
            if (Files.isRegularFile(marker)) {
                Trial t = read(marker);
                if (t.seed() == seed && t.splitSeed() == splitSeed) {
                    done.add(t);
                    skipped.add(i);
                    log.accept(String.format(Locale.ROOT, "%s (seed %d): finished earlier, skipped", trialName(i), seed));
                    continue;
                }
                throw new BadInputException(marker, "this trial was run with seed " + t.seed() + " / split seed "
                        + t.splitSeed() + ", not " + seed + " / " + splitSeed + ": use another run folder");
            }
            log.accept(String.format(Locale.ROOT, "%s of %d: training seed %d, %s", trialName(i), trials, seed,
                    redraw ? "random split seed " + splitSeed : "the split as given (only the training seed changes)"));
            WorkspaceTraining.Result r = TrainingRun.train(ws, pipeline, redraw ? dataset.withSeed(splitSeed) : dataset,
                    config.toBuilder().optSeed(seed).build(), dir, training, jobs, jobThreads);
            if (r.training().status() == TrainingResult.Status.INTERRUPTED) {
                log.accept(trialName(i) + ": interrupted; rerun the same command to resume it");
                break;
            }
            EvaluationReport report = RunEvaluation.report(ws, dir);
            RunEvaluation.write(report, dir.resolve("report"));
            Trial t = trial(i, seed, splitSeed, report, r.training());
            write(marker, t);
            done.add(t);
            log.accept(String.format(Locale.ROOT, "%s: piece accuracy %.1f %%, window accuracy %.1f %%", trialName(i),
                    100 * t.pieceAccuracy(), 100 * t.windowAccuracy()));
        }
        Map<String, TrialSummary> summary = new LinkedHashMap<>();
        if (!done.isEmpty()) {
            FIGURES.forEach((name, f) -> summary.put(name, TrialSummary.of(done.stream().mapToDouble(f).toArray())));
        }
        Result result = new Result(runDir, done, skipped, redraw, summary);
        if (!done.isEmpty()) {
            writeSummary(result);
        }
        return result;
    }

    static Trial trial(int i, long seed, long splitSeed, EvaluationReport report, TrainingResult training) {
        ClassificationReport piece = report.report(Level.PIECE);
        ClassificationReport window = report.report(Level.WINDOW);
        DummyBaselines pd = report.baselines(Level.PIECE);
        DummyBaselines wd = report.baselines(Level.WINDOW);
        return new Trial(i, seed, splitSeed, window.accuracy(), window.balancedAccuracy(), window.topKAccuracy(),
                piece.accuracy(), piece.balancedAccuracy(), piece.topKAccuracy(), pd.byPieces().accuracy(),
                pd.stratifiedAccuracy(), wd.byWindows().accuracy(), wd.stratifiedAccuracy(), piece.count(),
                window.count(), training.bestEpoch(), training.status().name(), pd.byWindows().accuracy(),
                wd.byPieces().accuracy());
    }

    private static void write(Path marker, Trial t) {
        try {
            Path tmp = marker.resolveSibling(TRIAL_FILE + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), t);
            Files.move(tmp, marker, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    private static Trial read(Path marker) {
        try {
            return new ObjectMapper().readValue(marker.toFile(), Trial.class);
        } catch (IOException e) {
            throw new BadInputException(marker, "cannot read this trial's figures (delete the file to evaluate the "
                    + "trial again): " + e.getMessage(), e);
        }
    }

    private static void writeSummary(Result r) {
        try {
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(r.runDir().resolve(CSV), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("trial", "seed", "split_seed", "window_accuracy",
                            "window_balanced_accuracy", "window_top3", "piece_accuracy", "piece_balanced_accuracy",
                            "piece_top3", "piece_most_frequent", "piece_stratified", "window_most_frequent",
                            "window_stratified", "test_pieces", "test_windows", "best_epoch", "status",
                            "piece_most_frequent_by_windows", "window_most_frequent_by_pieces").build())) {
                for (Trial t : r.trials()) {
                    out.printRecord(t.trial(), t.seed(), t.splitSeed(), f(t.windowAccuracy()),
                            f(t.windowBalancedAccuracy()), f(t.windowTop3()), f(t.pieceAccuracy()),
                            f(t.pieceBalancedAccuracy()), f(t.pieceTop3()), f(t.pieceMostFrequent()),
                            f(t.pieceStratified()), f(t.windowMostFrequent()), f(t.windowStratified()), t.testPieces(),
                            t.testWindows(), t.bestEpoch(), t.status(), f(t.pieceMostFrequentByWindows()),
                            f(t.windowMostFrequentByPieces()));
                }
            }
            Files.writeString(r.runDir().resolve(MARKDOWN), markdown(r), StandardCharsets.UTF_8);
            TrialsChart.writePng(r.trials(), r.runDir().resolve(PNG),
                    "Test accuracy over " + r.trials().size() + " trials");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trial summary into " + r.runDir(), e);
        }
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static String markdown(Result r) {
        StringBuilder b = new StringBuilder("# Trials: " + r.runDir().getFileName() + "\n\n");
        List<Trial> ts = r.trials();
        if (ts.isEmpty()) {
            return b.append("No trial has finished.\n").toString();
        }
        b.append(ts.size()).append(" trials, training seeds ").append(ts.get(0).seed()).append(" to ")
                .append(ts.get(ts.size() - 1).seed()).append(". ")
                .append(r.splitRedrawn() ? "Each trial drew its own random split by piece (split seeds "
                        + ts.get(0).splitSeed() + " to " + ts.get(ts.size() - 1).splitSeed() + "): other test pieces "
                        + "each time, as in seed 001's twenty trials."
                        : "The split is fixed (split file or catalog): only the training seed changes (weights, "
                        + "shuffling, SpecAugment); the test set is the same in every trial.")
                .append(" Figures on each trial's test split; the dummy baselines are fit on its training split"
                        + " before any oversampling: most-frequent = always the class with most training pieces (by"
                        + " windows: most training windows), stratified = guessing with the training pieces' class"
                        + " prior.\n\n");
        b.append("## Piece level\n\n").append(TrialSummary.markdownTable(select(r.summary(), "piece "))).append('\n');
        b.append("## Window level\n\n").append(TrialSummary.markdownTable(select(r.summary(), "window "))).append('\n');
        b.append("## Per trial\n\n| trial | seed | split seed | piece accuracy | piece balanced accuracy | piece top-3 "
                + "| window accuracy | most-frequent (piece) | stratified (piece) | best epoch |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Trial t : ts) {
            b.append(String.format(Locale.ROOT, "| %d | %d | %d | %s | %s | %s | %s | %s | %s | %d |%n", t.trial(),
                    t.seed(), t.splitSeed(), pct(t.pieceAccuracy()), pct(t.pieceBalancedAccuracy()), pct(t.pieceTop3()),
                    pct(t.windowAccuracy()), pct(t.pieceMostFrequent()), pct(t.pieceStratified()), t.bestEpoch()));
        }
        b.append("\n![test accuracy per trial](").append(PNG).append(")\n");
        return b.toString();
    }

    private static Map<String, TrialSummary> select(Map<String, TrialSummary> all, String prefix) {
        Map<String, TrialSummary> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
