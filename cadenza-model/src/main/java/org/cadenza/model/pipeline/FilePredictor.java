package org.cadenza.model.pipeline;

import java.nio.file.Path;
import java.util.List;


/**
 * Predicts the class of whole files with a trained run, whatever its route. A file's ranking comes from the mean
 * log-probability over its windows ({@link FilePrediction#meanLogProbability}), as in evaluation.
 */
public interface FilePredictor extends AutoCloseable {

    /** The run's classes, in the order of every probability vector it returns. */
    List<String> classes();

    /**
     * @throws org.cadenza.io.BadInputException when the file cannot be read, is of a kind the route cannot read
     *                                           (a recording for the notes routes), or is too short
     */
    FilePrediction.Result predict(Path file);

    /** The file's score per class: the mean log-probability over its windows, in {@link #classes()} order. */
    default double[] scores(FilePrediction.Result result) {
        float[][] probs = new float[result.windows().size()][];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = result.windows().get(i).probabilities();
        }
        return FilePrediction.meanLogProbability(probs);
    }

    @Override
    void close();
}
