package org.cadenza.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.eval.ClassificationReport;
import org.cadenza.eval.DummyBaselines;
import org.cadenza.eval.EvaluationReport;
import org.cadenza.eval.Level;
import org.cadenza.api.run.EmbeddingTrainingRun;
import org.cadenza.api.run.RouteEvaluation;
import org.cadenza.api.run.RouteTrainingRun;
import org.cadenza.model.run.RunFiles;
import org.cadenza.api.run.StyleModels;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.ModelJson;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.embedding.EmbeddingConfig;
import org.cadenza.model.embedding.EmbeddingInput;
import org.cadenza.model.embedding.Objective;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.train.TrainingListener;

/**
 * The models {@code cadenza who} and {@link Cadenza#defaults()} use when none is named: a composer model, a period
 * model and an open-set embedding, one run folder each under {@code <dir>} (default {@code $CADENZA_HOME/models},
 * {@code ~/.cadenza/models}), trained on first use from the public piano corpora ({@link TrainingData}) on one
 * split by piece (seed {@value #SEED}), so that each model's test pieces were never seen in training; the split's
 * figures are kept in {@value #MANIFEST}.
 *
 * <p>Training is resumable: ingest skips what is catalogued, a finished model is kept, the embedding resumes from its
 * last checkpoint. Two processes never train at once: the second waits for the first and then finds the models
 * trained.
 */
public final class DefaultModels {

    /** The folder under {@code $CADENZA_HOME}. */
    public static final String DIR = "models";
    /** What the models were trained on and how well they did, in {@code <dir>}. */
    public static final String MANIFEST = "models.json";
    /** The workspace the training data is catalogued in, under {@code <dir>}. */
    public static final String WORKSPACE = "workspace";
    /** The seed of the split, the models and the embedding. */
    public static final long SEED = 42;
    /** Validation pieces of known composers the open-set threshold may call unknown. */
    public static final double FALSE_ALARM_RATE = 0.05;

    private static final String FORMAT = "cadenza-default-models";
    private static final String LOCK = ".training.lock";

    private final Path dir;

    private DefaultModels(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** @return the default models in {@code dir} (which need not exist yet) */
    public static DefaultModels at(Path dir) {
        return new DefaultModels(dir);
    }

    /** @return the default models in {@code $CADENZA_HOME/models} ({@link #home()}) */
    public static DefaultModels inHome() {
        return at(home().resolve(DIR));
    }

    /** @return the system property {@code cadenza.home}, else {@code $CADENZA_HOME}, else {@code ~/.cadenza} */
    public static Path home() {
        return StyleModels.home();
    }

    /** @return the folder the models live in */
    public Path dir() {
        return dir;
    }

    /** @return the run folder of {@code kind} */
    public Path run(ModelKind kind) {
        return dir.resolve(kind.id());
    }

    /** @return whether {@code kind} is trained and recorded in the manifest */
    public boolean isTrained(ModelKind kind) {
        return trained(manifest(), kind);
    }

    /** @return whether all three models are trained */
    public boolean allTrained() {
        return allTrained(EnumSet.allOf(ModelKind.class));
    }

    /** @return whether every one of {@code kinds} is trained (one read of the manifest) */
    public boolean allTrained(Set<ModelKind> kinds) {
        Manifest m = manifest();
        return kinds.stream().allMatch(k -> trained(m, k));
    }

    private boolean trained(Manifest m, ModelKind kind) {
        return m.models().containsKey(kind.id()) && Files.isDirectory(run(kind));
    }

    /**
     * One figure of a trained model.
     *
     * @param name  what it is, e.g. "test piece accuracy"
     * @param value its value: a share in [0, 1] for {@code SHARE}, else as the unit says
     * @param unit  {@code share} (shown as a percentage), {@code count} or {@code distance}
     */
    public record Figure(String name, double value, String unit) {

        /** @return the value as a person reads it: "50.0 %", "82", "0.969" */
        public String formatted() {
            return switch (unit) {
                case "share" -> String.format(Locale.ROOT, "%.1f %%", 100 * value);
                case "count" -> String.format(Locale.ROOT, "%.0f", value);
                default -> String.format(Locale.ROOT, "%.3f", value);
            };
        }

        static Figure share(String name, double v) {
            return new Figure(name, v, "share");
        }
    }

    /**
     * One trained default model.
     *
     * @param kind            which one
     * @param run             its run folder
     * @param classes         what it tells apart (composers or periods)
     * @param trainedAt       when training finished (ISO-8601)
     * @param trainingSeconds wall-clock seconds of training and its evaluation
     * @param figures         how well it did on its held-out pieces, each beside its baseline, in order
     */
    public record ModelInfo(ModelKind kind, String run, List<String> classes, String trainedAt,
                            double trainingSeconds, List<Figure> figures) {
        public ModelInfo {
            classes = List.copyOf(classes);
            figures = List.copyOf(figures);
        }

        /** @return a few lines for a person */
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-9s %s%n", kind.id(), run));
            b.append(String.format(Locale.ROOT, "          %s%n", kind.description()));
            b.append(String.format(Locale.ROOT, "          %d classes: %s%n", classes.size(), String.join(", ", classes)));
            figures.forEach(f -> b.append(String.format(Locale.ROOT, "          %-48s %s%n", f.name(),
                    f.formatted())));
            b.append(String.format(Locale.ROOT, "          trained %s in %.0f s%n", trainedAt, trainingSeconds));
            return b.toString();
        }
    }

