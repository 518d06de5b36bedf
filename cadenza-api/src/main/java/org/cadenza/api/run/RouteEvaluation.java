package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.copies.NearCopyRule;
import org.cadenza.corpus.dataset.DatasetBuilder;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.SplitRatios;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.corpus.dataset.SplitWindows;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.dataset.WindowSelection;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Level;
import org.cadenza.eval.Predictions;
import org.cadenza.eval.ReportFiles;
import org.cadenza.eval.WindowPrediction;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.route.MidiFiles;
import org.cadenza.api.run.Predictors;
import org.cadenza.model.route.RunRoute;

/**
 * Evaluates runs that predict whole files ({@link FilePredictor}: the notes, piano-roll and fusion routes) on their
 * own test split, on their validation split (what fusion is fit on), or blind on another workspace. Every file is
 * read where it is and predicted as {@code cadenza predict} would; its windows (one per file for fusion) are then
 * aggregated by piece as for the audio route ({@link Predictions}), and the report is the same as
 * {@link RunEvaluation}'s. A file that cannot be read is recorded and left out.
 */
public final class RouteEvaluation {

    /**
     * One file to predict.
     *
     * @param path      where to read it
     * @param display   its name in the report
     * @param pieceId   its piece
     * @param trueClass index of its class in the run's classes
     * @param fileId    its catalog id in the workspace it comes from (0 when unknown)
     */
    public record LabelledFile(Path path, String display, String pieceId, int trueClass, long fileId) {
    }

    /**
     * Predictions of files, with what failed.
     *
     * @param predictions the windows of the files that could be read
     * @param problems    one message per file that could not be read
     * @param seconds     wall-clock seconds per predicted file, in order
     */
    public record FilePredictions(Predictions predictions, List<String> problems, List<Double> seconds) {

