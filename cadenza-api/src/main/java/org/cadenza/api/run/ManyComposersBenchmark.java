package org.cadenza.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.benchmark.BenchmarkSplit;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.eval.Accuracies;
import org.cadenza.eval.PiecePrediction;
import org.cadenza.eval.openset.NoveltyScores;
import org.cadenza.eval.openset.OpenSetMetrics;
import org.cadenza.io.Parameters;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;

/**
 * The composers-many benchmark (the fixed split of {@code shared/benchmarks/composers-many/}: 131 composers over
 * MIDI, MusicXML and kern, 420 more never seen), end to end and resumable: ingests the split as a labels CSV (its
 * groups as pieces, "unseen" files in no split), trains and compares the notes route's classifiers, the piano-roll
 * CNN and their fusion ({@link ModelComparison}), then scores every model <em>per file</em> as the benchmark's README
 * asks: top-1, balanced and top-5 accuracy overall, per dataset, per format, across formats for the composers that
 * have several, and the open-set AUROC of "1 - the largest probability" between test files and the unseen
 * composers' files; then the period of the same test files (composers of known dates) with the best notes
 * classifier, and of the unseen composers' files (composers of known dates never seen in training). Every figure
 * has the dummy beside it (the training prior: the most frequent training composer for
 * top-1, the five most frequent for top-5).
 *
 * <p>A test file that cannot be read counts as wrong (as the peers count theirs).
 */
public final class ManyComposersBenchmark {

    /** The table, Markdown, in the output folder. */
    public static final String MARKDOWN = "many-composers.md";
    /** The labels CSV made from the split, in the output folder. */
    public static final String LABELS = "labels.csv";

    /**
     * What to run.
     *
     * @param splitCsv    the benchmark's split.csv
     * @param dataRoot    the datasets folder its paths are relative to
     * @param notes       the notes route's windows and features
     * @param classifiers the notes route's classifiers on windows, one row each
     * @param pieceClassifiers the notes route's classifiers on whole pieces, one row each (members of the fusion)
     * @param roll        the piano-roll route's settings, or null to leave it out
     * @param network     the piano-roll CNN's training
     * @param fusion      whether to add the fusion of the best notes model and the piano roll
     * @param balancing   the training windows' balancing
     * @param pieceBalancing the whole-piece classifiers' balancing (one row per file)
     * @param seed        seed of every training
     * @param threads     threads reading files
     * @param trees       trees of the forests
     * @param rounds      rounds of AdaBoost
     * @param refit       whether to add the final refit: the fusion's notes-route members fit again on the training
     *                    and validation files, combined with the weights chosen on validation before
     */
    public record Spec(Path splitCsv, Path dataRoot, NotesSettings notes, List<ClassicalAlgorithm> classifiers,
                       List<ClassicalAlgorithm> pieceClassifiers, PianoRollSettings roll, TrainingConfig network,
                       boolean fusion, Balancing balancing, Balancing pieceBalancing, long seed, int threads, int trees,
                       int rounds, boolean refit) {
        public Spec {
            Parameters.nonNull("splitCsv, dataRoot, notes", splitCsv, dataRoot, notes);
            classifiers = List.copyOf(classifiers);
            pieceClassifiers = List.copyOf(pieceClassifiers);
            Objects.requireNonNull(network, "network");
            Parameters.nonNull("balancing, pieceBalancing", balancing, pieceBalancing);
        }
    }

    /**
     * One model's figures on the test files.
     *
     * @param name         the model's folder under {@code composer/}
     * @param input        its route
     * @param model        what it is
     * @param test         all test files
     * @param byDataset    per dataset
     * @param byFormat     per format
     * @param crossFormat  the test files of the composers with files in several formats, per format
     * @param openSetAuroc AUROC of 1 - max probability, test files (known) against the unseen composers' files
     * @param trainSeconds training wall-clock seconds (NaN when not known)
     * @param unreadable   test files that could not be predicted (counted as wrong)
     */
    public record ModelRow(String name, String input, String model, Accuracies test, Map<String, Accuracies> byDataset,
                           Map<String, Accuracies> byFormat, Map<String, Accuracies> crossFormat, double openSetAuroc,
                           double trainSeconds, int unreadable) {
    }