    /**
     * The {@value #MANIFEST} file.
     *
     * @param format  {@value #FORMAT}
     * @param version 1
     * @param data    the labels files or folders the models were trained on
     * @param seed    the split's and the models' seed
     * @param models  the trained models by {@link ModelKind#id()}
     */
    public record Manifest(String format, int version, List<String> data, long seed, Map<String, ModelInfo> models) {
        public Manifest {
            data = List.copyOf(data);
            models = new TreeMap<>(models);
        }

        static Manifest empty() {
            return new Manifest(FORMAT, 1, List.of(), SEED, Map.of());
        }
    }

    /** @return what is trained (an empty manifest before the first training) */
    public Manifest manifest() {
        Path f = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(f)) {
            return Manifest.empty();
        }
        Manifest m = ModelJson.read(f, Manifest.class);
        if (!FORMAT.equals(m.format())) {
            throw new CadenzaException(f + ": not a Cadenza default-models manifest (format " + m.format()
                    + "); remove the folder or point --models elsewhere");
        }
        return m;
    }

    /** @return the trained models, in {@link ModelKind} order */
    public List<ModelInfo> list() {
        Manifest m = manifest();
        List<ModelInfo> out = new ArrayList<>();
        for (ModelKind k : ModelKind.values()) {
            if (trained(m, k)) {
                out.add(m.models().get(k.id()));
            }
        }
        return out;
    }

    /** @return the model of {@code kind}, when trained */
    public Optional<ModelInfo> info(ModelKind kind) {
        return list().stream().filter(i -> i.kind() == kind).findFirst();
    }

    /**
     * A piece the composer model never saw in training.
     *
     * @param file     one file of it (the first the split lists)
     * @param piece    its piece id
     * @param composer who composed it
     */
    public record HeldOutPiece(Path file, String piece, String composer) {
    }

    /**
     * The pieces the composer model never saw in training: its test split, one file per piece (the first listed),
     * in piece order. Empty before training.
     */
    public List<HeldOutPiece> heldOutPieces() {
        Optional<List<RunFiles.Entry>> files = RunFiles.read(run(ModelKind.COMPOSER));
        if (files.isEmpty()) {
            return List.of();
        }
        Map<String, HeldOutPiece> byPiece = new TreeMap<>();
        for (RunFiles.Entry e : files.get()) {
            if (e.split() == Split.TEST) {
                byPiece.putIfAbsent(e.pieceId(), new HeldOutPiece(Path.of(e.path()), e.pieceId(), e.composer()));
            }
        }
        return List.copyOf(byPiece.values());
    }

    /**
     * Trains the models that are missing (all three on first use). Returns at once when they are all there.
     *
     * @param data     what to train on, asked for only when something must be trained
     * @param progress ingest, reading and evaluation progress
     * @param training the embedding's epochs
     * @param threads  threads for reading files, &ge; 1
     * @return the trained models
     */
    public List<ModelInfo> ensure(java.util.function.Supplier<TrainingData> data, ProgressListener progress,
                                  TrainingListener training, int threads) {
        return train(EnumSet.allOf(ModelKind.class), false, data, progress, training, threads);
    }

    /**
     * Trains {@code kinds} ({@code again}: from scratch, else only those not trained yet), one after the other on
     * the same workspace and split, recording each in the manifest as soon as it is done.
     */
    public List<ModelInfo> train(Set<ModelKind> kinds, boolean again, java.util.function.Supplier<TrainingData> data,
                                 ProgressListener progress, TrainingListener training, int threads) {
        if (!again && allTrained(kinds)) {
            return list(); // the common case (every `who` after the first): no lock, no folder made
        }
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Manifest now = manifest();
                List<ModelKind> todo = kinds.stream().filter(k -> again || !trained(now, k)).sorted().toList();
                if (todo.isEmpty()) {
                    return list();
                }
                TrainingData d = data.get();
                d.requireExisting();
                try (Workspace ws = Workspace.open(dir.resolve(WORKSPACE))) {
                    for (Path source : d.sources()) {
                        new Ingestor().ingest(ws, source, IngestOptions.builder().optThreads(threads).build(),
                                progress);
                    }
                    for (ModelKind k : todo) {
                        if (again) {
                            delete(run(k));
                        }
                        ModelInfo info = trainOne(ws, k, progress, training, threads);
                        record(d, info);
                    }
                }
                return list();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the default models in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes a model's run folder and its manifest entry.
     *
     * @return whether it was there
     */
    public boolean remove(ModelKind kind) {
        boolean was = Files.exists(run(kind));
        delete(run(kind));
        Manifest m = manifest();
        if (m.models().containsKey(kind.id())) {
            Map<String, ModelInfo> models = new TreeMap<>(m.models());
            models.remove(kind.id());
            ModelJson.write(dir.resolve(MANIFEST), new Manifest(FORMAT, 1, m.data(), m.seed(), models));
            was = true;
        }
        return was;
    }

    /** Removes every model, the manifest and the training workspace (the training data itself is left alone). */
    public void removeAll() {
        for (ModelKind k : ModelKind.values()) {
            delete(run(k));
        }
        delete(dir.resolve(WORKSPACE));
        delete(dir.resolve(MANIFEST));
    }

    /** The split and labels every default model is trained on ({@code period}: the built-in period table). */
    static DatasetSpec dataset(ModelKind kind) {
        DatasetSpec.Builder b = DatasetSpec.builder().optSeed(SEED);
        if (kind == ModelKind.PERIOD) {
            b.optTarget(Target.period(Periods.builtIn()));
        }
        return b.build();
    }

    private ModelInfo trainOne(Workspace ws, ModelKind kind, ProgressListener progress, TrainingListener training,
                               int threads) {
        long start = System.nanoTime();
        Path run = run(kind);
        List<Figure> figures = new ArrayList<>();
        List<String> classes;
        if (kind == ModelKind.OPENSET) {
            ModelRuntime.setThreads(1);
            EmbeddingConfig cfg = EmbeddingConfig.builder().optObjective(Objective.SOFTMAX).optSeed(SEED).build();
            EmbeddingTrainingRun.Result r = EmbeddingTrainingRun.train(ws,
                    new EmbeddingInput(EmbeddingInput.Kind.NOTES, NotesSettings.defaults(), null, null),
                    dataset(kind), cfg, run, FALSE_ALARM_RATE, training, progress, threads);
            classes = List.copyOf(r.run().anchors().composers().keySet());
            figures.add(Figure.share("validation files nearest their composer", r.valAccuracy()));
            figures.add(Figure.share("validation files called unknown (false alarms)",
                    r.threshold().observedFalseAlarms()));
            figures.add(new Figure("unknown beyond the anchor distance", r.threshold().threshold(), "distance"));
        } else {
            ClassicalConfig cfg = ClassicalConfig.builder().setAlgorithm(ClassicalAlgorithm.LOGISTIC_REGRESSION)
                    .optSeed(SEED).build();
            NotesTraining.Result r = RouteTrainingRun.notes(ws, NotesSettings.defaults(), dataset(kind), cfg, run,
                    progress, threads);
            classes = r.split().classes();
            EvaluationReport report = RouteEvaluation.report(ws, run, Split.TEST, progress);
            ClassificationReport piece = report.report(Level.PIECE);
            DummyBaselines dummy = report.baselines(Level.PIECE);
            figures.add(new Figure("test pieces", report.predictions().pieces().size(), "count"));
            figures.add(Figure.share("test piece accuracy", piece.accuracy()));
            figures.add(Figure.share("test piece balanced accuracy", piece.balancedAccuracy()));
            figures.add(Figure.share("dummy: always " + dummy.byPieces().predictedClass() + " (most training pieces)",
                    dummy.byPieces().accuracy()));
            figures.add(Figure.share("dummy: stratified (training class prior)", dummy.stratifiedAccuracy()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ModelInfo(kind, run.toString(), classes, Instant.now().toString(), seconds, figures);
    }

    private void record(TrainingData data, ModelInfo info) {
        Manifest m = manifest();
        Map<String, ModelInfo> models = new TreeMap<>(m.models());
        models.put(info.kind().id(), info);
        ModelJson.write(dir.resolve(MANIFEST), new Manifest(FORMAT, 1,
                data.sources().stream().map(Path::toString).toList(), SEED, models));
    }

    private static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
        }
    }
}
