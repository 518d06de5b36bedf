package org.cadenza.model.multitask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetBuilder;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.dataset.SplitWindows;
import org.cadenza.corpus.dataset.WindowDataset;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.features.instruments.InstrumentLabels;
import org.cadenza.features.instruments.InstrumentMap;
import org.cadenza.features.instruments.InstrumentVocabulary;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.run.RunManifest;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;

/**
 * Trains the instrument head on a workspace's rendered windows (render with the files' own instruments,
 * {@code --program original}). Each window's targets are the instrument families whose notes sound in it
 * ({@link InstrumentLabels#ofWindows}, read from the MIDI file the window was rendered from); families present in
 * fewer than {@code minPieces} training pieces are dropped, as seed 002 dropped rare classes, and reported.
 *
 * <p>Run folder: {@code training/} (checkpoints, history, resumable), {@code model/} ({@link MultiTaskModel}),
 * and a {@link RunManifest} with the pipeline settings and section {@value #RunManifest.Section.INSTRUMENTS} (the vocabulary, the dropped
 * families, the mapping's key).
 */
public final class InstrumentTraining {


    /**
     * @param data       the windows of the three splits
     * @param targets    per split (train, val, test), the families of each window, in window order
     * @param vocabulary the families kept and those dropped
     * @param training   the network's training
     * @param modelDir   the saved model
     * @param problems   files whose notes could not be read (their windows get no family)
     */
    public record Result(WindowDataset data, List<List<SortedSet<String>>> targets, InstrumentVocabulary vocabulary,
                         MultiTaskTraining.Result training, Path modelDir, List<String> problems) {
    }

    /**
     * What {@value #RunManifest.Section.INSTRUMENTS} holds.
     *
     * @param families          the output columns
     * @param piecesPerFamily   training pieces per family, all families
     * @param dropped           families dropped as rare, with their piece counts
     * @param minPieces         the rare-family threshold
     * @param mapKey            the program-to-family mapping's key
     * @param minSoundingSeconds how long a family must sound in a window to count
     */
    public record Labels(List<String> families, Map<String, Integer> piecesPerFamily, Map<String, Integer> dropped,
                         int minPieces, String mapKey, double minSoundingSeconds) {
    }

    private InstrumentTraining() {
    }

    /**
     * @param ws        the workspace, rendered and featurised with {@code pipeline}
     * @param pipeline  how the windows were made (no stacking)
     * @param ds        target (the composer head's classes), split, filters
     * @param map       program to family
     * @param minPieces families in fewer training pieces are dropped
     * @param cfg       network, heads and training
     * @param runDir    the run folder (created; rerun to resume)
     */
    public static Result train(Workspace ws, PipelineSettings pipeline, DatasetSpec ds, InstrumentMap map,
                               int minPieces, MultiTaskConfig cfg, Path runDir, TrainingListener listener,
                               ProgressListener progress, int threads) {
        Objects.requireNonNull(map, "map");
        if (pipeline.stack() != 1) {
            throw new IllegalArgumentException("the instrument head reads single windows; stacking is not supported");
        }
        WindowDataset data = DatasetBuilder.buildAll(ws, pipeline.features(), pipeline.render(), pipeline.window(),
                ds);
        if (data.train().size() == 0 || data.val().size() == 0) {
            throw new CadenzaException("nothing to train on in " + ws.dir() + ": " + data.train().size()
                    + " training and " + data.val().size() + " validation windows; render and featurise the "
                    + "workspace with the same settings first (left out: "
                    + org.cadenza.corpus.dataset.TrainableSplit.describe(data.excluded()) + ")");
        }
        List<String> problems = new ArrayList<>();
        double minSounding = InstrumentLabels.DEFAULT_MIN_SOUNDING_SECONDS;
        List<List<SortedSet<String>>> targets = new ArrayList<>();
        for (SplitWindows s : List.of(data.train(), data.val(), data.test())) {
            targets.add(windowLabels(ws, s, pipeline, map, minSounding, progress, threads, problems));
        }
        Map<String, SortedSet<String>> ofPiece = new TreeMap<>();
        List<DatasetWindow> tw = data.train().windows();
        for (int i = 0; i < tw.size(); i++) {
            ofPiece.computeIfAbsent(tw.get(i).ref().pieceId(), k -> new TreeSet<>()).addAll(targets.get(0).get(i));
        }
        InstrumentVocabulary vocabulary = InstrumentVocabulary.of(ofPiece, minPieces);
        if (vocabulary.families().isEmpty()) {
            throw new CadenzaException("no instrument family is in " + minPieces + " or more training pieces: "
                    + vocabulary.piecesPerFamily());
        }
        MultiLabelWindows train = windows(data.train(), targets.get(0), vocabulary);
        MultiLabelWindows val = windows(data.val(), targets.get(1), vocabulary);
        MultiTaskTraining.Result trained = MultiTaskTraining.train(train, val, cfg, runDir.resolve("training"),
                listener);
        if (trained.status() == TrainingResult.Status.INTERRUPTED) {
            throw new CadenzaException(runDir + ": training interrupted; rerun the same command to resume");
        }
        Path modelDir = runDir.resolve("model");
        MultiTaskModel.save(trained, train.classes(), new int[] {train.channels(), train.mels(), train.frames()},
                modelDir);
        pipeline.save(runDir);
        RunManifest.put(runDir, RunManifest.Section.INSTRUMENTS, new Labels(vocabulary.families(), vocabulary.piecesPerFamily(),
                vocabulary.dropped(), minPieces, map.key(), minSounding));
        return new Result(data, targets, vocabulary, trained, modelDir, problems);
    }

