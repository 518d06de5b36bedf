package org.cadenza.model.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What every route's {@link FilePredictor} shares: the classes, fixed when the run opens, and the timing of each
 * prediction from the moment it is asked for.
 */
public abstract class AbstractFilePredictor implements FilePredictor {

    private final List<String> classes;

    /** @param classes the run's classes, in the order of every probability vector */
    protected AbstractFilePredictor(List<String> classes) {
        this.classes = classes;
    }

    @Override
    public final List<String> classes() {
        return classes;
    }

    @Override
    public final FilePrediction.Result predict(Path file) {
        return predict(file, System.nanoTime());
    }

    /**
     * Predicts {@code file}; {@code startNanos} ({@link System#nanoTime()}) is when the work began, for the result's
     * seconds.
     *
     * @throws org.cadenza.io.BadInputException as {@link FilePredictor#predict(Path)}
     */
    protected abstract FilePrediction.Result predict(Path file, long startNanos);
}
