package org.cadenza.model.bundle;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.cadenza.model.ExpectedOutputs;
import org.cadenza.model.nets.Networks;
import org.cadenza.model.train.ClassifierTraining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded model that turns windows into class probabilities. Not thread-safe: use one per thread. Close it to
 * free the native memory.
 */
public final class Classifier implements AutoCloseable {

    /** Windows per forward pass in {@link #predictProba}. */
    public static final int BATCH = 32;

    private final ModelBundle bundle;
    private final List<Model> models = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final int channels;
    private final int mels;
    private final int frames;

    private Classifier(ModelBundle bundle) {
        this.bundle = bundle;
        ModelContract c = bundle.contract();
        channels = c.inputShape()[0];
        mels = c.inputShape()[1];
        frames = c.inputShape()[2];
        try {
            for (java.nio.file.Path weights : bundle.memberWeights()) {
                Model model = Model.newInstance("cadenza-classifier");
                models.add(model);
                Block block = Networks.build(c.architecture(), c.classes().size());
                model.setBlock(block);
                block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, channels, mels, frames));
                ClassifierTraining.loadParameters(block, model.getNDManager(), weights, new ExpectedOutputs(
                        bundle.dir(), ModelBundle.CONTRACT, new Shape(1, channels, mels, frames),
                        List.of(new ExpectedOutputs.Output("classes", c.classes().size()))));
                blocks.add(block);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Loads the bundle's network and weights.
     *
     * @throws org.cadenza.io.BadInputException naming the bundle folder when a weights file does not fit the network
     *     that {@code model.json} describes (e.g. 2-class weights under a 4-class label list)
     */
    public static Classifier open(ModelBundle bundle) {
        return new Classifier(bundle);
    }

    /** @return the bundle this classifier was loaded from */
    public ModelBundle bundle() {
        return bundle;
    }

    /** @return class labels, index = column of {@link #predictProba} */
    public List<String> classes() {
        return bundle.contract().classes();
    }

    /**
     * Refuses input made with other parameters than the training windows: compares the feature key and the render
     * key parameter by parameter and the window spec as a whole.
     *
     * @throws IncompatibleInputException naming each differing parameter, with the model's and the input's value
     */
    public void check(InputContract input) {
        InputContract expected = bundle.contract().input();
        List<String> diffs = new ArrayList<>(compareKeys("feature", expected.featureKey(), input.featureKey()));
        if (!expected.windowSpec().equals(input.windowSpec())) {
            diffs.add("window spec: model " + expected.windowSpec() + ", input " + input.windowSpec()
                    + " (window length changes the frames per window the network was trained on)");
        }
        if (!input.renderKey().isEmpty() && !expected.renderKey().isEmpty()) {
            diffs.addAll(compareKeys("render", expected.renderKey(), input.renderKey()));
        }
        if (!diffs.isEmpty()) {
            throw new IncompatibleInputException(bundle.dir().toString(), diffs);
        }
    }

    /**
     * Compares two canonical keys {@code "name-vN;a=1;b=2"} parameter by parameter.
     *
     * @return one line per difference, empty when equal
     */
    public static List<String> compareKeys(String what, String model, String input) {
        if (model.equals(input)) {
            return List.of();
        }
        Map<String, String> m = parseKey(model);
        Map<String, String> in = parseKey(input);
        List<String> out = new ArrayList<>();
        for (var e : m.entrySet()) {
            String other = in.get(e.getKey());
            if (!e.getValue().equals(other)) {
                out.add(what + " " + e.getKey() + ": model " + e.getValue() + ", input "
                        + (other == null ? "(not set)" : other));
            }
        }
        for (var e : in.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                out.add(what + " " + e.getKey() + ": model (not set), input " + e.getValue());
            }
        }
        if (out.isEmpty()) {
            out.add(what + " key: model \"" + model + "\", input \"" + input + "\"");
        }
        return out;
    }

    private static Map<String, String> parseKey(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = key.split(";");
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                out.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            } else if (i == 0) {
                out.put("version", parts[i]);
            } else {
                out.put("part " + i, parts[i]);
            }
        }
        return out;
    }

    /**
     * Class probabilities per window (softmax of the logits; for an ensemble bundle the mean of its members'
     * softmax outputs), computed in batches of {@link #BATCH}.
     *
     * @param windows each of length {@code channels * mels * frames} of the model's input shape, layout
     *     {@code [channel][mel][frame]}
     * @return {@code [window][class]}, rows sum to 1
     */
    public float[][] predictProba(List<float[]> windows) {
        int classes = classes().size();
        float[][] out = new float[windows.size()][];
        for (int from = 0; from < windows.size(); from += BATCH) {
            int to = Math.min(windows.size(), from + BATCH);
            float[] data = org.cadenza.model.WindowBatches.flatten(windows, from, to, channels, mels, frames);
            float[] mean = new float[(to - from) * classes];
            for (int k = 0; k < blocks.size(); k++) {
                try (NDManager m = models.get(k).getNDManager().newSubManager()) {
                    NDArray x = m.create(data, new Shape(to - from, channels, mels, frames));
                    NDList y = blocks.get(k).forward(new ParameterStore(m, false), new NDList(x), false);
                    float[] p = y.singletonOrThrow().softmax(1).toFloatArray();
                    for (int j = 0; j < p.length; j++) {
                        mean[j] += p[j] / blocks.size();
                    }
                }
            }
            for (int i = from; i < to; i++) {
                out[i] = new float[classes];
                System.arraycopy(mean, (i - from) * classes, out[i], 0, classes);
            }
        }
        return out;
    }

    @Override
    public void close() {
        models.forEach(Model::close);
    }
}