    /**
     * The period of the test files whose composers have known dates, with one notes classifier; and the period of
     * the files of the composers never seen (the benchmark's unseen composers, in no split, so never in training:
     * leave-composers-out, seed 001's question asked honestly).
     *
     * @param model           the classifier (the best notes model on the composer validation split)
     * @param classes         the periods
     * @param test            its figures on the test files of composers of known dates
     * @param dummy           the training prior's on them
     * @param unseen          its figures on the unseen composers' files of known dates (a period it learned), or
     *                        null when there are none
     * @param unseenDummy     the training prior's on them, or null
     * @param unseenComposers how many unseen composers those files come from
     */
    public record PeriodRow(String model, List<String> classes, Accuracies test, Accuracies dummy,
                            Accuracies unseen, Accuracies unseenDummy, int unseenComposers) {
    }

    /**
     * The whole outcome.
     *
     * @param ingest        what ingesting the split did (counts, quarantined files with reasons)
     * @param composers     the classes
     * @param testFiles     test files
     * @param unseenFiles   unseen composers' files
     * @param dummy         the dummy's figures, in the same groups as the models'
     * @param rows          the models
     * @param period        the period figures
     * @param peakHeapBytes the largest Java heap in use during the run
     * @param markdown      the table
     */
    public record Result(IngestReport ingest, List<String> composers, int testFiles, int unseenFiles, ModelRow dummy,
                         List<ModelRow> rows, PeriodRow period, long peakHeapBytes, Path markdown) {
    }

    private ManyComposersBenchmark() {
    }

    /** Ingests, trains what is missing, evaluates everything and writes {@value #MARKDOWN} into {@code outDir}. */
    public static Result run(Workspace ws, Spec spec, Path outDir, ProgressListener progress,
                             TrainingListener listener) {
        resetPeaks();
        BenchmarkSplit split = BenchmarkSplit.read(spec.splitCsv());
        Path labels = outDir.resolve(LABELS);
        split.writeLabels(labels, spec.dataRoot());
        IngestReport ingest = new Ingestor().ingest(ws, labels, IngestOptions.builder()
                .optCsvRoot(spec.dataRoot()).optThreads(spec.threads()).build(), progress);

        DatasetSpec composerSpec = dataset(spec, Target.COMPOSER);
        ModelComparison.Table table = ModelComparison.run(ws, new ModelComparison.Spec(composerSpec, spec.notes(),
                spec.classifiers(), spec.pieceClassifiers(), spec.pieceBalancing(), spec.roll(), spec.network(),
                Map.of(), spec.fusion(), spec.refit(), Optional.empty(), spec.threads(), spec.trees(), spec.rounds()),
                outDir.resolve("composer"), progress, listener);

        SplitFiles files = SplitFiles.of(ws, split, spec.dataRoot());
        List<String> composers = classesOf(outDir.resolve("composer").resolve(table.rows().get(0).name()));
        long[] trainCounts = files.trainCounts(composers, f -> f.composerId());
        Set<String> multiFormat = multiFormatComposers(split);
        ModelRow dummy = scored("dummy", "-", "most frequent training composer (top-5: the five most frequent)",
                files, composers, Accuracies.priorScores(files.testRows().size(), trainCounts), multiFormat, Double.NaN, 0,
                Double.NaN);
        List<ModelRow> rows = new ArrayList<>();
        for (ModelComparison.Row r : table.rows()) {
            Path run = outDir.resolve("composer").resolve(r.name());
            rows.add(evaluate(ws, run, r, files, composers, multiFormat, composerSpec, progress));
        }
        PeriodRow period = period(ws, spec, table, files, outDir, progress);
        long peak = peakHeap();
        Path md = outDir.resolve(MARKDOWN);
        Result result = new Result(ingest, composers, files.testRows().size(), files.unseen.size(), dummy, rows, period,
                peak, md);
        try {
            Files.writeString(md, markdown(result, spec), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + md, e);
        }
        return result;
    }

