package org.cadenza.model.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteAugmentation;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.features.symbolic.NoteWindow;
import org.cadenza.features.symbolic.NoteWindower;
import org.cadenza.features.symbolic.SymbolicFeatures;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.TrainingCounts;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.classical.ClassicalModel;
import org.cadenza.model.classical.FeatureTable;
import org.cadenza.model.classical.IncrementalTraining;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.route.RunRoute;
import org.cadenza.model.run.RunManifest;
import org.cadenza.render.Augmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the notes route: every training MIDI file (and its transposed or stretched copies, when the dataset spec
 * asks for augmentation: made from the notes, nothing rendered) is cut into windows of notes, each window becomes a
 * row of symbolic features, and a Tribuo model learns the rows. Validation and test files are not read here: they
 * are predicted file by file through {@link NotesPredictor} (evaluation, fusion).
 *
 * <p>The run folder gets {@code model/} (the {@link ClassicalModel}) and a {@link RunManifest} with the route, the
 * notes settings, the training counts (files, pieces and windows per class: the dummy baselines) and section
 * {@value #RunManifest.Section.TRAINING} (the model, features and dataset keys). Rerunning with the same settings reuses the trained model; other settings are refused.
 */
public final class NotesTraining {

    /** The model's folder inside the run folder. */
    public static final String MODEL_DIR = "model";

    private static final Logger LOG = LoggerFactory.getLogger(NotesTraining.class);

    /**
     * @param split           the labelled files and their split
     * @param model           the trained model
     * @param windowsPerClass training rows per class (after augmentation and balancing)
     * @param piecesPerClass  training pieces per class
     * @param problems        files that could not be read, with why
     * @param trainingSeconds seconds spent fitting the model (features not included)
     * @param featureSeconds  seconds spent reading notes and computing features
     */
    public record Result(LabelledSplit split, ClassicalModel model, long[] windowsPerClass, long[] piecesPerClass,
                         List<String> problems, double trainingSeconds, double featureSeconds) {
    }

    /** The JSON form of {@value #RunManifest.Section.TRAINING}. */
    public record RunSettings(String notes, String model, String dataset) {
    }

    private NotesTraining() {
    }

    /**
     * The windows of a file as this route cuts them: {@link NoteWindower} with the settings' window and cap; a file
     * too short for one window is one window from its first note to its end (so that every file with notes gets a
     * prediction).
     */
    public static List<NoteWindow> windowsOf(NoteSequence seq, NotesSettings settings) {
        double max = settings.firstSeconds().orElse(Double.POSITIVE_INFINITY);
        List<NoteWindow> windows = NoteWindower.windows(seq, settings.window(), max);
        if (windows.isEmpty() && !seq.notes().isEmpty()) {
            double from = seq.firstOnsetSeconds();
            double to = Math.min(seq.durationSeconds(), from + max);
            if (to > from) {
                windows = List.of(new NoteWindow(from, to, seq.slice(from, to, NoteSequence.Held.KEEP)));
            }
        }
        return windows;
    }

    /** The feature rows of a file's windows. */
    public static List<double[]> rowsOf(NoteSequence seq, NotesSettings settings, SymbolicFeatures features) {
        List<double[]> rows = new ArrayList<>();
        for (NoteWindow w : windowsOf(seq, settings)) {
            rows.add(features.compute(w));
        }
        return rows;
    }

    /**
     * @param ws       the workspace (its MIDI files are read where they are, never changed)
     * @param settings windows and features
     * @param ds       target, split, filters, balancing and augmentations (transpositions and tempo changes, applied
     *                 to the notes of the training files only)
     * @param config   the Tribuo model
     * @param runDir   the run folder (created; reused when the settings are the same)
     * @param progress progress of reading the training files
     * @param threads  threads reading files, &ge; 1
     */
    public static Result train(Workspace ws, NotesSettings settings, DatasetSpec ds, ClassicalConfig config,
                               Path runDir, ProgressListener progress, int threads) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(config, "config");
        LabelledSplit split = LabelledSplit.plan(ws, ds, NoteFiles::readable, NoteFiles.NOT_MIDI);
        List<CatalogFile> trainFiles = ds.fitFiles(split);
        org.cadenza.corpus.dataset.TrainableSplit.require(ws.dir(), trainFiles.size(), split.files(Split.VAL).size(),
                "MIDI files", split.excluded());
        RunSettings wanted = new RunSettings(settings.key(), config.key(), ds.key());
        Path modelDir = runDir.resolve(MODEL_DIR);
        boolean trainedBefore = checkSettings(runDir, wanted);
        SymbolicFeatures features = new SymbolicFeatures(settings.features());
        List<Augmentation> copies = new ArrayList<>();
        copies.add(Augmentation.NONE);
        copies.addAll(ds.trainAugmentations());
        long t0 = System.nanoTime();
        Counts counts = new Counts(split.classes().size());
        FeatureTable table = table(trainFiles, split, settings, features, copies, ds, ds.seed(), threads, progress,
                "notes", counts);
        double featureSeconds = (System.nanoTime() - t0) / 1e9;
        counts.problems.forEach(p -> LOG.warn("left out of training: {}", p));
        ClassicalModel model;
        if (trainedBefore && Files.isDirectory(modelDir)) {
            LOG.info("{}: reusing the model trained with the same settings", runDir);
            model = ClassicalModel.load(modelDir);
        } else {
            model = ClassicalModel.train(table, config);
            try {
                model.save(modelDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the model to " + modelDir, e);
            }
        }
        record(runDir, settings, counts, split.classes(), wanted);
        return new Result(split, model, counts.windowsTrained, counts.pieces(), counts.problems, model.trainingSeconds(),
                featureSeconds);
    }

    /**
     * As {@link #train}, for training sets that do not fit in memory (seed 002's {@code partial_fit}): the training
     * files are dealt into chunks of about {@code chunkFiles} files, every class spread over every chunk (its files
     * shuffled with the spec's seed and dealt in turn), and {@link IncrementalTraining} reads the chunks twice, one
     * at a time: once for the scaling (and PCA) statistics, once to train one model per chunk, combined in Tribuo's
     * weighted ensemble. Balancing applies within each chunk. Only one chunk's feature rows are ever in memory.
     *
     * @param chunkFiles training files per chunk, &ge; 1; every class needs at least as many training files as there
     *                   are chunks (refused otherwise, saying how many)
     */
    public static Result trainInChunks(Workspace ws, NotesSettings settings, DatasetSpec ds, ClassicalConfig config,
                                       int chunkFiles, Path runDir, ProgressListener progress, int threads) {
        if (chunkFiles < 1) {
            throw new IllegalArgumentException("chunkFiles must be >= 1, got " + chunkFiles);
        }
        LabelledSplit split = LabelledSplit.plan(ws, ds, NoteFiles::readable, NoteFiles.NOT_MIDI);
        List<CatalogFile> trainFiles = ds.fitFiles(split);
        if (trainFiles.isEmpty() || split.files(Split.VAL).isEmpty()) {
            throw new CadenzaException("nothing to train on in " + ws.dir() + ": " + trainFiles.size()
                    + " training and " + split.files(Split.VAL).size() + " validation MIDI files");
        }
        int chunks = (trainFiles.size() + chunkFiles - 1) / chunkFiles;
        List<List<CatalogFile>> dealt = new ArrayList<>();
        for (int k = 0; k < chunks; k++) {
            dealt.add(new ArrayList<>());
        }
        for (int c = 0; c < split.classes().size(); c++) {
            int cls = c;
            List<CatalogFile> ofClass = new ArrayList<>(trainFiles.stream().filter(f -> split.classIndex(f) == cls)
                    .toList());
            if (ofClass.size() < chunks) {
                throw new CadenzaException("class " + split.classes().get(c) + " has " + ofClass.size()
                        + " training file(s), fewer than the " + chunks + " chunks of " + chunkFiles + " files: every "
                        + "chunk needs every class; use a larger chunk (at least "
                        + (trainFiles.size() + ofClass.size() - 1) / ofClass.size() + " files)");
            }
            Collections.shuffle(ofClass, new Random(ds.seed() * 31 + c));
            for (int i = 0; i < ofClass.size(); i++) {
                dealt.get(i % chunks).add(ofClass.get(i));
            }
        }
        RunSettings wanted = new RunSettings(settings.key() + ";chunk_files=" + chunkFiles, config.key(), ds.key());
        checkSettings(runDir, wanted);
        SymbolicFeatures features = new SymbolicFeatures(settings.features());
        List<Augmentation> copies = new ArrayList<>();
        copies.add(Augmentation.NONE);
        copies.addAll(ds.trainAugmentations());
        Counts counts = new Counts(split.classes().size());
        long t0 = System.nanoTime();
        boolean[] firstPass = {true};
        Iterable<FeatureTable> tables = () -> new java.util.Iterator<>() {
            private int next = 0;
            private final Counts counting = firstPass[0] ? counts : null; // counted once, on the first pass

            {
                firstPass[0] = false;
            }

            @Override
            public boolean hasNext() {
                return next < dealt.size();
            }

            @Override
            public FeatureTable next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                List<CatalogFile> files = dealt.get(next++);
                return table(files, split, settings, features, copies, ds, ds.seed() + next, threads, progress,
                        "notes, chunk " + next + "/" + dealt.size(), counting);
            }
        };
        ClassicalModel model = IncrementalTraining.train(tables, config);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path modelDir = runDir.resolve(MODEL_DIR);
        try {
            model.save(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + modelDir, e);
        }
        record(runDir, settings, counts, split.classes(), wanted);
        LOG.info("{}: {} chunks of about {} files, trained in {} s (features read twice)", runDir, chunks, chunkFiles,
                Math.round(seconds));
        return new Result(split, model, counts.windowsTrained, counts.pieces(), counts.problems, seconds, 0);
    }

    /** Records the route, the settings, the training counts and the keys in the run's manifest. */
    private static void record(Path runDir, NotesSettings settings, Counts counts, List<String> classes,
                               RunSettings wanted) {
        try {
            settings.save(runDir);
            RunRoute.write(runDir, InputRoute.NOTES);
            counts.write(runDir, classes);
            RunManifest.put(runDir, RunManifest.Section.TRAINING, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + runDir, e);
        }
    }

    /** @return whether the run folder was trained before with {@code wanted}; other settings are refused */
    private static boolean checkSettings(Path runDir, RunSettings wanted) {
        Optional<RunSettings> before = RunManifest.find(runDir, RunManifest.Section.TRAINING, RunSettings.class);
        if (before.isPresent()) {
            RunSettings previous = before.get();
            if (!previous.notes().equals(wanted.notes()) || !previous.dataset().equals(wanted.dataset())
                    || !ClassicalConfig.sameModel(previous.model(), wanted.model())) {
                throw new CadenzaException(runDir + ": this run folder was made with other settings (" + previous
                        + "); use a new run folder or the same settings (" + wanted + ")");
            }
        }
        return before.isPresent();
    }

    /**
     * Indices of the rows kept after balancing: {@link Balancing.Mode#CAP} keeps at most {@code perClass} rows per
     * class, drawn at random; {@link Balancing.Mode#OVERSAMPLE} repeats rows of the smaller classes, drawn at random,
     * up to the largest; {@link Balancing.Mode#EQUAL} does both to exactly {@code perClass} rows per class. Seeded.
     */
    static int[] balance(List<Integer> labels, int classes, Balancing b, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.size(); i++) {
            byClass.get(labels.get(i)).add(i);
        }
        int largest = byClass.stream().mapToInt(List::size).max().orElse(0);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = new ArrayList<>(byClass.get(c));
            Random rng = new Random(seed * 1_000_003L + c);
            switch (b.mode()) {
                case NONE -> out.addAll(rows);
                case CAP -> {
                    Collections.shuffle(rows, rng);
                    out.addAll(rows.subList(0, Math.min(rows.size(), b.perClass())));
                }
                case OVERSAMPLE, EQUAL -> {
                    int target = b.mode() == Balancing.Mode.EQUAL ? b.perClass() : largest;
                    if (rows.size() > target) { // EQUAL only: a class larger than the target is drawn down
                        Collections.shuffle(rows, rng);
                    }
                    out.addAll(rows.subList(0, Math.min(rows.size(), target)));
                    for (int k = rows.size(); k < target && !rows.isEmpty(); k++) {
                        out.add(rows.get(rng.nextInt(rows.size())));
                    }
                }
            }
        }
        Collections.sort(out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The feature rows of {@code files} (and of their augmented copies), balanced per class with {@code seed};
     * files that cannot be read are left out. Adds what it keeps to {@code counts} when given.
     */
    private static FeatureTable table(List<CatalogFile> files, LabelledSplit split, NotesSettings settings,
                                      SymbolicFeatures features, List<Augmentation> copies, DatasetSpec ds, long seed,
                                      int threads, ProgressListener progress, String task, Counts counts) {
        List<NoteFiles.Outcome<List<double[]>>> outcomes = NoteFiles.map(files, settings.pedal(), seq -> {
            List<double[]> rows = new ArrayList<>();
            for (Augmentation a : copies) {
                rows.addAll(rowsOf(NoteAugmentation.apply(seq, a), settings, features));
            }
            return rows;
        }, threads, progress, task);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        for (NoteFiles.Outcome<List<double[]>> o : outcomes) {
            if (o.problem().isPresent()) {
                if (counts != null) {
                    counts.problems.add(o.problem().get());
                }
                continue;
            }
            int label = split.classIndex(o.file());
            if (counts != null) {
                counts.files[label]++;
            }
            for (double[] r : o.value().orElseThrow()) {
                rows.add(r);
                labels.add(label);
                pieces.add(split.pieceOf(o.file()));
            }
        }
        List<double[]> keptRows = new ArrayList<>();
        List<String> keptLabels = new ArrayList<>();
        java.util.BitSet seen = new java.util.BitSet(rows.size());
        for (int i : balance(labels, split.classes().size(), ds.balancing(), seed)) {
            keptRows.add(rows.get(i));
            keptLabels.add(split.classes().get(labels.get(i)));
            if (counts != null) {
                counts.windowsTrained[labels.get(i)]++;
                if (!seen.get(i)) { // a row repeated by oversampling counts once
                    seen.set(i);
                    counts.windows[labels.get(i)]++;
                }
                counts.piecesOf.get(labels.get(i)).add(pieces.get(i));
            }
        }
        return new FeatureTable(features.names(), keptRows, keptLabels);
    }

    /** Training files, pieces and rows per class (once each, and as trained on), and the files not read. */
    private static final class Counts {
        final long[] files;
        final long[] windows;
        final long[] windowsTrained;
        final List<Set<String>> piecesOf = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        Counts(int classes) {
            files = new long[classes];
            windows = new long[classes];
            windowsTrained = new long[classes];
            for (int c = 0; c < classes; c++) {
                piecesOf.add(new HashSet<>());
            }
        }

        long[] pieces() {
            return piecesOf.stream().mapToLong(Set::size).toArray();
        }

        void write(Path runDir, List<String> classes) throws IOException {
            new TrainingCounts(classes, files, pieces(), windows, windowsTrained).write(runDir);
        }
    }
}
