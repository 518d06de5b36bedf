package org.cadenza.model.embedding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.features.symbolic.SymbolicFeatures;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.ModelJson;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.pianoroll.PianoRollTraining;

/**
 * What an embedding network reads and how a file's notes become its windows: the symbolic feature vectors of the
 * notes route (standardised with the training windows' means and standard deviations, kept here) or the piano-roll
 * windows of the piano-roll route. Windows are cut exactly as those routes cut them.
 *
 * @param kind          notes or piano roll
 * @param notes         the notes route's settings (kind NOTES), else null
 * @param roll          the piano-roll route's settings (kind PIANOROLL), else null
 * @param standardising per-feature mean and standard deviation (kind NOTES), else null
 */
public record EmbeddingInput(Kind kind, NotesSettings notes, PianoRollSettings roll, Standardising standardising) {

    /** File name in a model folder: the kind, the route's settings and the standardisation. */
    public static final String FILE = "input.json";

    /** The two kinds of input. */
    public enum Kind {
        /** 153 symbolic features per window of notes. */
        NOTES,
        /** Onset and frame piano rolls, 2 x 88 pitches x frames per window. */
        PIANOROLL;

        /** @return the kind called {@code name} (any case) */
        public static Kind parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown embedding input '" + name + "'; use notes or pianoroll",
                        e);
            }
        }
    }

    /**
     * z-scores: {@code (x - mean) / sd}; a constant feature (sd 0) is only centred.
     *
     * @param mean per feature
     * @param sd   per feature, &ge; 0
     */
    public record Standardising(double[] mean, double[] sd) {

        public Standardising {
            if (mean.length != sd.length) {
                throw new IllegalArgumentException(mean.length + " means for " + sd.length + " deviations");
            }
        }

        /** @return the means and standard deviations of {@code rows} (population) */
        public static Standardising of(List<double[]> rows) {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no rows to standardise with");
            }
            int w = rows.get(0).length;
            double[] mean = new double[w];
            double[] sq = new double[w];
            for (double[] r : rows) {
                for (int j = 0; j < w; j++) {
                    mean[j] += r[j];
                }
            }
            for (int j = 0; j < w; j++) {
                mean[j] /= rows.size();
            }
            for (double[] r : rows) {
                for (int j = 0; j < w; j++) {
                    double d = r[j] - mean[j];
                    sq[j] += d * d;
                }
            }
            double[] sd = new double[w];
            for (int j = 0; j < w; j++) {
                sd[j] = Math.sqrt(sq[j] / rows.size());
            }
            return new Standardising(mean, sd);
        }

        /** @return {@code row} as standardised floats */
        public float[] apply(double[] row) {
            if (row.length != mean.length) {
                throw new IllegalArgumentException("row of " + row.length + " features, expected " + mean.length);
            }
            float[] out = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                double centred = row[j] - mean[j];
                out[j] = (float) (sd[j] > 1e-12 ? centred / sd[j] : centred);
            }
            return out;
        }
    }

    /** The JSON form (the settings are in their own files). */
    record Stored(Kind kind, double[] mean, double[] sd, NotesSettings.Stored notes, PianoRollSettings.Stored roll) {
    }

    public EmbeddingInput {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NOTES && notes == null || kind == Kind.PIANOROLL && roll == null) {
            throw new IllegalArgumentException("the " + kind + " input needs its settings");
        }
    }

    /** @return the input shape {channels, rows, columns} the network takes */
    public int[] shape() {
        return kind == Kind.NOTES ? new int[] {1, 1, new SymbolicFeatures(notes.features()).names().size()}
                : new int[] {2, roll.roll().pitches(), roll.frames()};
    }

    /** @return the sustain-pedal handling used to read notes */
    public NoteReader.Pedal pedal() {
        return kind == Kind.NOTES ? notes.pedal() : roll.pedal();
    }

    /** @return the canonical key of everything that decides a file's windows */
    public String key() {
        return kind == Kind.NOTES ? notes.key() : "pianoroll;" + roll.inputContract().featureKey();
    }

    /**
     * The raw windows of a file's notes: feature rows (kind NOTES, not yet standardised) or piano-roll windows.
     *
     * @return one array per window, in time order; empty when the notes give none
     */
    public static List<double[]> featureRows(NoteSequence seq, NotesSettings notes) {
        return NotesTraining.rowsOf(seq, notes, new SymbolicFeatures(notes.features()));
    }

    /**
     * The network's windows of a file's notes, standardised (notes) or as the piano-roll route quantises them.
     *
     * @return one window per element, each of {@code channels x rows x columns} of {@link #shape()}
     */
    public List<float[]> windows(NoteSequence seq) {
        List<float[]> out = new ArrayList<>();
        if (kind == Kind.NOTES) {
            if (standardising == null) {
                throw new IllegalStateException("the notes input has no standardisation yet");
            }
            for (double[] row : featureRows(seq, notes)) {
                out.add(standardising.apply(row));
            }
        } else {
            PianoRoll r = PianoRoll.of(seq, roll.roll());
            for (int start : PianoRollTraining.starts(r, roll)) {
                out.add(PianoRollTraining.asStored(r.window(start, roll.frames())));
            }
        }
        return out;
    }

    /** @return this input with the standardisation fitted on training rows */
    public EmbeddingInput withStandardising(Standardising s) {
        return new EmbeddingInput(kind, notes, roll, s);
    }

    /** Writes {@value #FILE} (settings included) into {@code dir}. */
    public void save(Path dir) {
        ModelJson.write(dir.resolve(FILE), new Stored(kind, standardising == null ? null : standardising.mean(),
                standardising == null ? null : standardising.sd(), kind == Kind.NOTES ? notes.stored() : null,
                kind == Kind.PIANOROLL ? roll.stored() : null));
    }

    /** Reads what {@link #save} wrote. */
    public static EmbeddingInput load(Path dir) {
        if (!Files.exists(dir.resolve(FILE))) {
            throw new CadenzaException(dir + ": no " + FILE + "; this is not an embedding model folder");
        }
        Stored s = ModelJson.read(dir.resolve(FILE), Stored.class);
        // models saved before the settings moved into input.json keep them in notes.json / pianoroll.json beside it
        if (s.kind() == Kind.NOTES) {
            NotesSettings notes = s.notes() != null ? NotesSettings.of(s.notes(), dir.resolve(FILE))
                    : NotesSettings.load(dir);
            return new EmbeddingInput(Kind.NOTES, notes, null,
                    s.mean() == null ? null : new Standardising(s.mean(), s.sd()));
        }
        return new EmbeddingInput(Kind.PIANOROLL, null,
                s.roll() != null ? PianoRollSettings.of(s.roll()) : PianoRollSettings.load(dir), null);
    }
}