    /**
     * The families sounding in each window of a split, from the notes of the file each window was rendered from.
     * With {@code startAtFirstNote} rendering, audio time 0 is the first note.
     *
     * @return one set per window, in the split's window order
     */
    public static List<SortedSet<String>> windowLabels(Workspace ws, SplitWindows split, PipelineSettings pipeline,
                                                       InstrumentMap map, double minSoundingSeconds,
                                                       ProgressListener progress, int threads,
                                                       List<String> problems) {
        List<DatasetWindow> windows = split.windows();
        Map<Long, List<Integer>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            byFile.computeIfAbsent(windows.get(i).ref().fileId(), k -> new ArrayList<>()).add(i);
        }
        List<CatalogFile> files = new ArrayList<>();
        for (Long id : byFile.keySet()) {
            files.add(ws.catalog().findById(id).orElseThrow(() -> new CadenzaException(ws.dir()
                    + ": window of file id " + id + " that the catalog does not have")));
        }
        double length = pipeline.window().windowSeconds();
        boolean fromFirstNote = pipeline.render().startAtFirstNote();
        List<SortedSet<String>> out = new ArrayList<>(java.util.Collections.nCopies(windows.size(), null));
        List<NoteFiles.Outcome<NoteSequence>> read = NoteFiles.map(files, org.cadenza.io.midi.NoteReader.Pedal.EXTEND,
                seq -> seq, threads, progress, "instrument labels (" + split.split().id() + ")");
        for (NoteFiles.Outcome<NoteSequence> o : read) {
            List<Integer> idx = byFile.get(o.file().id());
            if (o.problem().isPresent()) {
                problems.add(o.problem().get());
                idx.forEach(i -> out.set(i, new TreeSet<>()));
                continue;
            }
            NoteSequence seq = o.value().orElseThrow();
            double offset = fromFirstNote ? seq.firstOnsetSeconds() : 0;
            List<double[]> spans = new ArrayList<>();
            for (int i : idx) {
                double start = windows.get(i).ref().startSeconds() + offset;
                spans.add(new double[] {start, start + length});
            }
            List<SortedSet<String>> labels = InstrumentLabels.ofWindows(seq, spans, map, minSoundingSeconds);
            for (int k = 0; k < idx.size(); k++) {
                out.set(idx.get(k), labels.get(k));
            }
        }
        return out;
    }

    /** A split's windows in memory with their multi-hot targets over the vocabulary. */
    public static MultiLabelWindows windows(SplitWindows split, List<SortedSet<String>> labels,
                                            InstrumentVocabulary vocabulary) {
        List<float[]> targets = new ArrayList<>(labels.size());
        for (SortedSet<String> l : labels) {
            targets.add(InstrumentLabels.multiHot(l, vocabulary.families()));
        }
        return new InMemoryMultiLabelWindows(WorkspaceTraining.inMemory(split), vocabulary.families(), targets);
    }

    /** @return whether {@code runDir} holds an instrument run */
    public static boolean isRun(Path runDir) {
        return RunManifest.find(runDir, RunManifest.Section.INSTRUMENTS, Labels.class).isPresent();
    }
}
