package org.cadenza.model;

import org.cadenza.io.Parameters;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a saved network must produce according to its model folder's description, checked when its weights are
 * loaded ({@link org.cadenza.model.train.ClassifierTraining#loadParameters(ai.djl.nn.Block,
 * ai.djl.ndarray.NDManager, Path, ExpectedOutputs)}): a weights file whose output layer has another width than
 * the label list (for example 2-class weights under a 4-class list) is refused, naming the folder, instead of
 * giving rows of probabilities that mix several windows.
 *
 * @param modelDir the model folder, named in the error
 * @param listedIn the description file inside it that lists the labels, e.g. {@code model.json}
 * @param input    the shape of one input batch of one item, e.g. {@code (1, channels, mels, frames)}
 * @param outputs  the network's outputs in the order of its {@code NDList}, each with the width the description
 *                 promises
 */
public record ExpectedOutputs(Path modelDir, String listedIn, Shape input, List<Output> outputs) {

    /**
     * @param what  what the columns are, plural, e.g. {@code "classes"} or {@code "instrument families"}
     * @param width the number of columns the description lists, &ge; 1
     */
    public record Output(String what, int width) {
        public Output {
            Objects.requireNonNull(what, "what");
            if (width < 1) {
                throw new IllegalArgumentException(what + ": an output has at least one column, got " + width);
            }
        }
    }

    public ExpectedOutputs {
        Parameters.nonNull("modelDir, listedIn, input", modelDir, listedIn, input);
        outputs = List.copyOf(outputs);
    }

    /** One input item of {@code {channels, rows, columns}} with a batch dimension of 1. */
    public static Shape oneItem(int[] shape) {
        long[] dims = new long[shape.length + 1];
        dims[0] = 1;
        for (int i = 0; i < shape.length; i++) {
            dims[i + 1] = shape[i];
        }
        return new Shape(dims);
    }
}
