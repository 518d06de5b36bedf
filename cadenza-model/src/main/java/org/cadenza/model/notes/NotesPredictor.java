package org.cadenza.model.notes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cadenza.features.symbolic.NoteWindow;
import org.cadenza.features.symbolic.SymbolicFeatures;
import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.classical.ClassicalModel;
import org.cadenza.model.pipeline.AbstractFilePredictor;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.route.MidiFiles;

/**
 * Predicts MIDI files with a notes-route run: the file's notes cut as in training
 * ({@link NotesTraining#windowsOf}), a feature row per window, the model's probabilities per window, and the file's
 * ranking from their mean log-probability. Refuses recordings (the notes are read from MIDI only) and a model whose
 * feature names differ from this Cadenza's.
 */
public final class NotesPredictor extends AbstractFilePredictor {

    private final NotesSettings settings;
    private final ClassicalModel model;
    private final SymbolicFeatures features;

    /** A predictor for a loaded model and its settings (checks that the model reads these features). */
    public NotesPredictor(ClassicalModel model, NotesSettings settings) {
        super(model.classes());
        this.settings = settings;
        this.model = model;
        this.features = new SymbolicFeatures(settings.features());
        if (!model.featureNames().equals(features.names())) {
            throw new IllegalArgumentException("the model was trained on " + model.featureNames().size()
                    + " features that differ from the " + features.size() + " this Cadenza computes ("
                    + settings.features().key() + "): train it again");
        }
    }

    /** Opens the notes run in {@code runDir}. */
    public static NotesPredictor open(Path runDir) {
        return new NotesPredictor(ClassicalModel.load(runDir.resolve(NotesTraining.MODEL_DIR)),
                NotesSettings.load(runDir));
    }

    /** The settings the run was trained with. */
    public NotesSettings settings() {
        return settings;
    }

    @Override
    protected FilePrediction.Result predict(Path file, long startNanos) {
        NoteSequence seq = MidiFiles.readNotes(file, "the notes route", settings.pedal());
        return predict(seq, file, startNanos);
    }

    /** Predicts notes already read ({@code file} names them; {@code startNanos} is when the work began). */
    public FilePrediction.Result predict(NoteSequence seq, Path file, long startNanos) {
        List<NoteWindow> windows = windows(seq, file);
        double[][] p = model.predictProba(rows(windows));
        float[][] probs = new float[p.length][];
        double[] starts = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            probs[i] = new float[p[i].length];
            for (int c = 0; c < p[i].length; c++) {
                probs[i][c] = (float) p[i][c];
            }
            starts[i] = windows.get(i).startSeconds();
        }
        return FilePrediction.result(file, classes(), starts, probs, startNanos);
    }

    /**
     * The features that pushed the model hardest towards {@code label} over the windows of {@code seq}
     * ({@link ClassicalModel#contributions}); empty for models that give no per-feature account.
     *
     * @throws BadInputException when the notes give no window
     */
    public java.util.Optional<List<org.cadenza.model.classical.FeatureContribution>> contributions(
            NoteSequence seq, Path file, String label, int limit) {
        return model.contributions(rows(windows(seq, file)), label, limit);
    }

    /** The windows of {@code seq}, cut as in training; refuses notes that give none. */
    private List<NoteWindow> windows(NoteSequence seq, Path file) {
        List<NoteWindow> windows = NotesTraining.windowsOf(seq, settings);
        if (windows.isEmpty()) {
            throw new BadInputException(file, "no pitched notes to read (percussion only?)");
        }
        return windows;
    }

    /** One feature row per window. */
    private List<double[]> rows(List<NoteWindow> windows) {
        List<double[]> rows = new ArrayList<>(windows.size());
        for (NoteWindow w : windows) {
            rows.add(features.compute(w));
        }
        return rows;
    }

    @Override
    public void close() {
        // nothing held open: the Tribuo model lives on the heap
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "notes route (%s, %d classes)", settings.key(), classes().size());
    }
}
