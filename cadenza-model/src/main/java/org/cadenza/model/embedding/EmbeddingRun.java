package org.cadenza.model.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteAugmentation;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.ModelJson;
import org.cadenza.model.run.RunDataset;
import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.pianoroll.ByteWindows;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.render.Augmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an embedding model on a workspace's MIDI files and writes it as a model folder: the training and
 * validation files of the dataset's split (by piece) are read into windows ({@link EmbeddingInput}), the network
 * is trained ({@link EmbeddingTraining}, resumable in {@code RUN/training}), and {@code RUN/model} gets the best
 * epoch's weights, the configuration, the input, the classes and the {@link Anchors} of every training piece and
 * composer (from the training files as they are, without augmented copies). Nothing is rendered.
 */
public final class EmbeddingRun {

    /** The model folder inside a run folder. */
    public static final String MODEL_DIR = "model";
    /** The training folder (checkpoints, history) inside a run folder. */
    public static final String TRAINING_DIR = "training";
    /** The model's description inside the model folder. */
    public static final String CONTRACT = "embedding.json";
    /** The model's weights inside the model folder. */
    public static final String WEIGHTS = "weights.params";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingRun.class);

    /**
     * What a model folder says about its network.
     *
     * @param classes  the training composers, index = class
     * @param shape    input shape {channels, rows, columns}
     * @param config   how it was built and trained
     * @param inputKey canonical key of the windows it reads
     * @param bestEpoch the epoch whose weights these are
     */
    public record Contract(List<String> classes, int[] shape, EmbeddingConfig config, String inputKey,
                           int bestEpoch) {
    }

    /**
     * @param split    the files and their split
     * @param training the training's history and best epoch
     * @param modelDir the model folder
     * @param anchors  the composer and piece anchors of the training files
     * @param problems files that could not be read, with why
     */
    public record Result(LabelledSplit split, EmbeddingTraining.Result training, Path modelDir, Anchors anchors,
                         List<String> problems) {
    }

    private EmbeddingRun() {
    }

    /**
     * @param ws       the workspace (its MIDI files are read where they are, never changed)
     * @param input    notes or piano-roll windows (a notes input's standardisation is fitted here)
     * @param ds       target, split, filters and augmentations (transposed or stretched training copies)
     * @param cfg      network and training
     * @param runDir   the run folder (created; rerun with the same arguments to resume)
     * @param listener training progress
     * @param progress reading progress
     * @param threads  threads reading files, &ge; 1
     */
    public static Result train(Workspace ws, EmbeddingInput input, DatasetSpec ds, EmbeddingConfig cfg, Path runDir,
                               TrainingListener listener, ProgressListener progress, int threads) {
        Objects.requireNonNull(input, "input");
        ds.requireHeldOutValidation("an embedding");
        if (cfg.hasMlpTrunk() != (input.kind() == EmbeddingInput.Kind.NOTES)) {
            throw new IllegalArgumentException("the " + cfg.trunk() + " trunk does not read " + input.kind()
                    + " windows: feature vectors (notes) take the mlp trunk, piano rolls a CNN (small, resnet,"
                    + " mobilenet)");
        }
        LabelledSplit split = LabelledSplit.plan(ws, ds, NoteFiles::readable, NoteFiles.NOT_MIDI);
        List<String> problems = new ArrayList<>();
        List<Augmentation> copies = new ArrayList<>(List.of(Augmentation.NONE));
        copies.addAll(ds.trainAugmentations());
        Read train = read(split, Split.TRAIN, copies, input, progress, threads, problems);
        Read val = read(split, Split.VAL, List.of(Augmentation.NONE), input, progress, threads, problems);
        problems.forEach(p -> LOG.warn("left out: {}", p));
        org.cadenza.corpus.dataset.TrainableSplit.require(ws.dir(), train.windows.size(), val.windows.size(),
                "windows", split.excluded());
        EmbeddingInput fitted = input;
        if (input.kind() == EmbeddingInput.Kind.NOTES) {
            fitted = input.withStandardising(EmbeddingInput.Standardising.of(train.rows()));
        }
        EmbeddingWindows trainWindows = train.toWindows(split, fitted, false);
        EmbeddingWindows valWindows = val.toWindows(split, fitted, false);
        EmbeddingTraining.Result trained = EmbeddingTraining.train(trainWindows, valWindows, cfg,
                runDir.resolve(TRAINING_DIR), listener);
        if (trained.status() == TrainingResult.Status.INTERRUPTED) {
            throw new CadenzaException(runDir + ": training interrupted; rerun the same command to resume");
        }
        Path modelDir = runDir.resolve(MODEL_DIR);
        try {
            Files.createDirectories(modelDir);
            Files.copy(trained.bestWeights(), modelDir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model folder " + modelDir, e);
        }
        fitted.save(modelDir);
        ModelJson.write(modelDir.resolve(CONTRACT), new Contract(split.classes(), fitted.shape(), cfg, fitted.key(),
                trained.bestEpoch()));
        Anchors anchors;
        try (EmbeddingModel model = EmbeddingModel.openModelDir(modelDir, false)) {
            EmbeddingWindows originals = train.toWindows(split, fitted, true);
            anchors = Anchors.of(originals.pieceEmbeddings(model.embedWindows(originals.windows())),
                    originals.composerOfPiece());
        }
        anchors.save(modelDir);
        RunManifest.put(runDir, RunManifest.Section.MODEL, new RunManifest.ModelRef("embedding", MODEL_DIR));
        RunDataset.save(ds, runDir, ws.dir());
        RunFiles.write(ws, split, ds, runDir);
        return new Result(split, trained, modelDir, anchors, problems);
    }

    /** Raw windows of one split: feature rows (notes) or quantised rolls, with class, piece and copy. */
    private record Read(List<Object> windows, List<Integer> labels, List<String> pieces, List<Boolean> original) {

        List<double[]> rows() {
            List<double[]> out = new ArrayList<>();
            windows.forEach(w -> out.add((double[]) w));
            return out;
        }

        EmbeddingWindows toWindows(LabelledSplit split, EmbeddingInput input, boolean originalsOnly) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                if (!originalsOnly || original.get(i)) {
                    keep.add(i);
                }
            }
            List<String> pieceOf = keep.stream().map(pieces::get).toList();
            LabeledWindows lw;
            if (input.kind() == EmbeddingInput.Kind.NOTES) {
                List<float[]> ws = new ArrayList<>();
                int[] labels = new int[keep.size()];
                for (int k = 0; k < keep.size(); k++) {
                    ws.add(input.standardising().apply((double[]) windows.get(keep.get(k))));
                    labels[k] = this.labels.get(keep.get(k));
                }
                int[] shape = input.shape();
                lw = new InMemoryWindows(split.classes(), shape[1], shape[2], ws, labels);
            } else {
                int[] shape = input.shape();
                ByteWindows bw = new ByteWindows(split.classes(), shape[0], shape[1], shape[2]);
                for (int i : keep) {
                    bw.add((byte[]) windows.get(i), labels.get(i));
                }
                lw = bw;
            }
            return new EmbeddingWindows(lw, pieceOf);
        }
    }

    private static Read read(LabelledSplit split, Split which, List<Augmentation> copies, EmbeddingInput input,
                             ProgressListener progress, int threads, List<String> problems) {
        List<CatalogFile> files = split.files(which);
        List<NoteFiles.Outcome<List<List<Object>>>> outcomes = NoteFiles.map(files, input.pedal(), seq -> {
            List<List<Object>> perCopy = new ArrayList<>();
            for (Augmentation a : copies) {
                NoteSequence copy = NoteAugmentation.apply(seq, a);
                List<Object> ws = new ArrayList<>();
                if (input.kind() == EmbeddingInput.Kind.NOTES) {
                    ws.addAll(EmbeddingInput.featureRows(copy, input.notes()));
                } else {
                    input.windows(copy).forEach(w -> ws.add(ByteWindows.quantise(w)));
                }
                perCopy.add(ws);
            }
            return perCopy;
        }, threads, progress, "embedding windows (" + which.id() + ")");
        Read out = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (NoteFiles.Outcome<List<List<Object>>> o : outcomes) {
            if (o.problem().isPresent()) {
                problems.add(o.problem().get());
                continue;
            }
            int label = split.classIndex(o.file());
            String piece = split.pieceOf(o.file());
            List<List<Object>> perCopy = o.value().orElseThrow();
            for (int c = 0; c < perCopy.size(); c++) {
                for (Object w : perCopy.get(c)) {
                    out.windows.add(w);
                    out.labels.add(label);
                    out.pieces.add(piece);
                    out.original.add(c == 0);
                }
            }
        }
        return out;
    }
}
