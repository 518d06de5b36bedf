package org.cadenza.api.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
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
 *   <li>Leakage: blind files that are near-duplicates of the run's training, validation or test pieces
 *       ({@link NearDuplicates}; needs the run's {@value RunFiles#FILE}), and the piece-level accuracy without those of
 *       training pieces.</li>
 * </ul>
 * Writes the report plus {@value #FILES_CSV} (every catalogued file of the other workspace: what happened to it, its
 * near-duplicates) into the output folder, by default {@code RUN/blind-<workspace name>}.
 */
public final class BlindEvaluation {

    /** Per file of the other workspace: status, label, piece, windows, near-duplicates. */
    public static final String FILES_CSV = "blind-files.csv";

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
     * @param nearDuplicates    one sentence on near-duplicates of the run's pieces
     * @param trainingDuplicateFiles evaluated files that are near-duplicates of training pieces
     * @param pieceAccuracyWithoutDuplicates piece accuracy without the pieces holding such files (empty when none,
     *                          or when every piece holds one)
     */
    public record Result(Path runDir, Path workspace, ReportFiles report, EvaluationReport evaluation, int files,
                         int pieces, int windows, Map<String, Integer> unknownClasses, Map<String, Integer> excluded,
                         Target target, int notFeaturised, String nearDuplicates, int trainingDuplicateFiles,
                         Optional<Double> pieceAccuracyWithoutDuplicates) {

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
            b.append("near-duplicates: ").append(nearDuplicates).append('\n');
            var piece = evaluation.report(Level.PIECE);
            var window = evaluation.report(Level.WINDOW);
            var pd = evaluation.baselines(Level.PIECE);
            var wd = evaluation.baselines(Level.WINDOW);
            b.append(String.format(Locale.ROOT, "piece accuracy %.1f %% (most frequent by training pieces %.1f %%, by "
                            + "training windows %.1f %%, stratified %.1f %%), balanced %.1f %%; window accuracy %.1f %% "
                            + "(most frequent by training pieces %.1f %%, by training windows %.1f %%, stratified "
                            + "%.1f %%)%n", 100 * piece.accuracy(), 100 * pd.byPieces().accuracy(),
                    100 * pd.byWindows().accuracy(), 100 * pd.stratifiedAccuracy(), 100 * piece.balancedAccuracy(),
                    100 * window.accuracy(), 100 * wd.byPieces().accuracy(), 100 * wd.byWindows().accuracy(),
                    100 * wd.stratifiedAccuracy()));
            pieceAccuracyWithoutDuplicates.ifPresent(a -> b.append(String.format(Locale.ROOT,
                    "piece accuracy without the pieces holding near-duplicates of training pieces: %.1f %%%n", 100 * a)));
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
                    + "featurised with the run's settings (" + runDir.resolve(PipelineSettings.FILE) + "); run:\n"
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
        Set<Long> trainingDuplicates = dup.filesMatching(evaluated, Split.TRAIN);

        Predictions all = new Predictions(classes, predictions);
        Optional<Double> withoutDuplicates = pieceAccuracyWithout(all, filesOfPiece, trainingDuplicates);

        long[][] counts = RunEvaluation.trainCounts(runDir, classes);
        Map<String, String> description = new LinkedHashMap<>();
        description.put("evaluation", "blind: every file of another workspace, none of which the run was trained on "
                + "unless listed as near-duplicates below");
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
        description.put("near-duplicates", dupText);
        withoutDuplicates.ifPresent(a -> description.put("piece accuracy without near-duplicates of training pieces",
                String.format(Locale.ROOT, "%.1f %%", 100 * a)));
        EvaluationReport.Builder builder = EvaluationReport.builder().setPredictions(all)
                .setTrainingCounts(counts[0], counts[1])
                .optEvaluatedSet("blind").optTitle("Cadenza blind evaluation: " + runDir.getFileName() + " on " + other.dir().getFileName())
                .optDescription(description);
        EvaluationReport report = builder.build();
        ReportFiles files = RunEvaluation.write(report, outDir);
        writeFiles(outDir.resolve(FILES_CSV), ingested, status, labelOf, windowsOfFile, dup);
        return new Result(runDir, other.dir(), files, report, evaluated.size(), filesOfPiece.size(),
                predictions.size(), unknown, excluded, target, notFeaturised, dupText, trainingDuplicates.size(),
                withoutDuplicates);
    }

    /**
     * Piece accuracy over the pieces none of whose files is a near-duplicate of a training file; empty when no
     * file is, or when no piece is left.
     *
     * @param filesOfPiece       the evaluated files (catalog ids) of each piece
     * @param trainingDuplicates the evaluated files that are near-duplicates of the run's training files
     */
    static Optional<Double> pieceAccuracyWithout(Predictions all, Map<String, ? extends Set<Long>> filesOfPiece,
                                                 Set<Long> trainingDuplicates) {
        if (trainingDuplicates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> leaked = new TreeSet<>();
        filesOfPiece.forEach((piece, ids) -> {
            if (ids.stream().anyMatch(trainingDuplicates::contains)) {
                leaked.add(piece);
            }
        });
        List<WindowPrediction> clean = all.windows().stream().filter(p -> !leaked.contains(p.pieceId())).toList();
        return clean.isEmpty() ? Optional.empty()
                : Optional.of(new Predictions(all.classNames(), clean).report(Level.PIECE).accuracy());
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

    static void writeFiles(Path csv, List<CatalogFile> files, Map<Long, String> status,
                                   Map<Long, String> labelOf, Map<Long, Integer> windows, NearDuplicates.Found dup) {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("file", "composer", "label", "piece_id", "status", "windows",
                        "near_duplicates", "near_duplicate_of_run").build())) {
            for (CatalogFile f : files) {
                List<String> of = new ArrayList<>();
                for (NearDuplicates.Match m : dup.matches().getOrDefault(f.id(), List.of())) {
                    of.add(m.entry().split().id() + ":" + m.entry().pieceId() + ":" + m.link());
                }
                out.printRecord(f.displayPath(), f.composerId(), labelOf.getOrDefault(f.id(), ""), f.pieceId(),
                        status.get(f.id()), windows.getOrDefault(f.id(), 0),
                        String.join(";", dup.linksOfFile().getOrDefault(f.id(), List.of())), String.join(";", of));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }
}
