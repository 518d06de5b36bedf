package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunDataset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.copies.CopyKind;
import org.cadenza.corpus.copies.NearCopyRule;
import org.cadenza.corpus.dataset.DatasetBuilder;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.SplitRatios;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.corpus.dataset.SplitWindows;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Level;
import org.cadenza.eval.Predictions;
import org.cadenza.eval.ReportFiles;
import org.cadenza.eval.WindowPrediction;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.render.ProgramPolicy;
import org.cadenza.render.RenderSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Blind evaluation (seed 004: train on one dataset, test on another): a run's model on every file of another
 * workspace, with the same report as {@link RunEvaluation} (window and piece level, dummy baselines fit on the run's
 * training counts, confusion matrices, top losses).
 *
 * <ul>
 *   <li>Windows: the other workspace's cached features, made with the run's {@code pipeline.json} settings (render,
 *       features, window length and hop), cut with the run's window selection (e.g. the first 180 s from the first
 *       sound, {@link RunDataset}). The other workspace must be rendered and featurised with those settings; when no
 *       file is, the error names the two commands to run; when some are not, the report counts them.</li>
 *   <li>Labels: the other workspace's catalog through the run's target: the composer; the period from the built-in
 *       table; for one-vs-rest the singled-out composer or {@code other} (every other composer is the rest class).
 *       Files whose label is not one of the model's classes (composers the model never saw) are left out and
 *       counted by label; files the target cannot label (no period) are left out with the target's reason.</li>
 *   <li>Pieces: the other workspace's piece ids (piano-midi-de's {@code work_id}: the movements of a work together).</li>
 *   <li>Leakage: blind files that are copies of the run's training files, found from the files themselves on any
 *       corpus ({@link TrainingCopies}: same bytes, same notes, near copy by {@link NearCopyRule#DEFAULT}, or named
 *       by the blind labels CSV's {@code near_duplicates} column, {@link NearDuplicates}; needs the run's
 *       {@value RunFiles#FILE}). The figures (piece accuracy, balanced accuracy, window accuracy, the dummy
 *       baselines) are given twice: on all evaluated files, and on the files that are not copies, with the number
 *       left out by kind.</li>
 * </ul>
 * Writes the report (its "Run" table holds both sets of figures), {@value #SUMMARY_CSV} (the two sets of figures),
 * {@value #FILES_CSV} (every catalogued file of the other workspace: what happened to it, its near-duplicates, the
 * training file it is a copy of) and the full report without the copies in {@value #WITHOUT_COPIES_DIR}/ into the
 * output folder, by default {@code RUN/blind-<workspace name>}.
 */
public final class BlindEvaluation {

    /** Per file of the other workspace: status, label, piece, windows, near-duplicates, copy of training. */
    public static final String FILES_CSV = "blind-files.csv";

    /** The figures on all evaluated files and on those that are not copies of training files, one row each. */
    public static final String SUMMARY_CSV = "blind-summary.csv";

    /** Subfolder of the output with the full report on the files that are not copies of training files. */
    public static final String WITHOUT_COPIES_DIR = "without-copies";

    /**
     * What a blind evaluation found.
     *
     * @param runDir            the run
     * @param workspace         the other workspace
     * @param report            the files written
     * @param evaluation        the report's figures
     * @param files             files evaluated
     * @param pieces            pieces evaluated
     * @param windows           windows evaluated
     * @param unknownClasses    label the model never saw -&gt; files left out for it
     * @param excluded          target's exclusion reason -&gt; files left out
     * @param target            the run's target
     * @param notFeaturised     files with no features made with the run's settings (or shorter than one window)
     * @param nearDuplicates    one sentence on the blind labels CSV's near-duplicates of the run's pieces
     * @param copies            one sentence on the evaluated files that are copies of training files
     * @param copiesByKind      evaluated files that are copies of training files, by kind (byte, notes, near,
     *                          listed; 0 when none)
     * @param withoutCopies     the report on the evaluated files that are not copies (empty when no file is a copy,
     *                          or every file is)
     */
    public record Result(Path runDir, Path workspace, ReportFiles report, EvaluationReport evaluation, int files,
                         int pieces, int windows, Map<String, Integer> unknownClasses, Map<String, Integer> excluded,
                         Target target, int notFeaturised, String nearDuplicates, String copies,
                         Map<CopyKind, Integer> copiesByKind, Optional<EvaluationReport> withoutCopies) {

        /** Evaluated files that are copies of training files, all kinds together. */
        public int copyFiles() {
            return copiesByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The summary printed by {@code cadenza evaluate --on}. */
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "blind evaluation of %s on %s: %d files, %d pieces, %d windows%n",
                    runDir, workspace, files, pieces, windows));
            if (!unknownClasses.isEmpty()) {
                b.append(unknownLine(unknownClasses, target)).append('\n');
            }
            excluded.forEach((why, n) -> b.append("left out ").append(n).append(" file(s): ").append(why).append('\n'));
            if (notFeaturised > 0) {
                b.append("left out ").append(notFeaturised).append(" file(s) not featurised with the run's settings\n");
            }
            b.append("near-duplicates (labels CSV): ").append(nearDuplicates).append('\n');
            b.append("copies of training files: ").append(copies).append('\n');
            b.append(allLabel(files, pieces)).append(": ").append(figures(evaluation)).append('\n');
            if (withoutCopies.isPresent()) {
                b.append(withoutLabel(copiesByKind, withoutCopies.get())).append(": ")
                        .append(figures(withoutCopies.get())).append('\n');
            } else if (copyFiles() > 0) {
                b.append("without copies of training files: no file left\n");
            }
            return b.toString();
        }
    }

    private BlindEvaluation() {
    }

    /** {@code RUN/blind-<name of the other workspace's folder>}. */
    public static Path defaultOutDir(Path runDir, Path otherWorkspace) {
        Path name = otherWorkspace.toAbsolutePath().normalize().getFileName();
        return runDir.resolve("blind-" + (name == null ? "workspace" : name.toString()));
    }

    /**
     * @param other  the workspace to evaluate on (rendered and featurised with the run's settings)
     * @param runDir a run folder made by {@code cadenza train}
     * @param outDir where the report goes (created; see {@link #defaultOutDir})
     * @throws CadenzaException when no file of {@code other} has features made with the run's settings (the message
     *                          names the commands that make them) or none belongs to a class the model knows
     */
    public static Result evaluate(Workspace other, Path runDir, Path outDir) {
        ModelBundle bundle = ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR));
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        RunDataset runDataset = RunDataset.load(runDir);
        Target target = runDataset.parsedTarget(runDir);
        List<String> classes = bundle.contract().classes();

        Set<Long> featurised = new HashSet<>();
        for (WindowIndex.WindowRef r : WindowIndex.list(other, pipeline.features(), pipeline.render(), pipeline.window())) {
            featurised.add(r.fileId());
        }
        List<CatalogFile> ingested = other.catalog().files(FileStatus.INGESTED);
        if (ingested.isEmpty()) {
            throw new CadenzaException(other.dir() + ": no ingested files to evaluate on (`cadenza ingest` first)");
        }
        if (featurised.isEmpty()) {
            throw new CadenzaException(other.dir() + ": none of its " + ingested.size() + " files is rendered and "
                    + "featurised with the run's settings (" + runDir.resolve(org.cadenza.model.run.RunManifest.FILE) + "); run:\n"
                    + prepareCommands(other.dir(), pipeline));
        }

        Map<Long, String> status = new LinkedHashMap<>();
        Map<Long, String> labelOf = new HashMap<>();
        Map<String, Integer> unknown = new TreeMap<>();
        Map<String, Integer> excluded = new TreeMap<>();
        Set<String> known = new TreeSet<>();
        int notFeaturised = 0;
        for (CatalogFile f : ingested) {
            Target.Label l = target.labelOf(f);
            l.label().ifPresent(s -> labelOf.put(f.id(), s));
            if (!featurised.contains(f.id())) {
                notFeaturised++;
                status.put(f.id(), "not featurised with the run's settings (or shorter than one window)");
            } else if (!l.isLabelled()) {
                String why = l.exclusionReason().orElseThrow();
                excluded.merge(why, 1, Integer::sum);
                status.put(f.id(), "excluded: " + why);
            } else if (!classes.contains(l.label().get())) {
                unknown.merge(l.label().get(), 1, Integer::sum);
                status.put(f.id(), "class the model never saw");
            } else {
                known.add(l.label().get());
                status.put(f.id(), "evaluated");
            }
        }
        if (known.isEmpty()) {
            throw new CadenzaException(other.dir() + ": none of its featurised files belongs to a class the model knows "
                    + "(model: " + classes + "; " + unknownLine(unknown, target) + ")");
        }

        // every labelled file of a known class on one side: all of it is the blind test set
        DatasetSpec spec = DatasetSpec.builder().optTarget(target)
                .optSplitSource(new SplitSource.Random(new SplitRatios(1, 0, 0)))
                .optMinPiecesPerClass(1).optClassWhitelist(known).optSelection(runDataset.selection()).build();
        SplitWindows blind = DatasetBuilder.build(other, pipeline.features(), pipeline.render(), pipeline.window(),
                spec, Split.TRAIN);
        Map<Long, CatalogFile> byId = new HashMap<>();
        ingested.forEach(f -> byId.put(f.id(), f));
        List<WindowClassification.Item> items = new ArrayList<>(blind.size());
        Map<Long, Integer> windowsOfFile = new HashMap<>();
        Map<String, Set<Long>> filesOfPiece = new HashMap<>();
        for (DatasetWindow w : blind.windows()) {
            int modelClass = classes.indexOf(blind.classes().get(w.label()));
            CatalogFile f = byId.get(w.ref().fileId());
            items.add(new WindowClassification.Item(w.ref().contentHash(), w.startFrame(), modelClass,
                    w.ref().pieceId(), f.displayPath()));
            windowsOfFile.merge(f.id(), 1, Integer::sum);
            filesOfPiece.computeIfAbsent(w.ref().pieceId(), k -> new HashSet<>()).add(f.id());
        }
        status.forEach((id, s) -> {
            if (s.equals("evaluated") && !windowsOfFile.containsKey(id)) {
                status.put(id, "no window after the run's window selection");
            }
        });
        if (items.isEmpty()) {
            throw new CadenzaException(other.dir() + ": no window of a known class after the run's window selection ("
                    + runDataset.selection().key() + ")");
        }
        List<WindowPrediction> predictions;
        try (Classifier classifier = Classifier.open(bundle)) {
            classifier.check(pipeline.inputContract());
            predictions = WindowClassification.classify(classifier, pipeline, other.featureCache(), items,
                    item -> "the features of " + item.file() + " are missing from " + other.dir()
                            + "; run:\n" + prepareCommands(other.dir(), pipeline));
        }
        if (pipeline.stack() > 1) {
            // files too short for one stacked input have no prediction
            Set<String> predicted = new HashSet<>();
            predictions.forEach(p -> predicted.add(p.file()));
            for (Long id : new ArrayList<>(windowsOfFile.keySet())) {
                if (!predicted.contains(byId.get(id).displayPath())) {
                    windowsOfFile.remove(id);
                    status.put(id, "fewer than " + pipeline.stack() + " consecutive windows (the run stacks "
                            + pipeline.stack() + " per input)");
                }
            }
            if (predictions.isEmpty()) {
                throw new CadenzaException(other.dir() + ": no file of a known class has the " + pipeline.stack()
                        + " consecutive windows the run stacks per input");
            }
        }

        Optional<List<RunFiles.Entry>> runFiles = RunFiles.read(runDir);
        Set<Long> evaluated = new TreeSet<>(windowsOfFile.keySet());
        NearDuplicates.Found dup = NearDuplicates.find(ingested, runFiles);
        String trainedOn = runFiles.map(entries -> {
            Set<String> roots = new TreeSet<>();
            entries.stream().filter(e -> e.split() == Split.TRAIN).forEach(e -> roots.add(datasetOf(e.path())));
            return String.join(", ", roots);
        }).orElse("the run");
        String dupText = dup.describe(evaluated, trainedOn);
        TrainingCopies copies = TrainingCopies.find(ingested, runFiles, dup, NearCopyRule.DEFAULT);

        Predictions all = new Predictions(classes, predictions);

        long[][] counts = RunEvaluation.trainCounts(runDir, classes);
        Map<String, String> description = new LinkedHashMap<>();
        description.put("evaluation", "blind: every file of another workspace; the figures are given on all of them "
                + "and without the copies of training files");
        description.put("blind workspace", other.dir().toString());
        description.putAll(RunEvaluation.describe(runDir, bundle, pipeline));
        description.put("target", target.name() + (target instanceof Target.OneVsRest
                ? " (every other composer is '" + Target.OTHER + "')" : ""));
        description.put("window selection", runDataset.selection().key());
        description.put("evaluated", evaluated.size() + " files, " + filesOfPiece.size() + " pieces, "
                + predictions.size() + " windows");
        description.put("left out, unknown class", unknown.isEmpty() ? "none" : unknownLine(unknown, target));
        if (!excluded.isEmpty()) {
            description.put("left out by the target", excluded.toString());
        }
        if (notFeaturised > 0) {
            description.put("left out, not featurised", notFeaturised + " files; to include them run: "
                    + prepareCommands(other.dir(), pipeline).replace("\n", "; "));
        }
        description.put("near-duplicates (labels CSV)", dupText);
        String title = "Cadenza blind evaluation: " + runDir.getFileName() + " on " + other.dir().getFileName();
        Map<String, Long> idOfFile = new HashMap<>();
        evaluated.forEach(id -> idOfFile.put(byId.get(id).displayPath(), id));
        Written w = writeReports(all, counts, title, description, idOfFile, copies, outDir);
        writeFiles(outDir.resolve(FILES_CSV), ingested, status, labelOf, windowsOfFile, dup, copies);
        return new Result(runDir, other.dir(), w.files(), w.all(), evaluated.size(), filesOfPiece.size(),
                predictions.size(), unknown, excluded, target, notFeaturised, dupText, w.copiesText(),
                w.copiesByKind(), w.withoutCopies());
    }

    /**
     * What {@link #writeReports} wrote.
     *
     * @param files         the main report's files
     * @param all           the report on all evaluated files
     * @param withoutCopies the report without the copies of training files
     * @param copiesText    one sentence on the copies
     * @param copiesByKind  copies among the evaluated files by kind
     */
    record Written(ReportFiles files, EvaluationReport all, Optional<EvaluationReport> withoutCopies,
                   String copiesText, Map<CopyKind, Integer> copiesByKind) {
    }

    /**
     * Writes the blind report twice (all evaluated files into {@code outDir}, the files that are not copies of
     * training files into {@value #WITHOUT_COPIES_DIR}/) and {@value #SUMMARY_CSV}; the main report's "Run" table
     * gets both sets of figures.
     *
     * @param all         the predictions of every evaluated file
     * @param counts      the run's training counts (windows, pieces per class)
     * @param description the "Run" table so far
     * @param idOfFile    the evaluated files: name in the predictions -&gt; blind catalog id
     */
    static Written writeReports(Predictions all, long[][] counts, String title, Map<String, String> description,
                                Map<String, Long> idOfFile, TrainingCopies copies, Path outDir) {
        Set<Long> evaluated = new TreeSet<>(idOfFile.values());
        Set<Long> copyIds = copies.among(evaluated);
        Map<CopyKind, Integer> byKind = copies.countByKind(evaluated);
        String copiesText = copies.describe(evaluated);
        List<WindowPrediction> clean = all.windows().stream()
                .filter(w -> !copyIds.contains(idOfFile.getOrDefault(w.file(), -1L))).toList();
        Optional<EvaluationReport> without = copyIds.isEmpty() || clean.isEmpty() ? Optional.empty()
                : Optional.of(EvaluationReport.builder().setPredictions(new Predictions(all.classNames(), clean))
                        .setTrainingCounts(counts[0], counts[1]).optEvaluatedSet("blind")
                        .optTitle(title + ", without copies of training files").optDescription(description).build());
        int files = evaluated.size();
        Map<String, String> d = new LinkedHashMap<>(description);
        d.put("copies of training files", copiesText);
        String allKey = allLabel(files, all.pieces().size());
        d.put(allKey, "");
        // the figures on all files are the report's own; the row is filled once the report exists
        EvaluationReport first = EvaluationReport.builder().setPredictions(all)
                .setTrainingCounts(counts[0], counts[1]).optEvaluatedSet("blind").optTitle(title)
                .optDescription(Map.of()).build();
        d.put(allKey, figures(first));
        if (without.isPresent()) {
            d.put(withoutLabel(byKind, without.get()), figures(without.get()) + "; full report: "
                    + WITHOUT_COPIES_DIR + "/report.md");
        } else if (!copyIds.isEmpty()) {
            d.put("without copies of training files", "no file left: every evaluated file is a copy");
        }
        EvaluationReport report = EvaluationReport.builder().setPredictions(all)
                .setTrainingCounts(counts[0], counts[1]).optEvaluatedSet("blind").optTitle(title)
                .optDescription(d).build();
        ReportFiles written = RunEvaluation.write(report, outDir);
        without.ifPresent(r -> {
            Map<String, String> wd = new LinkedHashMap<>(d);
            wd.put("evaluated", (files - copyIds.size()) + " files, " + r.report(Level.PIECE).count() + " pieces, "
                    + r.predictions().windows().size() + " windows: the " + copyIds.size() + " copies of training "
                    + "files left out (" + TrainingCopies.kinds(byKind) + ")");
            RunEvaluation.write(EvaluationReport.builder().setPredictions(r.predictions())
                    .setTrainingCounts(counts[0], counts[1]).optEvaluatedSet("blind").optTitle(r.title())
                    .optDescription(wd).build(), outDir.resolve(WITHOUT_COPIES_DIR));
        });
        writeSummary(outDir.resolve(SUMMARY_CSV), report, files, without, files - copyIds.size(), byKind);
        return new Written(written, report, without, copiesText, byKind);
    }

    /** "all 40 files (12 pieces)". */
    static String allLabel(int files, int pieces) {
        return "all " + files + " files (" + pieces + " pieces)";
    }

    /** "without the 3 copies of training files (byte 1, notes 1, near 1, listed 0): 37 files (11 pieces)". */
    static String withoutLabel(Map<CopyKind, Integer> byKind, EvaluationReport without) {
        int n = byKind.values().stream().mapToInt(Integer::intValue).sum();
        Set<String> files = new TreeSet<>();
        without.predictions().windows().forEach(w -> files.add(w.file()));
        return "without the " + n + " copies of training files (" + TrainingCopies.kinds(byKind) + "): "
                + files.size() + " files (" + without.report(Level.PIECE).count() + " pieces)";
    }

    /**
     * "piece accuracy 80.0 % (most frequent by training pieces 50.0 %, by training windows 50.0 %, stratified
     * 50.0 %), balanced 75.0 %; window accuracy ..." of a report.
     */
    static String figures(EvaluationReport r) {
        var piece = r.report(Level.PIECE);
        var window = r.report(Level.WINDOW);
        var pd = r.baselines(Level.PIECE);
        var wd = r.baselines(Level.WINDOW);
        return String.format(Locale.ROOT, "piece accuracy %.1f %% (most frequent by training pieces %.1f %%, by "
                        + "training windows %.1f %%, stratified %.1f %%), balanced %.1f %%; window accuracy %.1f %% "
                        + "(most frequent by training pieces %.1f %%, by training windows %.1f %%, stratified "
                        + "%.1f %%)", 100 * piece.accuracy(), 100 * pd.byPieces().accuracy(),
                100 * pd.byWindows().accuracy(), 100 * pd.stratifiedAccuracy(), 100 * piece.balancedAccuracy(),
                100 * window.accuracy(), 100 * wd.byPieces().accuracy(), 100 * wd.byWindows().accuracy(),
                100 * wd.stratifiedAccuracy());
    }

    /** {@value #SUMMARY_CSV}: a row for all evaluated files and one without the copies (when any is left). */
    private static void writeSummary(Path csv, EvaluationReport all, int files, Optional<EvaluationReport> without,
                                     int filesWithout, Map<CopyKind, Integer> byKind) {
        List<String> header = new ArrayList<>(List.of("files", "pieces", "windows", "piece_accuracy",
                "piece_balanced_accuracy", "piece_most_frequent_by_pieces", "piece_most_frequent_by_windows",
                "piece_stratified", "window_accuracy", "window_balanced_accuracy", "window_most_frequent_by_pieces",
                "window_most_frequent_by_windows", "window_stratified"));
        header.add(0, "set");
        byKind.keySet().forEach(k -> header.add("left_out_" + k.id()));
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            out.printRecord(summaryRow("all", all, files, byKind, false));
            if (without.isPresent()) {
                out.printRecord(summaryRow("without_copies", without.get(), filesWithout, byKind, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    private static List<Object> summaryRow(String set, EvaluationReport r, int files, Map<CopyKind, Integer> byKind,
                                           boolean leftOut) {
        List<Object> row = new ArrayList<>(List.of(set, files, r.report(Level.PIECE).count(),
                r.predictions().windows().size()));
        for (Level level : List.of(Level.PIECE, Level.WINDOW)) {
            var c = r.report(level);
            var d = r.baselines(level);
            row.addAll(List.of(c.accuracy(), c.balancedAccuracy(), d.byPieces().accuracy(), d.byWindows().accuracy(),
                    d.stratifiedAccuracy()));
        }
        byKind.values().forEach(n -> row.add(leftOut ? n : 0));
        return row;
    }

    /** "n files of composers the model never saw: brahms 10, grieg 16". */
    static String unknownLine(Map<String, Integer> unknown, Target target) {
        int n = unknown.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        unknown.forEach((label, count) -> parts.add(label + " " + count));
        String noun = target instanceof Target.Composer ? "composers" : target instanceof Target.Period ? "periods"
                : "classes";
        return n + " files of " + noun + " the model never saw: " + String.join(", ", parts);
    }

    /** The dataset folder a bundled-dataset path lies in (the folder above the composer folders), or the path. */
    private static String datasetOf(String path) {
        Path p = Path.of(path.contains("!") ? path.substring(0, path.indexOf('!')) : path);
        for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("labels.csv"))) {
                return dir.toString();
            }
        }
        return p.getParent() == null ? path : p.getParent().toString();
    }

    /**
     * The two commands that render and featurise {@code ws} with the run's settings, one a line, e.g.
     * {@code cadenza render WS} and {@code cadenza features WS --window 5.0s --hop 5.0s --mels 128}.
     */
    public static String prepareCommands(Path ws, PipelineSettings pipeline) {
        StringBuilder render = new StringBuilder();
        RenderSettings r = pipeline.render();
        if (r.program() instanceof ProgramPolicy.Fixed f) {
            render.append(" --program ").append(f.program());
        }
        if (r.sampleRate() != 22050) {
            render.append(" --rate ").append(r.sampleRate());
        }
        r.soundfont().ifPresent(s -> render.append(" --soundfont ").append(s));
        if (r.startAtFirstNote()) {
            render.append(" --from-first-note");
        }
        if (r.excerptSeconds().isPresent()) {
            render.append(" --excerpt ").append(r.excerptSeconds().getAsDouble());
        }
        String kind = pipeline.features().kind().name().toLowerCase(Locale.ROOT);
        return "  cadenza render " + ws + render + "\n  cadenza features " + ws
                + (kind.equals("logmel") ? "" : " --kind " + kind) + " --window " + pipeline.window().windowSeconds()
                + "s --hop " + pipeline.window().hopSeconds() + "s --mels " + pipeline.features().nMels() + render;
    }

    /**
     * {@value #FILES_CSV}: per catalogued file its status, label, piece, windows, the near-duplicates its labels CSV
     * names and those among the run's files, and {@code copy} ({@code none}, {@code byte}, {@code notes},
     * {@code near}, {@code listed}; {@code unknown} when the run does not list its files), {@code copy_of} (the
     * training file) and {@code copy_containment} (the top-voice shingle containment, 0..1, of near copies).
     */
    static void writeFiles(Path csv, List<CatalogFile> files, Map<Long, String> status,
                                   Map<Long, String> labelOf, Map<Long, Integer> windows, NearDuplicates.Found dup,
                                   TrainingCopies copies) {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("file", "composer", "label", "piece_id", "status", "windows",
                        "near_duplicates", "near_duplicate_of_run", "copy", "copy_of", "copy_containment")
                        .build())) {
            for (CatalogFile f : files) {
                List<String> of = new ArrayList<>();
                for (NearDuplicates.Match m : dup.matches().getOrDefault(f.id(), List.of())) {
                    of.add(m.entry().split().id() + ":" + m.entry().pieceId() + ":" + m.link());
                }
                Optional<TrainingCopies.Copy> c = copies.of(f.id());
                String kind = !copies.known() ? "unknown" : c.map(x -> x.kind().id()).orElse(CopyKind.NONE.id());
                String containment = c.filter(x -> x.kind() == CopyKind.NEAR)
                        .map(x -> String.format(Locale.ROOT, "%.3f", x.containment())).orElse("");
                out.printRecord(f.displayPath(), f.composerId(), labelOf.getOrDefault(f.id(), ""), f.pieceId(),
                        status.get(f.id()), windows.getOrDefault(f.id(), 0),
                        String.join(";", dup.linksOfFile().getOrDefault(f.id(), List.of())), String.join(";", of),
                        kind, c.map(TrainingCopies.Copy::trainingPath).orElse(""), containment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }
}