        /** Mean seconds per predicted file (0 when none). */
        public double meanSeconds() {
            return seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    private RouteEvaluation() {
    }

    /** Predicts every file with {@code predictor}, file by file, with progress. */
    public static FilePredictions predict(FilePredictor predictor, List<LabelledFile> files, ProgressListener progress) {
        List<WindowPrediction> windows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        progress.start("predict", files.size());
        try {
            for (LabelledFile f : files) {
                boolean ok = false;
                try {
                    FilePrediction.Result r = predictor.predict(f.path());
                    for (FilePrediction.WindowResult w : r.windows()) {
                        windows.add(new WindowPrediction(f.display(), f.pieceId(), f.trueClass(), w.startSeconds(),
                                w.probabilities()));
                    }
                    seconds.add(r.seconds());
                    ok = true;
                } catch (BadInputException e) {
                    problems.add(e.getMessage());
                }
                progress.advance(f.display(), ok);
            }
        } finally {
            progress.finish();
        }
        if (windows.isEmpty()) {
            throw new CadenzaException("none of the " + files.size() + " files could be predicted: "
                    + (problems.isEmpty() ? "" : problems.get(0)));
        }
        return new FilePredictions(new Predictions(predictor.classes(), windows), problems, seconds);
    }

    /**
     * Predicts files with a run, the way its evaluation is defined for its route:
     * <ul>
     *   <li>notes and piano roll: {@link FilePredictor} on each file, as {@code predict} does;</li>
     *   <li>audio: the windows cached in {@code ws}'s feature cache with the run's window selection (its
     *       {@link RunDataset}, else {@code selection}), classified as {@link RunEvaluation} does: the files must
     *       be rendered and featurised with the run's settings;</li>
     *   <li>fusion: each member's per-file mean log-probability this same way, combined with the fusion's weights
     *       ({@link LateFusion#combine}): one window per file.</li>
     * </ul>
     *
     * @param selection the window selection of audio runs that do not record theirs
     */
    public static FilePredictions predictRun(Workspace ws, Path runDir, List<LabelledFile> files,
                                             WindowSelection selection, ProgressListener progress) {
        return switch (RunRoute.of(runDir)) {
            case AUDIO -> audio(ws, runDir, files, selection);
            case NOTES, PIANOROLL -> {
                try (FilePredictor p = Predictors.open(runDir)) {
                    yield predict(p, files, progress);
                }
            }
            case FUSION -> fusion(ws, runDir, files, selection, progress);
        };
    }

    /** Each file's mean log-probability per class over its windows, by file name ({@link LabelledFile#display()}). */
    public static Map<String, double[]> fileScores(Predictions p) {
        Map<String, List<float[]>> byFile = new LinkedHashMap<>();
        for (WindowPrediction w : p.windows()) {
            byFile.computeIfAbsent(w.file(), k -> new ArrayList<>()).add(w.probabilities());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byFile.forEach((f, probs) -> out.put(f, FilePrediction.meanLogProbability(probs.toArray(float[][]::new))));
        return out;
    }

    private static FilePredictions fusion(Workspace ws, Path runDir, List<LabelledFile> files,
                                          WindowSelection selection, ProgressListener progress) {
        LateFusion fusion = LateFusion.load(runDir);
        WindowSelection own = selectionOf(runDir, selection);
        List<Map<String, double[]>> members = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String m : fusion.members()) {
            FilePredictions fp = predictRun(ws, runDir.resolve(m), files, own, progress);
            members.add(fileScores(fp.predictions()));
            fp.problems().forEach(pr -> problems.add(m + ": " + pr));
        }
        List<WindowPrediction> windows = new ArrayList<>();
        for (LabelledFile f : files) {
            List<double[]> scores = new ArrayList<>();
            for (Map<String, double[]> m : members) {
                double[] s = m.get(f.display());
                if (s != null) {
                    scores.add(s);
                }
            }
            if (scores.size() < members.size()) {
                continue; // a member could not read it: said in problems
            }
            List<FilePrediction.Ranked> ranking = FilePrediction.rank(fusion.classes(), fusion.combine(scores));
            float[] probs = new float[fusion.classes().size()];
            ranking.forEach(r -> probs[fusion.classes().indexOf(r.label())] = (float) r.probability());
            windows.add(new WindowPrediction(f.display(), f.pieceId(), f.trueClass(), 0.0, probs));
        }
        if (windows.isEmpty()) {
            throw new CadenzaException(runDir + ": no file could be predicted by every member: " + problems);
        }
        return new FilePredictions(new Predictions(fusion.classes(), windows), problems, List.of());
    }

    /** The window selection a run records ({@link RunDataset}), else {@code fallback}. */
    private static WindowSelection selectionOf(Path runDir, WindowSelection fallback) {
        return RunDataset.find(runDir).map(RunDataset::selection).orElse(fallback);
    }

    private static FilePredictions audio(Workspace ws, Path runDir, List<LabelledFile> files,
                                         WindowSelection fallback) {
        ModelBundle bundle = ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR));
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        List<String> classes = bundle.contract().classes();
        WindowSelection selection = selectionOf(runDir, fallback);
        Map<Long, LabelledFile> wanted = new HashMap<>();
        for (LabelledFile f : files) {
            if (f.fileId() <= 0) {
                throw new IllegalArgumentException(f.display() + ": an audio run is evaluated from the workspace's "
                        + "feature cache, and this file is not in the workspace's catalog");
            }
            wanted.put(f.fileId(), f);
        }
        // every catalogued file's windows with the run's selection (labelled by composer only to be kept; the
        // labels used are the files' own), then the wanted files' windows
        DatasetSpec spec = DatasetSpec.builder().optTarget(Target.COMPOSER)
                .optSplitSource(new SplitSource.Random(new SplitRatios(1, 0, 0))).optMinPiecesPerClass(1)
                .optSelection(selection).build();
        SplitWindows all = DatasetBuilder.build(ws, pipeline.features(), pipeline.render(), pipeline.window(), spec,
                Split.TRAIN);
        List<WindowClassification.Item> items = new ArrayList<>();
        for (DatasetWindow w : all.windows()) {
            LabelledFile f = wanted.get(w.ref().fileId());
            if (f != null) {
                items.add(new WindowClassification.Item(w.ref().contentHash(), w.startFrame(), f.trueClass(),
                        f.pieceId(), f.display()));
            }
        }
        List<WindowPrediction> predictions;
        try (Classifier classifier = Classifier.open(bundle)) {
            classifier.check(pipeline.inputContract());
            predictions = WindowClassification.classify(classifier, pipeline, ws.featureCache(), items,
                    item -> "the features of " + item.file() + " are not in " + ws.dir() + ": render and featurise it"
                            + " with the run's settings:\n" + BlindEvaluation.prepareCommands(ws.dir(), pipeline));
        }
        Set<String> predicted = new TreeSet<>();
        predictions.forEach(p -> predicted.add(p.file()));
        List<String> problems = new ArrayList<>();
        for (LabelledFile f : files) {
            if (!predicted.contains(f.display())) {
                problems.add(f.display() + ": no window after the run's selection (not featurised with its settings,"
                        + " or too short)");
            }
        }
        if (predictions.isEmpty()) {
            throw new CadenzaException(runDir + ": none of the " + files.size() + " files has a cached window in "
                    + ws.dir() + "; run:\n" + BlindEvaluation.prepareCommands(ws.dir(), pipeline));
        }
        return new FilePredictions(new Predictions(classes, predictions), problems, List.of());
    }