    private static DatasetSpec dataset(Spec spec, Target target) {
        return DatasetSpec.builder().optTarget(target).optSplitSource(new SplitSource.FromCatalog())
                .optSeed(spec.seed()).optMinPiecesPerClass(1).optBalancing(spec.balancing()).build();
    }

    /**
     * The catalogued files of the split: test and unseen, with their rows; and the test rows with no readable file
     * (quarantined at ingest), which count as wrong.
     */
    private record SplitFiles(List<CatalogFile> test, List<CatalogFile> unseen, List<CatalogFile> train,
                              Map<Long, BenchmarkSplit.Row> rowOf, List<BenchmarkSplit.Row> unreadTest) {

        /** The rows of every test file: the readable ones in the order of {@link #test}, then the unread. */
        List<BenchmarkSplit.Row> testRows() {
            List<BenchmarkSplit.Row> out = new ArrayList<>();
            test.forEach(f -> out.add(rowOf.get(f.id())));
            out.addAll(unreadTest);
            return out;
        }


        static SplitFiles of(Workspace ws, BenchmarkSplit split, Path dataRoot) {
            Map<String, BenchmarkSplit.Row> byPath = split.byPath();
            Path root = dataRoot.toAbsolutePath().normalize();
            List<CatalogFile> test = new ArrayList<>();
            List<CatalogFile> unseen = new ArrayList<>();
            List<CatalogFile> train = new ArrayList<>();
            Map<Long, BenchmarkSplit.Row> rowOf = new HashMap<>();
            for (CatalogFile f : ws.catalog().files(FileStatus.INGESTED)) {
                Path abs = Path.of(f.absolutePath());
                if (!abs.startsWith(root)) {
                    continue;
                }
                BenchmarkSplit.Row row = byPath.get(root.relativize(abs).toString().replace('\\', '/'));
                if (row == null) {
                    continue;
                }
                rowOf.put(f.id(), row);
                if (row.unseen()) {
                    unseen.add(f);
                } else if (row.split().equals("test")) {
                    test.add(f);
                } else if (row.split().equals("train")) {
                    train.add(f);
                }
            }
            Set<String> read = new java.util.HashSet<>();
            rowOf.values().forEach(r -> read.add(r.path()));
            List<BenchmarkSplit.Row> unread = split.rows().stream()
                    .filter(r -> r.split().equals("test") && !read.contains(r.path())).toList();
            return new SplitFiles(test, unseen, train, rowOf, unread);
        }

        long[] trainCounts(List<String> classes, java.util.function.Function<CatalogFile, String> label) {
            long[] counts = new long[classes.size()];
            for (CatalogFile f : train) {
                int c = classes.indexOf(label.apply(f));
                if (c >= 0) {
                    counts[c]++;
                }
            }
            return counts;
        }
    }

    private static List<String> classesOf(Path run) {
        try (var p = Predictors.open(run)) {
            return List.copyOf(p.classes());
        }
    }

    /** The composers with files in more than one format, anywhere in the split. */
    static Set<String> multiFormatComposers(BenchmarkSplit split) {
        Map<String, Set<String>> formats = new TreeMap<>();
        split.rows().forEach(r -> formats.computeIfAbsent(r.composer(), k -> new TreeSet<>()).add(r.format()));
        Set<String> out = new TreeSet<>();
        formats.forEach((c, f) -> {
            if (f.size() > 1) {
                out.add(c);
            }
        });
        return out;
    }

