package org.cadenza.model.pianoroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteAugmentation;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.features.pianoroll.PianoRollWindows;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.TrainingCounts;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.route.RunRoute;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.render.Augmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the piano-roll route: the notes of every training and validation MIDI file become onset and frame rolls
 * ({@link PianoRoll}), cut into windows like the audio route's spectrograms, and the same CNNs learn them as
 * two-channel images of 88 pitches x frames. Training copies (transposed or stretched notes, when the dataset spec
 * asks) join the training split only. Early stopping, checkpoints, resume, ensembles: as
 * {@link WorkspaceTraining}. Validation and test files are evaluated file by file through {@link PianoRollPredictor}.
 *
 * <p>The run folder gets {@code model/} (a {@link ModelBundle} whose input contract is the roll's key),
 * a {@link org.cadenza.model.run.RunManifest} (route, roll settings, training counts), and the training's history
 * and checkpoints.
 */
public final class PianoRollTraining {


    private static final Logger LOG = LoggerFactory.getLogger(PianoRollTraining.class);

    /**
     * @param split    the labelled files and their split
     * @param training the first network's result
     * @param bundle   the saved model
     * @param problems files that could not be read, with why
     */
    public record Result(LabelledSplit split, TrainingResult training, ModelBundle bundle, List<String> problems) {
    }

    private PianoRollTraining() {
    }

    /** Start frames of a file's windows as this route cuts them ({@link PianoRollWindows#starts}). */
    public static List<Integer> starts(PianoRoll roll, PianoRollSettings s) {
        return PianoRollWindows.starts(roll, s.window().windowSeconds(), s.window().hopSeconds(), 0.0,
                s.firstSeconds().orElse(Double.POSITIVE_INFINITY));
    }

    /**
     * A window as the route stores and feeds it: quantised to bytes and back ({@link ByteWindows}), so that
     * prediction sees exactly the values training saw.
     */
    public static float[] asStored(float[] window) {
        return ByteWindows.dequantise(ByteWindows.quantise(window));
    }

    /**
     * @param ws       the workspace (its MIDI files are read where they are)
     * @param settings roll and windows
     * @param ds       target, split, filters and augmentations (balancing is not applied: use class weights)
     * @param config   the network and its training
     * @param runDir   the run folder (created; reused to resume)
     * @param listener training progress
     * @param progress progress of reading the files
     * @param threads  threads reading files, &ge; 1
     */
    public static Result train(Workspace ws, PianoRollSettings settings, DatasetSpec ds, TrainingConfig config,
                               Path runDir, TrainingListener listener, ProgressListener progress, int threads) {
        Objects.requireNonNull(settings, "settings");
        ds.requireHeldOutValidation("the piano-roll route");
        LabelledSplit split = LabelledSplit.plan(ws, ds, NoteFiles::readable, NoteFiles.NOT_MIDI);
        List<String> problems = new ArrayList<>();
        List<Augmentation> copies = new ArrayList<>();
        copies.add(Augmentation.NONE);
        copies.addAll(ds.trainAugmentations());
        ByteWindows train = windows(split, Split.TRAIN, copies, settings, progress, threads, problems);
        ByteWindows val = windows(split, Split.VAL, List.of(Augmentation.NONE), settings, progress, threads, problems);
        problems.forEach(p -> LOG.warn("left out: {}", p));
        org.cadenza.corpus.dataset.TrainableSplit.require(ws.dir(), train.size(), val.size(), "windows",
                split.excluded());
        try {
            Files.createDirectories(runDir);
            settings.save(runDir);
            RunRoute.write(runDir, InputRoute.PIANOROLL);
            writeCounts(runDir, split, train);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + runDir, e);
        }
        TrainingResult first = ClassifierTraining.train(train, val, config.member(1), runDir, listener);
        List<TrainingResult> members = new ArrayList<>(List.of(first));
        for (int k = 2; k <= config.ensembleMembers() && members.get(members.size() - 1).status()
                != TrainingResult.Status.INTERRUPTED; k++) {
            members.add(ClassifierTraining.train(train, val, config.member(k), WorkspaceTraining.memberDir(runDir, k),
                    listener));
        }
        if (members.size() < config.ensembleMembers()
                || members.get(members.size() - 1).status() == TrainingResult.Status.INTERRUPTED) {
            throw new CadenzaException(runDir + ": training interrupted; rerun the same command to resume");
        }
        ModelBundle bundle = ModelBundle.create(runDir.resolve(WorkspaceTraining.MODEL_DIR), members,
                settings.inputContract(), dataHash(split));
        return new Result(split, first, bundle, problems);
    }

    private static ByteWindows windows(LabelledSplit split, Split which, List<Augmentation> copies,
                                       PianoRollSettings s, ProgressListener progress, int threads,
                                       List<String> problems) {
        List<CatalogFile> files = split.files(which);
        ByteWindows out = new ByteWindows(split.classes(), 2, s.roll().pitches(), s.frames());
        int frames = s.frames();
        // each file's windows are made on the reading threads and added in file order (deterministic)
        List<NoteFiles.Outcome<List<byte[]>>> outcomes = NoteFiles.map(files, s.pedal(), seq -> {
            List<byte[]> ws = new ArrayList<>();
            for (Augmentation a : copies) {
                NoteSequence copy = NoteAugmentation.apply(seq, a);
                PianoRoll roll = PianoRoll.of(copy, s.roll());
                for (int start : starts(roll, s)) {
                    ws.add(ByteWindows.quantise(roll.window(start, frames)));
                }
            }
            return ws;
        }, threads, progress, "piano rolls (" + which.id() + ")");
        for (NoteFiles.Outcome<List<byte[]>> o : outcomes) {
            if (o.problem().isPresent()) {
                problems.add(o.problem().get());
                continue;
            }
            int label = split.classIndex(o.file());
            for (byte[] w : o.value().orElseThrow()) {
                out.add(w, label);
            }
        }
        return out;
    }

    private static String dataHash(LabelledSplit split) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Split s : List.of(Split.TRAIN, Split.VAL)) {
                for (CatalogFile f : split.files(s)) {
                    md.update((s.id() + ":" + f.sha256() + ":" + split.labelOf().get(f.id()) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No balancing on this route: every training window (augmented copies included) is trained on once. */
    private static void writeCounts(Path runDir, LabelledSplit split, ByteWindows train) throws IOException {
        int n = split.classes().size();
        long[] windows = new long[n];
        for (int i = 0; i < train.size(); i++) {
            windows[train.label(i)]++;
        }
        long[] files = new long[n];
        long[] pieces = new long[n];
        for (int c = 0; c < n; c++) {
            int cls = c;
            List<CatalogFile> of = split.files(Split.TRAIN).stream().filter(f -> split.classIndex(f) == cls).toList();
            Set<String> distinct = new HashSet<>();
            of.forEach(f -> distinct.add(split.pieceOf(f)));
            files[c] = of.size();
            pieces[c] = distinct.size();
        }
        new TrainingCounts(split.classes(), files, pieces, windows, windows).write(runDir);
    }
}