    /**
     * The files of a split of a run, from its {@value RunFiles#FILE}; each is read from the bytes {@code ws} keeps
     * (found by content), else from the path the run recorded.
     */
    public static List<LabelledFile> splitFiles(Workspace ws, Path runDir, Split split, List<String> classes) {
        List<RunFiles.Entry> entries = RunFiles.read(runDir).orElseThrow(() -> new BadInputException(
                runDir.resolve(RunFiles.FILE), "missing: the run does not list its files (train it again)"));
        List<LabelledFile> out = new ArrayList<>();
        for (RunFiles.Entry e : entries) {
            if (e.split() != split) {
                continue;
            }
            int c = classes.indexOf(e.label());
            if (c < 0) {
                throw new BadInputException(runDir.resolve(RunFiles.FILE), "class '" + e.label()
                        + "' is not one of the run's classes " + classes);
            }
            Optional<CatalogFile> f = ws == null ? Optional.empty() : ws.catalog().findOriginal(e.sha256());
            Path path = f.map(cf -> Path.of(cf.storedPath())).orElse(Path.of(e.path()));
            out.add(new LabelledFile(path, f.map(CatalogFile::displayPath).orElse(e.path()), e.pieceId(), c,
                    f.map(CatalogFile::id).orElse(0L)));
        }
        return out;
    }

    /**
     * A split's report with the predictions behind it.
     *
     * @param report      the report, computed but not written
     * @param predictions the files' predictions, problems and timings
     */
    public record Evaluated(EvaluationReport report, FilePredictions predictions) {

        /** Wall-clock prediction seconds per piece: the files' total over the number of pieces. */
        public double secondsPerPiece() {
            return predictions.seconds().stream().mapToDouble(Double::doubleValue).sum()
                    / Math.max(1, predictions.predictions().pieces().size());
        }
    }

    /** The report of a split of a run ({@link Split#TEST} for evaluation), computed but not written. */
    public static EvaluationReport report(Workspace ws, Path runDir, Split split, ProgressListener progress) {
        return evaluated(ws, runDir, split, WindowSelection.ALL, progress).report();
    }

    /** As {@link #report}, with the predictions and timings. */
    public static Evaluated evaluated(Workspace ws, Path runDir, Split split, WindowSelection selection,
                                      ProgressListener progress) {
        List<String> classes;
        try (FilePredictor predictor = Predictors.open(runDir)) {
            classes = predictor.classes();
        }
        List<LabelledFile> files = splitFiles(ws, runDir, split, classes);
        if (files.isEmpty()) {
            throw new CadenzaException(runDir + ": the " + split.id() + " split has no files");
        }
        return evaluated(ws, runDir, files, split.id(), selection, progress);
    }