    private static ModelRow evaluate(Workspace ws, Path run, ModelComparison.Row r, SplitFiles files,
                                     List<String> composers, Set<String> multiFormat, DatasetSpec ds,
                                     ProgressListener progress) {
        // a file of an unseen composer takes class 0: its truth is not used
        ToIntFunction<CatalogFile> composer = f -> Math.max(0, composers.indexOf(f.composerId()));
        Map<Long, double[]> test = fileScores(ws, run, files.test, composer, ds, progress);
        Map<Long, double[]> unseen = fileScores(ws, run, files.unseen, composer, ds, progress);
        List<BenchmarkSplit.Row> rows = files.testRows();
        double[][] scores = new double[rows.size()][];
        int unreadable = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] s = i < files.test.size() ? test.get(files.test.get(i).id()) : null;
            if (s == null) {
                s = wrong(composers.size(), Math.max(0, composers.indexOf(rows.get(i).composer())));
                unreadable++;
            }
            scores[i] = s;
        }
        // novelty: minus the largest probability of the file (the softmax of its mean log-probabilities)
        double[] known = test.values().stream().mapToDouble(NoveltyScores::maxSoftmaxProbabilityScore).toArray();
        double[] unknown = unseen.values().stream().mapToDouble(NoveltyScores::maxSoftmaxProbabilityScore)
                .toArray();
        double auroc = known.length > 0 && unknown.length > 0 ? OpenSetMetrics.auroc(known, unknown) : Double.NaN;
        return scored(r.name(), r.input(), r.model(), files, composers, scores, multiFormat, auroc, unreadable,
                r.trainSeconds());
    }

    private static ModelRow scored(String name, String input, String model, SplitFiles files, List<String> composers,
                                   double[][] scores, Set<String> multiFormat, double auroc, int unreadable,
                                   double trainSeconds) {
        List<BenchmarkSplit.Row> rows = files.testRows();
        int[] truth = rows.stream().mapToInt(r -> composers.indexOf(r.composer())).toArray();
        Accuracies all = subset(truth, scores, composers.size(), i -> true);
        Map<String, Accuracies> byDataset = new TreeMap<>();
        Map<String, Accuracies> byFormat = new TreeMap<>();
        Map<String, Accuracies> cross = new TreeMap<>();
        for (BenchmarkSplit.Row row : rows) {
            byDataset.computeIfAbsent(row.dataset(), d -> subset(truth, scores, composers.size(),
                    k -> rows.get(k).dataset().equals(d)));
            byFormat.computeIfAbsent(row.format(), fm -> subset(truth, scores, composers.size(),
                    k -> rows.get(k).format().equals(fm)));
            if (multiFormat.contains(row.composer())) {
                cross.computeIfAbsent(row.format(), fm -> subset(truth, scores, composers.size(),
                        k -> rows.get(k).format().equals(fm) && multiFormat.contains(rows.get(k).composer())));
            }
        }
        return new ModelRow(name, input, model, all, byDataset, byFormat, cross, auroc, trainSeconds, unreadable);
    }

    private static Accuracies subset(int[] truth, double[][] scores, int numClasses,
                                     java.util.function.IntPredicate keep) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (keep.test(i) && truth[i] >= 0) {
                idx.add(i);
            }
        }
        int[] t = idx.stream().mapToInt(i -> truth[i]).toArray();
        double[][] s = idx.stream().map(i -> scores[i]).toArray(double[][]::new);
        return Accuracies.of(t, s, numClasses);
    }

    /** The scores of a file that could not be read (at ingest, or by the model): wrong at every rank. */
    private static double[] wrong(int classes, int trueClass) {
        double[] s = new double[classes];
        s[trueClass] = -1;
        return s;
    }

    /**
     * Each readable file's scores (its windows' mean log-probability per class), by catalog id; every file its own
     * "piece", its true class from {@code classOf}.
     */
    private static Map<Long, double[]> fileScores(Workspace ws, Path run, List<CatalogFile> files,
                                                  ToIntFunction<CatalogFile> classOf, DatasetSpec ds,
                                                  ProgressListener progress) {
        List<RouteEvaluation.LabelledFile> labelled = new ArrayList<>();
        Map<String, Long> idOf = new HashMap<>();
        for (CatalogFile f : files) {
            String key = f.displayPath();
            idOf.put(key, f.id());
            labelled.add(new RouteEvaluation.LabelledFile(Path.of(f.storedPath()), key, key, classOf.applyAsInt(f),
                    f.id()));
        }
        Map<Long, double[]> out = new LinkedHashMap<>();
        if (labelled.isEmpty()) {
            return out;
        }
        RouteEvaluation.FilePredictions p = RouteEvaluation.predictRun(ws, run, labelled, ds.selection(), progress);
        for (PiecePrediction piece : p.predictions().pieces()) {
            out.put(idOf.get(piece.pieceId()), piece.scores());
        }
        return out;
    }

    private static PeriodRow period(Workspace ws, Spec spec, ModelComparison.Table table, SplitFiles files, Path outDir,
                                    ProgressListener progress) {
        ModelComparison.Row best = table.rows().stream().filter(r -> r.name().startsWith("notes-"))
                .max(java.util.Comparator.comparingDouble(ModelComparison.Row::validationAccuracy)).orElse(null);
        if (best == null) {
            return null;
        }
        ClassicalAlgorithm algorithm = ClassicalAlgorithm.parse(best.name().substring("notes-".length()));
        DatasetSpec periodSpec = dataset(spec, Target.period(Periods.builtIn()));
        long trainPeriods = files.train.stream().map(f -> periodSpec.target().labelOf(f).label())
                .flatMap(Optional::stream).distinct().count();
        if (trainPeriods < 2) {
            return null; // no composer of known dates (or only one period) to learn from
        }
        Path dir = outDir.resolve("period").resolve(best.name());
        ClassicalConfig cfg = ClassicalConfig.builder().setAlgorithm(algorithm).optSeed(spec.seed())
                .optTrees(spec.trees()).optBoostingRounds(spec.rounds()).build();
        if (!Files.isDirectory(dir.resolve(org.cadenza.model.notes.NotesTraining.MODEL_DIR))) {
            RouteTrainingRun.notes(ws, spec.notes(), periodSpec, cfg, dir, progress, spec.threads());
        }
        List<String> periods = classesOf(dir);
        java.util.function.Function<CatalogFile, String> label = f -> periodSpec.target().labelOf(f).label().orElse("");
        ToIntFunction<CatalogFile> period = f -> periods.indexOf(label.apply(f));
        long[] trainCounts = files.trainCounts(periods, label);
        List<CatalogFile> dated = files.test.stream().filter(f -> period.applyAsInt(f) >= 0).toList();
        List<CatalogFile> unseen = files.unseen.stream().filter(f -> period.applyAsInt(f) >= 0).toList();
        Accuracies[] test = periodFigures(ws, dir, dated, period, periodSpec, trainCounts, progress);
        Accuracies[] never = unseen.isEmpty() ? new Accuracies[2]
                : periodFigures(ws, dir, unseen, period, periodSpec, trainCounts, progress);
        int unseenComposers = (int) unseen.stream().map(CatalogFile::composerId).distinct().count();
        return new PeriodRow(best.model(), periods, test[0], test[1], never[0], never[1], unseenComposers);
    }

    /** The period run's figures on {@code dated} (an unreadable file counts as wrong), then the training prior's. */
    private static Accuracies[] periodFigures(Workspace ws, Path dir, List<CatalogFile> dated,
                                              ToIntFunction<CatalogFile> period, DatasetSpec periodSpec,
                                              long[] trainCounts, ProgressListener progress) {
        int classes = trainCounts.length;
        Map<Long, double[]> scores = fileScores(ws, dir, dated, period, periodSpec, progress);
        int[] truth = dated.stream().mapToInt(period).toArray();
        double[][] s = new double[dated.size()][];
        for (int i = 0; i < dated.size(); i++) {
            s[i] = scores.getOrDefault(dated.get(i).id(), wrong(classes, truth[i]));
        }
        return new Accuracies[] {Accuracies.of(truth, s, classes), Accuracies.dummy(truth, trainCounts)};
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static String markdown(Result r, Spec spec) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "composers-many: %d composers, %d test files, %d files of %s unseen "
                + "composers. Per file: top-1 / balanced / top-5 accuracy, %%.%n%n", r.composers().size(),
                r.testFiles(), r.unseenFiles(), "the"));
        b.append("| model | input | test | open-set AUROC | training | unreadable |\n|---|---|---|---|---|---|\n");
        List<ModelRow> all = new ArrayList<>(r.rows());
        all.add(r.dummy());
        for (ModelRow m : all) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d |%n", m.model(), m.input(),
                    m.test().toPercentages(), Double.isNaN(m.openSetAuroc()) ? "-"
                            : String.format(Locale.ROOT, "%.3f", m.openSetAuroc()),
                    Double.isNaN(m.trainSeconds()) ? "-" : String.format(Locale.ROOT, "%.0f s", m.trainSeconds()),
                    m.unreadable()));
        }
        groups(b, "Per dataset", all, ModelRow::byDataset);
        groups(b, "Per format", all, ModelRow::byFormat);
        groups(b, "Across formats (the composers with files in several formats)", all, ModelRow::crossFormat);
        if (r.period() != null) {
            b.append(String.format(Locale.ROOT, "%nPeriod (%s; test files of composers of known dates, %d files): "
                    + "%s; dummy %s. Periods: %s.%n", r.period().model(), r.period().test().items(),
                    r.period().test().toPercentages(), r.period().dummy().toPercentages(),
                    String.join(", ", r.period().classes())));
            if (r.period().unseen() != null) {
                b.append(String.format(Locale.ROOT, "%nPeriod of composers never seen (the same model; the files of "
                        + "the %d unseen composers of known dates, in no split, %d files): %s; dummy %s.%n",
                        r.period().unseenComposers(), r.period().unseen().items(),
                        r.period().unseen().toPercentages(), r.period().unseenDummy().toPercentages()));
            }
        }
        b.append(String.format(Locale.ROOT, "%nPeak Java heap in use: %.1f GiB. Notes windows: %s; features: %s; "
                + "balancing: %s (whole pieces: %s); seed %d.%n", r.peakHeapBytes() / (1024.0 * 1024 * 1024),
                spec.notes().window(), spec.notes().features().featureSet().cliName(), spec.balancing(),
                spec.pieceBalancing(), spec.seed()));
        return b.toString();
    }

    private static void groups(StringBuilder b, String title, List<ModelRow> rows,
                               java.util.function.Function<ModelRow, Map<String, Accuracies>> of) {
        Set<String> keys = new TreeSet<>();
        rows.forEach(m -> keys.addAll(of.apply(m).keySet()));
        b.append("\n").append(title).append(":\n\n| model |");
        keys.forEach(k -> b.append(' ').append(k).append(" (").append(rows.get(0) == null ? 0
                : of.apply(rows.get(rows.size() - 1)).getOrDefault(k, new Accuracies(0, 0, 0, 0)).items())
                .append(" files) |"));
        b.append("\n|---|").append("---|".repeat(keys.size())).append('\n');
        for (ModelRow m : rows) {
            b.append("| ").append(m.model()).append(" |");
            keys.forEach(k -> b.append(' ').append(of.apply(m).getOrDefault(k, new Accuracies(0, 0, 0, 0))
                    .toPercentages()).append(" |"));
            b.append('\n');
        }
    }
}
