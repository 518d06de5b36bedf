package org.cadenza.model.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.ExpectedOutputs;
import org.cadenza.model.LabeledWindows;
import org.cadenza.model.ModelJson;
import org.cadenza.model.nets.Networks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains a classifier on {@link LabeledWindows}, with a checkpoint per epoch and resume. The epoch loop is
 * {@link TrainingLoop}'s; this class supplies its batches (shuffled windows, SpecAugment, optionally class-weighted
 * cross-entropy) and validation (cross-entropy and accuracy), and keeps the run folder's layout for every training.
 *
 * <p>Run folder layout: {@code config.json} (the {@link TrainingConfig}), {@code history.csv} (learning curves),
 * {@code checkpoint/state.json} ({@link TrainingState}: epoch, best epoch and score, history) and
 * {@code checkpoint/epoch-NNNN.params} (DJL parameter files; only the last and the best epoch are kept) and
 * {@code checkpoint/optimizer-NNNN.bin} (the optimizer's moments after the last epoch).
 *
 * <p>Reproducibility: shuffling and SpecAugment masks come from {@code java.util.Random} seeded by (seed, epoch),
 * PyTorch's RNG (weight initialisation) is seeded from the seed, so the same seed and data give the same run. On
 * CPU with a fixed number of PyTorch threads the results are bit-identical in practice; PyTorch does not promise
 * that across thread counts, CPUs or versions (reductions may be ordered differently), so compare runs on the same
 * machine. Resume: the next epoch starts from the saved weights, batch-norm statistics and optimizer moments and uses
 * the same shuffle, masks, learning-rate step and PyTorch seed as an uninterrupted run, so the final result is the
 * same (tested to 1e-5 in loss; an epoch interrupted half-way is redone from its start).
 */
public final class ClassifierTraining {

    /** Sub-folder of the run folder holding the checkpoint. */
    public static final String CHECKPOINT = "checkpoint";

    private ClassifierTraining() {
    }

    /**
     * Trains, or resumes the run in {@code runDir} after its last finished epoch. A run that already ended returns
     * its result without training. Refuses a run folder made with another configuration.
     *
     * @param train training windows
     * @param val validation windows (same classes and shape, at least one window): early stopping and best epoch
     * @param cfg configuration
     * @param runDir the run folder, created when missing
     * @param listener progress (may be {@link TrainingListener#NONE})
     * @return history, best epoch and where its weights are
     */
    public static TrainingResult train(LabeledWindows train, LabeledWindows val, TrainingConfig cfg, Path runDir,
                                       TrainingListener listener) {
        TrainingSupport.checkTrainable(train);
        TrainingSupport.checkCompatible(train, val, "validation");
        if (val.size() == 0) {
            throw new IllegalArgumentException("no validation windows: early stopping and best epoch need some");
        }
        TrainingLoop.Outcome out = TrainingLoop.fit(runDir, cfg, TrainingConfig.class,
                LoopSettings.of(cfg, "cadenza-classifier"), new Classifier(train, val, cfg), listener);
        int[] shape = {train.channels(), train.mels(), train.frames()};
        return new TrainingResult(runDir, train.classes(), shape, cfg, out.state().history(),
                out.state().bestEpoch(), out.bestWeights(runDir), out.status(), out.resumedAfterEpoch());
    }

    /** The classifier's part of the loop: shuffled windows, SpecAugment, optionally class-weighted cross-entropy. */
    private static final class Classifier extends WindowTrainee<LabeledWindows> {

        private final LabeledWindows val;
        private final float[] classWeights;

        Classifier(LabeledWindows train, LabeledWindows val, TrainingConfig cfg) {
            super(train, cfg);
            this.val = val;
            this.classWeights = cfg.classWeights() ? TrainingSupport.classWeights(train) : null;
        }

        @Override
        public Block network() {
            return Networks.build(config.architecture(), train.classes().size());
        }

        @Override
        public BatchStep trainBatch(Trainer trainer, int batch) {
            int from = from(batch);
            int to = to(batch);
            int[] labels = TrainingSupport.labels(train, order(), from, to);
            float[] weights = null;
            if (classWeights != null) {
                weights = new float[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    weights[i] = classWeights[labels[i]];
                }
            }
            float loss;
            int hits;
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray x = batch(bm, from, to);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray logits = TrainingSupport.logits(trainer.forward(new NDList(x)));
                    NDArray l = TrainingSupport.crossEntropy(logits, labels, weights);
                    gc.backward(l);
                    loss = l.getFloat();
                    hits = TrainingSupport.correct(logits, labels);
                }
                trainer.step();
            }
            return new BatchStep(loss, loss * (to - from), hits, to - from, to - from);
        }

        @Override
        public Validation validate(Trainer trainer) {
            return validate(trainer, val, (bm, x, order, from, to) -> {
                int[] labels = TrainingSupport.labels(val, order, from, to);
                NDArray logits = TrainingSupport.logits(trainer.evaluate(new NDList(x)));
                return new BatchScore(TrainingSupport.crossEntropy(logits, labels, null).getFloat(),
                        TrainingSupport.correct(logits, labels));
            });
        }
    }

    /**
     * Opens a training folder: writes {@code config.json} and a fresh state, or, when the folder already has a
     * checkpoint, reads its state after checking that it was made with the same configuration.
     *
     * @param runDir the folder (its {@value #CHECKPOINT} sub-folder is created)
     * @param cfg    the configuration (a record compared with {@code equals})
     * @param type   its class, to read the saved one
     * @return the state to start or resume from
     */
    public static <C> TrainingState startOrResume(Path runDir, C cfg, Class<C> type) {
        Path ckpt = runDir.resolve(CHECKPOINT);
        try {
            Files.createDirectories(ckpt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + runDir, e);
        }
        Path configFile = runDir.resolve("config.json");
        Path stateFile = ckpt.resolve("state.json");
        if (Files.exists(stateFile)) {
            C previous = ModelJson.read(configFile, type);
            if (!previous.equals(cfg)) {
                throw new CadenzaException(runDir + ": this run folder was made with another configuration ("
                        + previous + "); use a new run folder or the same configuration (" + cfg + ")");
            }
            return ModelJson.read(stateFile, TrainingState.class);
        }
        ModelJson.write(configFile, cfg);
        return new TrainingState(0, 0, Double.NaN, 0, List.of(), TrainingState.RUNNING);
    }

    /** @return the parameter file of a finished epoch */
    public static Path weightsFile(Path runDir, int epoch) {
        return runDir.resolve(CHECKPOINT).resolve(String.format("epoch-%04d.params", epoch));
    }

    /** @return the optimizer state file of a finished epoch */
    public static Path optimizerFile(Path runDir, int epoch) {
        return runDir.resolve(CHECKPOINT).resolve(String.format("optimizer-%04d.bin", epoch));
    }

    /** Writes state.json (the commit point), history.csv, then deletes parameter files of other epochs. */
    public static void commit(Path runDir, TrainingState state) {
        Path ckpt = runDir.resolve(CHECKPOINT);
        ModelJson.write(ckpt.resolve("state.json"), state);
        StringBuilder csv = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : state.history()) {
            csv.append(r.toCsv()).append('\n');
        }
        try {
            ModelJson.writeAtomically(runDir.resolve("history.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
            Path keepLast = weightsFile(runDir, state.epochsDone()).getFileName();
            Path keepBest = weightsFile(runDir, state.bestEpoch()).getFileName();
            Path keepOptimizer = optimizerFile(runDir, state.epochsDone()).getFileName();
            try (Stream<Path> files = Files.list(ckpt)) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("epoch-") && name.endsWith(".params")
                            && !p.getFileName().equals(keepLast) && !p.getFileName().equals(keepBest)) {
                        Files.delete(p);
                    }
                    if (name.startsWith("optimizer-") && !p.getFileName().equals(keepOptimizer)) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir, e);
        }
    }

    /** Saves a block's parameters to {@code file} atomically. */
    public static void saveParameters(Block block, Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
                block.saveParameters(out);
            }
            ModelJson.writeAtomically(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write weights " + file, e);
        }
    }

    /**
     * Loads parameters saved by {@link #saveParameters} into an initialised block of the same architecture, and
     * refuses a file whose parameter shapes differ from the block's (DJL itself would take them as they are).
     *
     * @throws CadenzaException when the file cannot be read
     * @throws BadInputException naming the file and the first differing parameters when the shapes differ
     */
    public static void loadParameters(Block block, NDManager manager, Path file) {
        loadParameters(block, manager, file, null);
    }

    /**
     * As {@link #loadParameters(Block, NDManager, Path)}, and when the shapes differ says first whether an output
     * of the network has another width than its model folder lists: {@code "<folder>: the network outputs 2 classes
     * but model.json lists 4: the model folder is damaged; train it again"}.
     *
     * @param expected the outputs the model folder promises, or {@code null} for the shape check alone
     * @throws BadInputException naming the model folder when an output's width differs from {@code expected}, else
     *     naming the weights file when any parameter's shape differs
     */
    public static void loadParameters(Block block, NDManager manager, Path file, ExpectedOutputs expected) {
        Map<String, Shape> built = new LinkedHashMap<>();
        for (var p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                built.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        try (InputStream in = Files.newInputStream(file);
             DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            block.loadParameters(manager, data);
        } catch (IOException | MalformedModelException e) {
            throw new CadenzaException(file + ": cannot load weights (" + e.getMessage()
                    + "); the file is damaged or was made by another architecture or class count", e);
        }
        List<String> differences = new ArrayList<>();
        for (var p : block.getParameters()) {
            Shape want = built.get(p.getKey());
            if (want != null && p.getValue().isInitialized() && !want.equals(p.getValue().getArray().getShape())) {
                differences.add(p.getKey() + " " + p.getValue().getArray().getShape() + " where the network expects "
                        + want);
            }
        }
        if (differences.isEmpty()) {
            return;
        }
        if (expected != null) {
            List<Long> widths = outputWidths(block, manager, expected.input());
            for (int i = 0; i < Math.min(widths.size(), expected.outputs().size()); i++) {
                ExpectedOutputs.Output o = expected.outputs().get(i);
                if (widths.get(i) != o.width()) {
                    throw new BadInputException(expected.modelDir(), "the network outputs " + widths.get(i) + " "
                            + o.what() + " but " + expected.listedIn() + " lists " + o.width()
                            + ": the model folder is damaged; train it again");
                }
            }
        }
        throw new BadInputException(file, "the weights do not fit the network described beside them: parameter "
                + String.join(", ", differences.subList(0, Math.min(3, differences.size())))
                + (differences.size() > 3 ? " (and " + (differences.size() - 3) + " more)" : "")
                + ": the model folder is damaged; train it again");
    }

    /** @return the last dimension of each output for a zero input, or empty when the loaded block cannot run */
    private static List<Long> outputWidths(Block block, NDManager manager, Shape input) {
        try (NDManager m = manager.newSubManager()) {
            NDList y = block.forward(new ParameterStore(m, false), new NDList(m.zeros(input)), false);
            List<Long> out = new ArrayList<>();
            for (NDArray a : y) {
                out.add(a.getShape().get(a.getShape().dimension() - 1));
            }
            return out;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
