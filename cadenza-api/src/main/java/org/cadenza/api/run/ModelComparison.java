package org.cadenza.api.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.eval.ClassificationReport;
import org.cadenza.eval.DummyBaselines;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Level;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.api.run.Predictors;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;

/**
 * One table comparing every model on one split and blind on another workspace: the notes route with each Tribuo
 * classifier (seed 002's kNN, SGD losses and AdaBoost; seed 004's AdaBoost; the peers' logistic regression and random
 * forest; extra trees), the piano-roll CNN, the audio runs the user names (seeds 000/003's CNN), and the late fusion of
 * the best notes model, the piano roll and the audio runs. Each row gives piece accuracy and balanced accuracy on the
 * test split and blind, training time, and prediction time per piece (reading and, for audio, rendering included),
 * beside the most-frequent dummy.
 *
 * <p>Resumable: every model trains in {@code <out>/<name>} and reuses what is there; a row already in
 * {@value #CSV} is not computed again (delete the row, or the file, to redo it).
 */
public final class ModelComparison {

    /** The table as CSV in the output folder. */
    public static final String CSV = "comparison.csv";
    /** The table as Markdown in the output folder. */
    public static final String MARKDOWN = "comparison.md";

    /**
     * What to compare.
     *
     * @param dataset     target and split (use a split file: every model must see the same split)
     * @param notes       the notes route's windows and features
     * @param classifiers the notes route's classifiers on {@code notes}'s windows, one row each
     * @param pieceClassifiers the notes route's classifiers on whole pieces (one feature vector per file, as the
     *                    peers' per-file features), one row each; members of the fusion
     * @param pieceBalancing the balancing of their training rows (one per file: drawing small classes up to many
     *                    copies of a few files makes forests slow and adds nothing)
     * @param roll        the piano-roll route's settings, or null to leave it out
     * @param network     the piano-roll CNN's training
     * @param audioRuns   trained audio runs (name -&gt; run folder), evaluated as they are
     * @param fusion      whether to add the fusion of the best notes model (on validation), the piano roll and the
     *                    audio runs
     * @param refit       whether to add, after the fusion, its final refit ({@value #REFIT}): the notes members fit
     *                    again on the training and validation files, combined with the weights chosen on validation
     * @param blind       a workspace to evaluate blind on (the same classes from another corpus), or empty
     * @param threads     threads reading files
     * @param trees       trees of the forests ({@link ClassicalConfig#trees()})
     * @param rounds      rounds of AdaBoost ({@link ClassicalConfig#boostingRounds()})
     */
    public record Spec(DatasetSpec dataset, NotesSettings notes, List<ClassicalAlgorithm> classifiers,
                       List<ClassicalAlgorithm> pieceClassifiers, Balancing pieceBalancing, PianoRollSettings roll,
                       TrainingConfig network, Map<String, Path> audioRuns, boolean fusion, boolean refit,
                       Optional<Workspace> blind, int threads, int trees, int rounds) {
        public Spec {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(notes, "notes");
            classifiers = List.copyOf(classifiers);
            pieceClassifiers = List.copyOf(pieceClassifiers);
            Objects.requireNonNull(pieceBalancing, "pieceBalancing");
            audioRuns = new LinkedHashMap<>(audioRuns);
            Objects.requireNonNull(blind, "blind");
        }
    }

    /**
     * One row.
     *
     * @param name               the model's name (its folder)
     * @param input              its route
     * @param model              what it is
     * @param pieceAccuracy      test piece accuracy
     * @param pieceBalanced      test piece balanced accuracy
     * @param testPieces         test pieces
     * @param blindAccuracy      blind piece accuracy (NaN without a blind workspace)
     * @param blindBalanced      blind piece balanced accuracy
     * @param blindPieces        blind pieces
     * @param trainSeconds       training wall-clock seconds (features included; NaN when not known)
     * @param secondsPerPiece    prediction seconds per test piece
     * @param validationAccuracy piece accuracy on the validation split, for choosing among models (NaN if not computed)
     */
    public record Row(String name, String input, String model, double pieceAccuracy, double pieceBalanced,
                      int testPieces, double blindAccuracy, double blindBalanced, int blindPieces,
                      double trainSeconds, double secondsPerPiece, double validationAccuracy) {
    }

    /** The table and the dummies beside it. */
    public record Table(List<Row> rows, DummyBaselines testDummy, Optional<DummyBaselines> blindDummy, Path csv,
                        Path markdown) {
    }

