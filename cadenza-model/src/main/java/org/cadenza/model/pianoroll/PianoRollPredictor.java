package org.cadenza.model.pianoroll;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.ModelBundle;
import org.cadenza.model.pipeline.AbstractFilePredictor;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.route.MidiFiles;

/**
 * Predicts MIDI files with a piano-roll run: notes read, rolled and cut as in training, every window through the
 * network (values quantised to 1/255 as the training windows were), the file's ranking from the mean
 * log-probability. Refuses recordings, and a model whose input contract differs from the stored settings.
 */
public final class PianoRollPredictor extends AbstractFilePredictor {

    private final Classifier classifier;
    private final PianoRollSettings settings;

    /** Takes ownership of {@code classifier} (closed with this predictor); checks the contract. */
    public PianoRollPredictor(Classifier classifier, PianoRollSettings settings) {
        super(classifier.classes());
        this.classifier = classifier;
        this.settings = settings;
        classifier.check(settings.inputContract());
    }

    /** Opens the piano-roll run in {@code runDir}. */
    public static PianoRollPredictor open(Path runDir) {
        PianoRollSettings settings = PianoRollSettings.load(runDir);
        Classifier classifier = Classifier.open(ModelBundle.load(runDir.resolve(WorkspaceTraining.MODEL_DIR)));
        try {
            return new PianoRollPredictor(classifier, settings);
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    @Override
    protected FilePrediction.Result predict(Path file, long startNanos) {
        NoteSequence seq = MidiFiles.readNotes(file, "the piano-roll route", settings.pedal());
        PianoRoll roll = PianoRoll.of(seq, settings.roll());
        List<Integer> starts = PianoRollTraining.starts(roll, settings);
        if (starts.isEmpty()) {
            throw new BadInputException(file, "no window with sounding notes in the piano roll (percussion only,"
                    + " or notes outside the piano's range?)");
        }
        int frames = settings.frames();
        List<float[]> windows = new ArrayList<>(starts.size());
        double[] startSeconds = new double[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            windows.add(PianoRollTraining.asStored(roll.window(starts.get(i), frames)));
            startSeconds[i] = starts.get(i) * roll.secondsPerFrame();
        }
        return FilePrediction.result(file, classes(), startSeconds, classifier.predictProba(windows), startNanos);
    }

    @Override
    public void close() {
        classifier.close();
    }
}