    /**
     * The report of a run on given files of {@code ws} ({@link #predictRun}), named {@code set} ("test", "val").
     *
     * @param selection the window selection of audio runs that do not record theirs
     */
    public static Evaluated evaluated(Workspace ws, Path runDir, List<LabelledFile> files, String set,
                                      WindowSelection selection, ProgressListener progress) {
        InputRoute route = RunRoute.of(runDir);
        try (FilePredictor predictor = Predictors.open(runDir)) {
            FilePredictions p = predictRun(ws, runDir, files, selection, progress);
            long[][] counts = RunEvaluation.trainCounts(runDir, predictor.classes());
            Map<String, String> description = describe(runDir, route, predictor);
            description.put("evaluated", p.predictions().pieces().size() + " pieces, "
                    + (files.size() - p.problems().size()) + " files, " + p.predictions().windows().size()
                    + " windows (" + set + ")");
            if (!p.problems().isEmpty()) {
                description.put("left out", p.problems().size() + ": " + p.problems());
            }
            if (!p.seconds().isEmpty()) {
                description.put("prediction time", String.format(Locale.ROOT, "%.3f s per file (mean, reading "
                        + "included)", p.meanSeconds()));
            }
            EvaluationReport.Builder b = EvaluationReport.builder().setPredictions(p.predictions())
                    .setTrainingCounts(counts[0], counts[1])
                    .optTitle("Cadenza evaluation: " + runDir.getFileName()).optDescription(description);
            if (!set.equals(Split.TEST.id())) {
                b.optEvaluatedSet(set);
            }
            Path history = runDir.resolve("history.csv");
            if (Files.isRegularFile(history)) {
                b.optLearningCurves(history);
            }
            return new Evaluated(b.build(), p);
        }
    }

    /** Writes the test split's report to {@code outDir}. */
    public static ReportFiles evaluate(Workspace ws, Path runDir, Path outDir, ProgressListener progress) {
        return RunEvaluation.write(report(ws, runDir, Split.TEST, progress), outDir);
    }