    private ModelComparison() {
    }

    /** Trains what is missing, evaluates everything, writes {@value #CSV} and {@value #MARKDOWN} into {@code outDir}. */
    public static Table run(Workspace ws, Spec spec, Path outDir, ProgressListener progress,
                            TrainingListener listener) {
        Map<String, Row> done = read(outDir.resolve(CSV));
        // the files every model is evaluated on: the dataset's split, all routes alike
        LabelledSplit split = LabelledSplit.plan(ws, spec.dataset(), f -> true, "");
        List<Row> rows = new ArrayList<>();
        DummyBaselines[] dummies = new DummyBaselines[2];
        Map<String, NotesModel> notesModels = notesModels(spec, outDir);
        for (NotesModel m : notesModels.values()) {
            rows.add(done.containsKey(m.name()) ? done.get(m.name()) : measure(ws, spec, split, m.name(), "notes",
                    m.description(), m.dir(), () -> m.train(ws, m.dataset(), m.dir(), progress, spec.threads()),
                    progress, dummies));
            write(outDir, rows);
        }
        Path rollDir = outDir.resolve("pianoroll");
        if (spec.roll() != null) {
            String name = "pianoroll";
            rows.add(done.containsKey(name) ? done.get(name) : measure(ws, spec, split, name, "pianoroll",
                    spec.network().architecture().name() + " CNN on " + spec.roll().window() + " piano-roll windows", rollDir,
                    () -> RouteTrainingRun.pianoRoll(ws, spec.roll(), spec.dataset(), spec.network(), rollDir, listener,
                            progress, spec.threads()), progress, dummies));
            write(outDir, rows);
        }
        for (Map.Entry<String, Path> audio : spec.audioRuns().entrySet()) {
            String name = audio.getKey();
            org.cadenza.model.route.InputRoute route = org.cadenza.model.route.RunRoute.of(audio.getValue());
            rows.add(done.containsKey(name) ? done.get(name) : measure(ws, spec, split, name, route.cliName(),
                    (route == org.cadenza.model.route.InputRoute.AUDIO ? "log-mel CNN" : "trained " + route.cliName()
                            + " run") + " (" + audio.getValue() + ")", audio.getValue(), null, progress, dummies));
            write(outDir, rows);
        }
        if (spec.fusion()) {
            // the best notes model on windows on validation (never on test): the lowest piece-level negative
            // log-likelihood, the objective the fusion weights are fit on (steadier than accuracy on a few dozen
            // pieces); every whole-piece model joins it
            Optional<Row> bestNotes = Optional.empty();
            double bestNll = Double.POSITIVE_INFINITY;
            for (Row r : rows) {
                NotesModel m = notesModels.get(r.name());
                if (m != null && !m.wholePieces()) {
                    double nll = validationNll(ws, m.dir(), files(split, Split.VAL), spec, progress);
                    if (nll < bestNll) {
                        bestNll = nll;
                        bestNotes = Optional.of(r);
                    }
                }
            }
            List<Path> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            bestNotes.ifPresent(r -> {
                members.add(notesModels.get(r.name()).dir());
                names.add(r.name());
            });
            notesModels.values().stream().filter(NotesModel::wholePieces).forEach(m -> {
                members.add(m.dir());
                names.add(m.name());
            });
            if (spec.roll() != null) {
                members.add(rollDir);
                names.add("pianoroll");
            }
            spec.audioRuns().forEach((n, p) -> {
                members.add(p);
                names.add(n);
            });
            if (members.size() >= 2) {
                String name = "fusion";
                Path dir = outDir.resolve(name);
                rows.add(done.containsKey(name) ? done.get(name) : measure(ws, spec, split, name, "fusion",
                        "late fusion of " + String.join(" + ", names), dir,
                        () -> FusionTraining.fit(ws, spec.dataset(), dir, members, progress), progress, dummies));
                write(outDir, rows);
                if (spec.refit()) {
                    Path refitDir = outDir.resolve(REFIT);
                    rows.add(done.containsKey(REFIT) ? done.get(REFIT) : measure(ws, spec, split, REFIT, "fusion",
                            "the fusion refit: its notes members fit on train + val, its weights as chosen on val",
                            refitDir, () -> refit(ws, spec, notesModels.values(), dir, members, refitDir, outDir,
                                    progress), progress, dummies));
                    write(outDir, rows);
                }
            }
        }
        if (dummies[0] == null) { // every row came from an earlier run: evaluate one again for the dummy
            Path first = spec.audioRuns().getOrDefault(rows.get(0).name(), outDir.resolve(rows.get(0).name()));
            dummies[0] = RouteEvaluation.evaluated(ws, first, files(split, Split.TEST), "test",
                    spec.dataset().selection(), progress).report().baselines(Level.PIECE);
        }
        Path md = outDir.resolve(MARKDOWN);
        try {
            Files.writeString(md, markdown(rows, dummies[0], Optional.ofNullable(dummies[1]), spec),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + md, e);
        }
        return new Table(rows, dummies[0], Optional.ofNullable(dummies[1]), outDir.resolve(CSV), md);
    }

