package org.cadenza.api.run;

import java.nio.file.Path;
import java.util.List;

import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.fusion.FusionPredictor;
import org.cadenza.model.notes.NotesPredictor;
import org.cadenza.model.pipeline.FilePredictor;
import org.cadenza.model.route.RunRoute;
import org.cadenza.model.pianoroll.PianoRollPredictor;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;

/** Opens the right {@link FilePredictor} for a run folder, whatever its route ({@link RunRoute#of}). */
public final class Predictors {

    private Predictors() {
    }

    /**
     * @throws org.cadenza.io.BadInputException when {@code runDir} is not a run folder
     */
    public static FilePredictor open(Path runDir) {
        if (org.cadenza.model.multitask.InstrumentTraining.isRun(runDir)) {
            return org.cadenza.model.multitask.InstrumentPredictor.open(runDir);
        }
        return switch (RunRoute.of(runDir)) {
            case AUDIO -> openAudio(runDir);
            case NOTES -> NotesPredictor.open(runDir);
            case PIANOROLL -> PianoRollPredictor.open(runDir);
            case FUSION -> FusionPredictor.open(runDir, Predictors::open);
        };
    }

    private static FilePredictor openAudio(Path runDir) {
        PipelineSettings pipeline = PipelineSettings.load(runDir);
        Classifier classifier = Classifier.open(ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR)));
        FilePrediction prediction;
        try {
            prediction = new FilePrediction(classifier, pipeline);
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
        return new FilePredictor() {
            @Override
            public List<String> classes() {
                return prediction.classes();
            }

            @Override
            public FilePrediction.Result predict(Path file) {
                return prediction.predict(file);
            }

            @Override
            public void close() {
                try {
                    prediction.close();
                } finally {
                    classifier.close();
                }
            }
        };
    }
}
