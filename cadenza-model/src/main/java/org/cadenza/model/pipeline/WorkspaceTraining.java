package org.cadenza.model.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.AugmentedRenders;
import org.cadenza.corpus.dataset.DatasetBuilder;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.dataset.SplitWindows;
import org.cadenza.corpus.dataset.WindowDataset;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.TrainingCounts;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.route.RunRoute;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.LearningRateFinder;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Trains a classifier on a workspace's featurised windows: builds the by-piece split, copies the training and
 * validation windows into memory (reading each cached spectrogram once), trains with
 * {@link ClassifierTraining}, and writes a model bundle. Everything lands in one run folder:
 * a {@link org.cadenza.model.run.RunManifest} (pipeline settings, training counts), {@code dataset.txt} (the split,
 * for people), the training run's files and {@code model/}.
 * Rerunning with the same folder resumes the training.
 */
public final class WorkspaceTraining {

    /** The bundle's folder inside a run folder. */
    public static final String MODEL_DIR = "model";
    /** Windows of the held-out test split, for {@code evaluate}. */
    public static final String TEST_WINDOWS = "test-windows.csv";
    /** The learning-rate finder's points. */
    public static final String LR_FIND = "lr-find.csv";

    /** What a training produced. */
    public record Result(WindowDataset data, TrainingResult training, ModelBundle bundle) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceTraining.class);

    private WorkspaceTraining() {
    }

    /**
     * @param ws       a workspace whose files are rendered and featurised with {@code pipeline}'s settings
     * @param pipeline how the windows were made; the run records it with the soundbank the workspace's audio was
     *                 really rendered with ({@link PipelineSettings#asRenderedIn(Workspace)})
     * @param dataset  target, split, filters and balancing
     * @param config   the network and its training
     * @param runDir   the run folder (created; reused to resume)
     * @param listener training progress
     */
    public static Result train(Workspace ws, PipelineSettings pipeline, DatasetSpec dataset, TrainingConfig config,
                               Path runDir, TrainingListener listener) {
        return train(ws, pipeline, dataset, config, runDir, listener, ProgressListener.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #train(Workspace, PipelineSettings, DatasetSpec, TrainingConfig, Path, TrainingListener)}, first
     * rendering and featurising the augmented copies of the training files that {@code dataset} asks for
     * ({@link AugmentedRenders}; resumable, skipped when present).
     *
     * @param jobs       progress of the augmented rendering and features
     * @param jobThreads worker threads for them, &ge; 1
     */
    public static Result train(Workspace ws, PipelineSettings pipeline, DatasetSpec dataset, TrainingConfig config,
                               Path runDir, TrainingListener listener, ProgressListener jobs, int jobThreads) {
        // what the windows were really made with (the render job's record), not what the default resolves to now
        pipeline = pipeline.asRenderedIn(ws);
        for (AugmentedRenders.Report r : AugmentedRenders.prepare(ws, pipeline.recipe(), dataset, jobThreads,
                jobs)) {
            if (r.render().isPartialFailure() || r.features().isPartialFailure()) {
                LOG.warn("augmentation {}: {} file(s) failed to render and {} to featurise; training goes on "
                        + "without their augmented copies", r.augmentation().key(), r.render().problems().size(),
                        r.features().problems().size());
            }
        }
        WindowDataset data = DatasetBuilder.buildAll(ws, pipeline.recipe(), dataset);
        if (data.train().size() == 0 || data.val().size() == 0) {
            throw new CadenzaException("nothing to train on in " + ws.dir() + ": " + data.train().size()
                    + " training and " + data.val().size() + " validation windows (are the files rendered and "
                    + "featurised with these settings? `cadenza status`)\n" + data.toText());
        }
        try {
            Files.createDirectories(runDir);
            pipeline.save(runDir);
            RunRoute.write(runDir, InputRoute.AUDIO);
            Files.writeString(runDir.resolve("dataset.txt"), data.toText(), StandardCharsets.UTF_8);
            writeWindows(ws, data.test(), runDir.resolve(TEST_WINDOWS));
            counts(data.train()).write(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + runDir, e);
        }
        checkMemory(data.train().size(), data.val().size(),
                data.train().mels() * data.train().frames() * pipeline.stack(), Runtime.getRuntime().maxMemory());
        LabeledWindows train = inMemory(data.train(), pipeline);
        LabeledWindows val = inMemory(data.val(), pipeline);
        if (train.size() == 0 || val.size() == 0) {
            throw new CadenzaException("nothing to train on in " + ws.dir() + ": stacking " + pipeline.stack()
                    + " consecutive windows per input leaves " + train.size() + " training and " + val.size()
                    + " validation inputs (files need at least " + pipeline.stack() + " windows; use a smaller "
                    + "--stack or longer --first-seconds)");
        }
        // every member trains with its own one-network configuration (member 1: the given seed, in runDir itself), so
        // a one-network run of the same seed is member 1 of an ensemble; the bundle records the ensemble's config
        TrainingResult result = ClassifierTraining.train(train, val, config.member(1), runDir, listener);
        List<TrainingResult> members = new ArrayList<>(List.of(result));
        for (int k = 2; k <= config.ensembleMembers(); k++) {
            if (result.status() == TrainingResult.Status.INTERRUPTED) {
                break;
            }
            TrainingResult member = ClassifierTraining.train(train, val, config.member(k), memberDir(runDir, k),
                    listener);
            members.add(member);
            if (member.status() == TrainingResult.Status.INTERRUPTED) {
                break;
            }
        }
        if (members.size() < config.ensembleMembers()) {
            throw new CadenzaException(runDir + ": training interrupted (" + members.size() + " of "
                    + config.ensembleMembers() + " networks started); rerun the same command to resume");
        }
        ModelBundle bundle = ModelBundle.create(runDir.resolve(MODEL_DIR), members, pipeline.inputContract(),
                data.train().dataHash());
        return new Result(data, result, bundle);
    }

    /**
     * Refuses, before reading anything, a training and validation set that cannot fit in this JVM's heap (float32
     * windows, read once and shuffled in memory), saying how much it needs and what to do.
     */
    static void checkMemory(int trainWindows, int valWindows, int floatsPerWindow, long max) {
        long need = (long) (trainWindows + valWindows) * floatsPerWindow * Float.BYTES;
        if (need > 0.85 * max) {
            throw new CadenzaException(String.format(java.util.Locale.ROOT, "the %,d training and %,d validation "
                    + "windows need %.1f GB in memory, more than this Java heap holds (%.1f GB): give Java more "
                    + "(CADENZA_JAVA_OPTS=-Xmx%dg ./cadenza ...), or use fewer windows (--first-seconds, "
                    + "--balance cap:N, fewer --transpose/--tempo copies, a larger --hop)", trainWindows,
                    valWindows, need / 1e9, max / 1e9, (long) Math.ceil(need / 0.8 / (1L << 30)) + 1));
        }
    }

    /**
     * The run folder of ensemble member {@code k >= 2} ({@code <runDir>/member-<k>}); member 1 trains in
     * {@code runDir} itself.
     */
    public static Path memberDir(Path runDir, int k) {
        return runDir.resolve("member-" + k);
    }

    /**
     * The learning-rate finder (seed 000's lr_find) on the training split: an exponential sweep from {@code minLr} to
     * {@code maxLr} over {@code steps} mini-batches; the points go to {@code lr-find.csv} in {@code runDir}.
     */
    public static LearningRateFinder.Result findLearningRate(Workspace ws, PipelineSettings pipeline,
                                                             DatasetSpec dataset, TrainingConfig config, double minLr,
                                                             double maxLr, int steps, Path runDir) {
        pipeline = pipeline.asRenderedIn(ws);
        SplitWindows train = DatasetBuilder.build(ws, pipeline.recipe(), dataset,
                org.cadenza.corpus.dataset.Split.TRAIN);
        if (train.size() == 0) {
            throw new CadenzaException("no training windows in " + ws.dir() + " with these settings");
        }
        LearningRateFinder.Result r = LearningRateFinder.find(inMemory(train, pipeline), config, minLr, maxLr, steps);
        try {
            Files.createDirectories(runDir);
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(runDir.resolve(LR_FIND), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("lr", "loss", "smoothed_loss").build())) {
                for (LearningRateFinder.Point p : r.points()) {
                    out.printRecord(p.learningRate(), p.loss(), p.smoothedLoss());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(LR_FIND), e);
        }
        return r;
    }

    /**
     * Copies a split into memory, reading the windows grouped by source spectrogram so that each cached file is
     * read once (training shuffles; the split's own reader keeps only a few spectrograms).
     */
    public static LabeledWindows inMemory(SplitWindows split) {
        int n = split.size();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        List<DatasetWindow> windows = split.windows();
        java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> windows.get(i).ref().contentHash())
                .thenComparingInt(i -> windows.get(i).startFrame()));
        float[][] data = new float[n][];
        for (int i : order) {
            data[i] = split.window(i);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = split.label(i);
        }
        return new InMemoryWindows(split.classes(), split.mels(), split.frames(), java.util.Arrays.asList(data), labels);
    }

    /**
     * The split's inputs as {@code pipeline} makes them: its windows ({@link #inMemory(SplitWindows)}) when
     * {@code pipeline.stack() == 1}, otherwise {@link #inMemory(SplitWindows, int, int)} with the pipeline's hop.
     */
    public static LabeledWindows inMemory(SplitWindows split, PipelineSettings pipeline) {
        if (pipeline.stack() == 1) {
            return inMemory(split);
        }
        return inMemory(split, pipeline.stack(), pipeline.recipe().hopFrames());
    }

    /**
     * Copies a split into memory as stacked inputs ({@link WindowStacking}): the windows are grouped by file (file id
     * and content hash, so that each augmented copy of a file is stacked on its own), ordered by start frame, cut
     * into runs of consecutive windows (start frames {@code hopFrames} apart), and every {@code stack} consecutive
     * windows of a run become one input of {@code stack} channels, labelled with the file's class. Files (runs)
     * with fewer than {@code stack} windows give no input. A window the split repeats (oversampling) is stacked
     * once and the input starting with it repeated as often.
     *
     * @param stack     windows per input, &ge; 1
     * @param hopFrames frames between the starts of consecutive windows, &ge; 1
     */
    public static LabeledWindows inMemory(SplitWindows split, int stack, int hopFrames) {
        List<DatasetWindow> windows = split.windows();
        java.util.Map<String, List<Integer>> byFile = new java.util.TreeMap<>();
        for (int i = 0; i < windows.size(); i++) {
            DatasetWindow w = windows.get(i);
            byFile.computeIfAbsent(w.ref().fileId() + "/" + w.ref().contentHash(), k -> new ArrayList<>()).add(i);
        }
        List<float[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (List<Integer> file : byFile.values()) {
            file.sort(Comparator.comparingInt(i -> windows.get(i).startFrame()));
            // an oversampled window is repeated in the split: stack the distinct windows, repeat the inputs
            List<Integer> distinct = new ArrayList<>();
            List<Integer> repeats = new ArrayList<>();
            for (int i : file) {
                if (!distinct.isEmpty()
                        && windows.get(distinct.get(distinct.size() - 1)).startFrame() == windows.get(i).startFrame()) {
                    repeats.set(repeats.size() - 1, repeats.get(repeats.size() - 1) + 1);
                } else {
                    distinct.add(i);
                    repeats.add(1);
                }
            }
            int[] starts = distinct.stream().mapToInt(i -> windows.get(i).startFrame()).toArray();
            for (int[] run : WindowStacking.consecutiveRuns(starts, hopFrames)) {
                if (run[1] < stack) {
                    continue;
                }
                List<float[]> values = new ArrayList<>(run[1]);
                for (int j = run[0]; j < run[0] + run[1]; j++) {
                    values.add(split.window(distinct.get(j)));
                }
                int label = split.label(distinct.get(run[0]));
                List<float[]> stacked = WindowStacking.stack(values, stack);
                for (int k = 0; k < stacked.size(); k++) {
                    for (int r = 0; r < repeats.get(run[0] + k); r++) {
                        inputs.add(stacked.get(k));
                        labels.add(label);
                    }
                }
            }
        }
        return new InMemoryWindows(split.classes(), split.mels(), split.frames(), stack, inputs,
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The training split's counts, windows once each (before oversampling) and as trained on. */
    static TrainingCounts counts(SplitWindows split) {
        int n = split.classes().size();
        long[] files = new long[n];
        long[] pieces = new long[n];
        long[] trained = new long[n];
        for (int c = 0; c < n; c++) {
            var k = split.counts().get(c);
            files[c] = k.files();
            pieces[c] = k.pieces();
            trained[c] = k.windows();
        }
        long[] distinct = new long[n];
        // an oversampled window is the same record repeated in the split
        for (var w : new java.util.HashSet<>(split.windows())) {
            distinct[w.label()]++;
        }
        return new TrainingCounts(split.classes(), files, pieces, distinct, trained);
    }

    /**
     * Writes {@value #TEST_WINDOWS}: content_hash, start_frame, label, piece_id, file (the catalog's path of the
     * file, as reports name it), file_id (its catalog id).
     */
    private static void writeWindows(Workspace ws, SplitWindows split, Path csv) throws IOException {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("content_hash", "start_frame", "label", "piece_id", "file",
                        "file_id").build())) {
            for (DatasetWindow w : split.windows()) {
                long id = w.ref().fileId();
                String name = names.computeIfAbsent(id, k -> ws.catalog().findById(k)
                        .map(org.cadenza.corpus.catalog.CatalogFile::displayPath).orElse(w.ref().featurePath()));
                out.printRecord(w.ref().contentHash(), w.startFrame(), w.label(), w.ref().pieceId(), name, id);
            }
        }
    }
}