    /** The folder of the final refit's fusion (its notes members are refit in {@code refit/<member>}). */
    public static final String REFIT = "fusion-refit";

    /**
     * One notes-route row: its folder name and folder, how files become rows, its classifier, what the table calls it
     * and its training data (the split is every row's; the balancing may differ).
     */
    private record NotesModel(String name, Path dir, NotesSettings settings, ClassicalConfig config,
                              String description, DatasetSpec dataset) {

        boolean wholePieces() {
            return settings.window().isPiece();
        }

        void train(Workspace ws, DatasetSpec data, Path runDir, ProgressListener progress, int threads) {
            RouteTrainingRun.notes(ws, settings, data, config, runDir, progress, threads);
        }
    }

    /** The notes rows by name: the classifiers on windows ({@code notes-*}), then on whole pieces ({@code piece-*}). */
    private static Map<String, NotesModel> notesModels(Spec spec, Path outDir) {
        Map<String, NotesModel> out = new LinkedHashMap<>();
        NotesSettings wholePieces = spec.notes().withWindow(NoteWindowSpec.piece());
        DatasetSpec pieces = spec.dataset().toBuilder().optBalancing(spec.pieceBalancing()).build();
        for (boolean whole : new boolean[] {false, true}) {
            for (ClassicalAlgorithm a : whole ? spec.pieceClassifiers() : spec.classifiers()) {
                String name = (whole ? "piece-" : "notes-") + a.cliName();
                ClassicalConfig cfg = ClassicalConfig.builder().setAlgorithm(a).optSeed(spec.dataset().seed())
                        .optTrees(spec.trees()).optBoostingRounds(spec.rounds()).build();
                out.put(name, whole
                        ? new NotesModel(name, outDir.resolve(name), wholePieces, cfg, a.cliName() + " on whole pieces",
                                pieces)
                        : new NotesModel(name, outDir.resolve(name), spec.notes(), cfg, a.cliName() + " on "
                                + spec.notes().window() + " note windows", spec.dataset()));
            }
        }
        return out;
    }

    /**
     * The final refit: every notes member of the fusion in {@code fusionDir} trained again, with its own settings,
     * on the training and the validation files (in {@code <outDir>/refit/<member>}; other members as they are),
     * combined with that fusion's weights in {@code refitDir}. Nothing is chosen here.
     */
    private static void refit(Workspace ws, Spec spec, java.util.Collection<NotesModel> notesModels, Path fusionDir,
                              List<Path> members, Path refitDir, Path outDir, ProgressListener progress) {
        List<Path> refitMembers = new ArrayList<>();
        for (Path member : members) {
            Optional<NotesModel> m = notesModels.stream().filter(n -> n.dir().equals(member)).findFirst();
            if (m.isEmpty()) {
                refitMembers.add(member);
                continue;
            }
            Path dir = outDir.resolve("refit").resolve(m.get().name());
            m.get().train(ws, m.get().dataset().toBuilder().optTrainOnValidation(true).build(), dir, progress,
                    spec.threads());
            refitMembers.add(dir);
        }
        FusionTraining.withWeights(ws, spec.dataset(), refitDir, refitMembers, LateFusion.load(fusionDir));
    }