    /**
     * Blind evaluation on every file of another workspace whose class the run knows (MIDI only for the routes that
     * read notes), with the copies of training files found ({@link TrainingCopies}) and the figures given on all
     * files and without the copies ({@link BlindEvaluation#writeReports}).
     */
    public static BlindEvaluation.Result blind(Workspace other, Path runDir, Path outDir, ProgressListener progress) {
        InputRoute route = RunRoute.of(runDir);
        RunDataset runDataset = RunDataset.load(runDir);
        Target target = runDataset.parsedTarget(runDir);
        try (FilePredictor predictor = Predictors.open(runDir)) {
            List<String> classes = predictor.classes();
            List<CatalogFile> ingested = other.catalog().files(FileStatus.INGESTED);
            Map<String, Integer> unknown = new TreeMap<>();
            Map<String, Integer> excluded = new TreeMap<>();
            List<LabelledFile> files = new ArrayList<>();
            Map<Long, String> status = new LinkedHashMap<>();
            Map<Long, String> labelOf = new HashMap<>();
            for (CatalogFile f : ingested) {
                Target.Label l = target.labelOf(f);
                l.label().ifPresent(s -> labelOf.put(f.id(), s));
                if (!l.isLabelled()) {
                    excluded.merge(l.exclusionReason().orElseThrow(), 1, Integer::sum);
                    status.put(f.id(), "excluded: " + l.exclusionReason().orElseThrow());
                } else if (!classes.contains(l.label().get())) {
                    unknown.merge(l.label().get(), 1, Integer::sum);
                    status.put(f.id(), "class the model never saw");
                } else if (route != InputRoute.AUDIO && !MidiFiles.isSymbolic(Path.of(f.storedPath()))) {
                    excluded.merge("a recording (this route reads notes)", 1, Integer::sum);
                    status.put(f.id(), "excluded: a recording");
                } else {
                    files.add(new LabelledFile(Path.of(f.storedPath()), f.displayPath(), f.pieceId(),
                            classes.indexOf(l.label().get()), f.id()));
                    status.put(f.id(), "evaluated");
                }
            }
            if (files.isEmpty()) {
                throw new CadenzaException(other.dir() + ": none of its files belongs to a class the model knows "
                        + "(model: " + classes + "; " + BlindEvaluation.unknownLine(unknown, target) + ")");
            }
            FilePredictions p = predictRun(other, runDir, files, WindowSelection.ALL, progress);
            Set<String> failed = new TreeSet<>();
            p.problems().forEach(failed::add);
            Set<Long> evaluated = new TreeSet<>();
            Map<String, Set<Long>> filesOfPiece = new HashMap<>();
            Set<String> predictedFiles = new java.util.HashSet<>();
            p.predictions().windows().forEach(w -> predictedFiles.add(w.file()));
            for (LabelledFile f : files) {
                if (predictedFiles.contains(f.display())) {
                    evaluated.add(f.fileId());
                    filesOfPiece.computeIfAbsent(f.pieceId(), k -> new TreeSet<>()).add(f.fileId());
                } else {
                    status.put(f.fileId(), "unreadable");
                }
            }
            Optional<List<RunFiles.Entry>> runFiles = RunFiles.read(runDir);
            NearDuplicates.Found dup = NearDuplicates.find(ingested, runFiles);
            String dupText = dup.describe(evaluated, "the run");
            TrainingCopies copies = TrainingCopies.find(ingested, runFiles, dup, NearCopyRule.DEFAULT);
            long[][] counts = RunEvaluation.trainCounts(runDir, classes);
            Map<String, String> description = new LinkedHashMap<>();
            description.put("evaluation", "blind: every file of another workspace; the figures are given on all of "
                    + "them and without the copies of training files");
            description.put("blind workspace", other.dir().toString());
            description.putAll(describe(runDir, route, predictor));
            description.put("evaluated", evaluated.size() + " files, " + filesOfPiece.size() + " pieces, "
                    + p.predictions().windows().size() + " windows");
            description.put("left out, unknown class", unknown.isEmpty() ? "none"
                    : BlindEvaluation.unknownLine(unknown, target));
            if (!excluded.isEmpty()) {
                description.put("left out", excluded.toString());
            }
            if (!failed.isEmpty()) {
                description.put("left out, unreadable", failed.toString());
            }
            description.put("near-duplicates (labels CSV)", dupText);
            if (!p.seconds().isEmpty()) {
                description.put("prediction time", String.format(Locale.ROOT, "%.3f s per file (mean, reading "
                        + "included)", p.meanSeconds()));
            }
            Map<String, Long> idOfFile = new HashMap<>();
            files.stream().filter(f -> evaluated.contains(f.fileId())).forEach(f -> idOfFile.put(f.display(),
                    f.fileId()));
            BlindEvaluation.Written written = BlindEvaluation.writeReports(p.predictions(), counts,
                    "Cadenza blind evaluation: " + runDir.getFileName() + " on " + other.dir().getFileName(),
                    description, idOfFile, copies, outDir);
            // the windows each file was predicted from (a fusion run predicts each file once, fused)
            Map<Long, Integer> windowsOfFile = new HashMap<>();
            for (WindowPrediction w : p.predictions().windows()) {
                Long id = idOfFile.get(w.file());
                if (id != null) {
                    windowsOfFile.merge(id, 1, Integer::sum);
                }
            }
            BlindEvaluation.writeFiles(outDir.resolve(BlindEvaluation.FILES_CSV), ingested, status, labelOf,
                    windowsOfFile, dup, copies);
            return new BlindEvaluation.Result(runDir, other.dir(), written.files(), written.all(), evaluated.size(),
                    filesOfPiece.size(), p.predictions().windows().size(), unknown, excluded, target, 0, dupText,
                    written.copiesText(), written.copiesByKind(), written.withoutCopies());
        }
    }

    /** The "Run" table of a route's report. */
    static Map<String, String> describe(Path runDir, InputRoute route, FilePredictor predictor) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("run", runDir.toString());
        d.put("input", route.cliName());
        d.put("model", predictor.toString());
        d.put("classes", String.join(", ", predictor.classes()));
        return d;
    }
}
