package org.cadenza.model.multitask;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.ExpectedOutputs;
import org.cadenza.model.ModelJson;
import org.cadenza.model.train.ClassifierTraining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A trained multi-label (or multi-task) network, loaded: windows in, instrument probabilities (sigmoid) and, with
 * the composer head, composer probabilities (softmax) out. Not thread-safe; close it to free native memory.
 */
public final class MultiTaskModel implements AutoCloseable {

    /** The model's description in its folder. */
    public static final String CONTRACT = "multitask.json";
    /** The weights in the model folder. */
    public static final String WEIGHTS = "weights.params";
    /** Windows per forward pass. */
    public static final int BATCH = 32;

    /**
     * @param classes composer classes (empty without the composer head)
     * @param labels  instrument families, index = output column
     * @param shape   input shape {channels, mels, frames}
     * @param config  how it was trained
     * @param bestEpoch the epoch of these weights
     */
    public record Contract(List<String> classes, List<String> labels, int[] shape, MultiTaskConfig config,
                           int bestEpoch) {
    }

    /**
     * @param composers   per window, the composer probabilities, when the model has the composer head
     * @param instruments per window, one probability per family
     */
    public record Output(Optional<float[][]> composers, float[][] instruments) {
    }

    private final Contract contract;
    private final Model model;
    private final Block block;

    private MultiTaskModel(Path dir) {
        if (!Files.exists(dir.resolve(CONTRACT))) {
            throw new CadenzaException(dir + ": not a multi-label model folder (no " + CONTRACT + ")");
        }
        contract = ModelJson.read(dir.resolve(CONTRACT), Contract.class);
        model = Model.newInstance("cadenza-multitask");
        try {
            block = MultiTaskNetwork.build(contract.config().training().architecture(), contract.config().heads(),
                    Math.max(2, contract.classes().size()), contract.labels().size());
            model.setBlock(block);
            int[] s = contract.shape();
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, s[0], s[1], s[2]));
            List<ExpectedOutputs.Output> outputs = new java.util.ArrayList<>();
            if (contract.config().heads() == Heads.COMPOSER_AND_INSTRUMENTS) {
                outputs.add(new ExpectedOutputs.Output("composer classes", Math.max(2, contract.classes().size())));
            }
            outputs.add(new ExpectedOutputs.Output("instrument families", contract.labels().size()));
            ClassifierTraining.loadParameters(block, model.getNDManager(), dir.resolve(WEIGHTS),
                    new ExpectedOutputs(dir, CONTRACT, ExpectedOutputs.oneItem(s), outputs));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads a model folder written by {@link #save}.
     *
     * @throws org.cadenza.io.BadInputException naming the folder when the weights do not fit the network that
     *     {@value #CONTRACT} describes (e.g. another number of composer classes or instrument families)
     */
    public static MultiTaskModel open(Path modelDir) {
        return new MultiTaskModel(modelDir);
    }

    /**
     * Writes a model folder: the best epoch's weights and the contract.
     *
     * @param result  a finished training
     * @param classes composer classes of the training windows
     * @param shape   their input shape
     * @param modelDir the folder (created)
     */
    public static void save(MultiTaskTraining.Result result, List<String> classes, int[] shape, Path modelDir) {
        if (result.bestWeights() == null) {
            throw new CadenzaException(result.dir() + ": no finished epoch to save");
        }
        try {
            Files.createDirectories(modelDir);
            Files.copy(result.bestWeights(), modelDir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + modelDir, e);
        }
        List<String> c = result.config().heads() == Heads.INSTRUMENTS ? List.of() : classes;
        ModelJson.write(modelDir.resolve(CONTRACT), new Contract(c, result.labels(), shape, result.config(),
                result.bestEpoch()));
    }

    /** @return the model's description */
    public Contract contract() {
        return contract;
    }

    /**
     * @param windows each of the contract's input shape, layout {@code [channel][mel][frame]}
     * @return probabilities per window
     */
    public Output predict(List<float[]> windows) {
        int[] s = contract.shape();
        boolean composer = contract.config().heads() == Heads.COMPOSER_AND_INSTRUMENTS;
        float[][] inst = new float[windows.size()][];
        float[][] comp = composer ? new float[windows.size()][] : null;
        for (int from = 0; from < windows.size(); from += BATCH) {
            int to = Math.min(windows.size(), from + BATCH);
            float[] data = org.cadenza.model.WindowBatches.flatten(windows, from, to, s[0], s[1], s[2]);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray x = m.create(data, new Shape(to - from, s[0], s[1], s[2]));
                NDList y = block.forward(new ParameterStore(m, false), new NDList(x), false);
                copyRows(ai.djl.nn.Activation.sigmoid(MultiTaskTraining.instruments(y)), inst, from);
                if (composer) {
                    copyRows(y.get(0).softmax(1), comp, from);
                }
            }
        }
        return new Output(Optional.ofNullable(comp), inst);
    }

    private static void copyRows(NDArray a, float[][] out, int from) {
        int n = Math.toIntExact(a.getShape().get(0));
        int w = Math.toIntExact(a.getShape().get(1));
        float[] flat = a.toFloatArray();
        for (int i = 0; i < n; i++) {
            out[from + i] = new float[w];
            System.arraycopy(flat, i * w, out[from + i], 0, w);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