    private static Row measure(Workspace ws, Spec spec, LabelledSplit split, String name, String input,
                               String model, Path dir,
                               Runnable train, ProgressListener progress, DummyBaselines[] dummies) {
        double trainSeconds = Double.NaN;
        if (train != null) {
            long t0 = System.nanoTime();
            train.run();
            trainSeconds = (System.nanoTime() - t0) / 1e9;
            double fromHistory = historySeconds(dir);
            if (!Double.isNaN(fromHistory) && fromHistory > trainSeconds) {
                trainSeconds = fromHistory; // resumed: the epochs of earlier sessions count too
            }
        } else {
            trainSeconds = historySeconds(dir);
        }
        RouteEvaluation.Evaluated test = RouteEvaluation.evaluated(ws, dir, files(split, Split.TEST), "test",
                spec.dataset().selection(), progress);
        RunEvaluation.write(test.report(), dir.resolve("report"));
        ClassificationReport t = test.report().report(Level.PIECE);
        dummies[0] = test.report().baselines(Level.PIECE);
        double valAccuracy = Double.NaN;
        if (input.equals("notes")) {
            valAccuracy = RouteEvaluation.evaluated(ws, dir, files(split, Split.VAL), "val",
                    spec.dataset().selection(), progress).report().report(Level.PIECE).accuracy();
        }
        double secondsPerPiece = secondsPerPiece(dir, files(split, Split.TEST), progress);
        double blindAcc = Double.NaN;
        double blindBal = Double.NaN;
        int blindPieces = 0;
        if (spec.blind().isPresent()) {
            Workspace other = spec.blind().get();
            BlindEvaluation.Result b = input.equals("audio")
                    ? BlindEvaluation.evaluate(other, dir, dir.resolve("blind-" + other.dir().getFileName()))
                    : RouteEvaluation.blind(other, dir, dir.resolve("blind-" + other.dir().getFileName()), progress);
            ClassificationReport br = b.evaluation().report(Level.PIECE);
            blindAcc = br.accuracy();
            blindBal = br.balancedAccuracy();
            blindPieces = b.pieces();
            dummies[1] = b.evaluation().baselines(Level.PIECE);
        }
        return new Row(name, input, model, t.accuracy(), t.balancedAccuracy(), (int) t.count(), blindAcc, blindBal,
                blindPieces, trainSeconds, secondsPerPiece, valAccuracy);
    }

    /**
     * Mean negative log-likelihood of the true class over the validation pieces (softmax of each piece's mean
     * log-probabilities, natural log).
     */
    static double validationNll(Workspace ws, Path run, List<RouteEvaluation.LabelledFile> val, Spec spec,
                                ProgressListener progress) {
        RouteEvaluation.FilePredictions p = RouteEvaluation.predictRun(ws, run, val, spec.dataset().selection(),
                progress);
        double sum = 0;
        List<org.cadenza.eval.PiecePrediction> pieces = p.predictions().pieces();
        for (org.cadenza.eval.PiecePrediction piece : pieces) {
            double[] s = piece.scores();
            double max = java.util.Arrays.stream(s).max().orElse(0);
            double z = 0;
            for (double v : s) {
                z += Math.exp(v - max);
            }
            sum += -(s[piece.trueClass()] - max - Math.log(z));
        }
        return sum / pieces.size();
    }

    /** Files measured for the prediction time. */
    static final int TIMED_FILES = 8;

    /**
     * What {@code cadenza predict} costs per piece: the mean seconds per file of {@link FilePredictor} (reading,
     * rendering for audio, features, inference; model loaded) over the first {@value #TIMED_FILES} test files, times
     * the test split's files per piece.
     */
    static double secondsPerPiece(Path dir, List<RouteEvaluation.LabelledFile> test, ProgressListener progress) {
        List<RouteEvaluation.LabelledFile> timed = test.subList(0, Math.min(TIMED_FILES, test.size()));
        RouteEvaluation.FilePredictions p;
        try (FilePredictor predictor = Predictors.open(dir)) {
            predictor.predict(timed.get(0).path()); // warm-up, not counted
            p = RouteEvaluation.predict(predictor, timed, progress);
        }
        long pieces = test.stream().map(RouteEvaluation.LabelledFile::pieceId).distinct().count();
        return p.meanSeconds() * test.size() / Math.max(1, pieces);
    }

    private static List<RouteEvaluation.LabelledFile> files(LabelledSplit split, Split which) {
        List<RouteEvaluation.LabelledFile> out = new ArrayList<>();
        for (CatalogFile f : split.files(which)) {
            out.add(new RouteEvaluation.LabelledFile(Path.of(f.storedPath()), f.displayPath(), split.pieceOf(f),
                    split.classIndex(f), f.id()));
        }
        return out;
    }

    /** Seconds of the epochs in a run's history.csv (and its ensemble members'), NaN when there is none. */
    static double historySeconds(Path dir) {
        double sum = 0;
        boolean any = false;
        List<Path> histories = new ArrayList<>(List.of(dir.resolve("history.csv")));
        for (int k = 2; Files.isDirectory(dir.resolve("member-" + k)); k++) {
            histories.add(dir.resolve("member-" + k).resolve("history.csv"));
        }
        for (Path h : histories) {
            if (!Files.isRegularFile(h)) {
                continue;
            }
            try (Reader r = Files.newBufferedReader(h, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(r)) {
                    sum += Double.parseDouble(rec.get("seconds"));
                    any = true;
                }
            } catch (IOException | IllegalArgumentException e) {
                return Double.NaN;
            }
        }
        return any ? sum : Double.NaN;
    }

    private static final String[] HEADER = {"name", "input", "model", "piece_accuracy", "piece_balanced_accuracy",
            "test_pieces", "blind_piece_accuracy", "blind_piece_balanced_accuracy", "blind_pieces", "train_seconds",
            "predict_seconds_per_piece", "validation_piece_accuracy"};

    private static void write(Path outDir, List<Row> rows) {
        Path csv = outDir.resolve(CSV);
        try {
            Files.createDirectories(outDir);
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
                for (Row r : rows) {
                    out.printRecord(r.name(), r.input(), r.model(), r.pieceAccuracy(), r.pieceBalanced(),
                            r.testPieces(), r.blindAccuracy(), r.blindBalanced(), r.blindPieces(), r.trainSeconds(),
                            r.secondsPerPiece(), r.validationAccuracy());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    private static Map<String, Row> read(Path csv) {
        Map<String, Row> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                out.put(c.get("name"), new Row(c.get("name"), c.get("input"), c.get("model"),
                        Double.parseDouble(c.get("piece_accuracy")), Double.parseDouble(c.get("piece_balanced_accuracy")),
                        Integer.parseInt(c.get("test_pieces")), Double.parseDouble(c.get("blind_piece_accuracy")),
                        Double.parseDouble(c.get("blind_piece_balanced_accuracy")),
                        Integer.parseInt(c.get("blind_pieces")), Double.parseDouble(c.get("train_seconds")),
                        Double.parseDouble(c.get("predict_seconds_per_piece")),
                        Double.parseDouble(c.get("validation_piece_accuracy"))));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new org.cadenza.io.BadInputException(csv, "cannot read the comparison so far (delete it to start "
                    + "again): " + e, e);
        }
        return out;
    }

    static String markdown(List<Row> rows, DummyBaselines test, Optional<DummyBaselines> blind, Spec spec) {
        StringBuilder b = new StringBuilder();
        b.append("| model | input | test piece acc | test piece bal. acc | blind piece acc | blind piece bal. acc |"
                + " training | prediction per piece |\n|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.model(), r.input(),
                    pct(r.pieceAccuracy()), pct(r.pieceBalanced()), pct(r.blindAccuracy()), pct(r.blindBalanced()),
                    duration(r.trainSeconds()), String.format(Locale.ROOT, "%.2f s", r.secondsPerPiece())));
        }
        for (boolean byPieces : new boolean[] {true, false}) {
            DummyBaselines.MostFrequent t = byPieces ? test.byPieces() : test.byWindows();
            Optional<DummyBaselines.MostFrequent> bl = blind.map(d -> byPieces ? d.byPieces() : d.byWindows());
            b.append(String.format(Locale.ROOT, "| dummy: most frequent by %s (%s) | - | %s | %s | %s | %s | - | - |%n",
                    t.countedBy(), t.predictedClass(), pct(t.accuracy()), pct(t.balancedAccuracy()),
                    bl.map(d -> pct(d.accuracy())).orElse("-"), bl.map(d -> pct(d.balancedAccuracy())).orElse("-")));
        }
        b.append(String.format(Locale.ROOT, "| dummy: stratified (training pieces' class prior) | - | %s | %s | %s | %s "
                        + "| - | - |%n", pct(test.stratifiedAccuracy()), pct(test.stratifiedBalancedAccuracy()),
                blind.map(d -> pct(d.stratifiedAccuracy())).orElse("-"),
                blind.map(d -> pct(d.stratifiedBalancedAccuracy())).orElse("-")));
        b.append(String.format(Locale.ROOT, "%nTest: %d pieces. Blind: %s. Notes windows: %s.%n",
                rows.isEmpty() ? 0 : rows.get(0).testPieces(),
                rows.stream().mapToInt(Row::blindPieces).max().orElse(0) + " pieces", spec.notes().window()));
        return b.toString();
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * x);
    }

    private static String duration(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        return s < 120 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }
}
