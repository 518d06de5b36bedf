package org.cadenza.model.notes;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

import org.cadenza.features.symbolic.FeatureSet;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.features.symbolic.SymbolicParams;
import org.cadenza.io.Parameters;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.run.RunManifest;

/**
 * How a MIDI file becomes the notes route's input; stored beside the model ({@value #FILE}) so that prediction cuts
 * and describes files exactly as training did, and checked against the model's feature key.
 *
 * @param features     the symbolic feature parameters (default {@link SymbolicParams#defaults()})
 * @param window       how a file is cut: by seconds or by bars; default 30-s windows
 *                     every 15 s (the symbolic peer's 30-s windows)
 * @param firstSeconds read only this many seconds from the first note (the audio route's {@code --first-seconds});
 *                     empty = the whole file; default empty
 * @param pedal        sustain pedal applied to note lengths; default {@link NoteReader.Pedal#EXTEND}
 */
public record NotesSettings(SymbolicParams features, NoteWindowSpec window, OptionalDouble firstSeconds,
                            NoteReader.Pedal pedal) {


    public NotesSettings {
        Parameters.nonNull("features, window, firstSeconds, pedal", features, window, firstSeconds, pedal);
        firstSeconds.ifPresent(s -> {
            if (!(s > 0)) {
                throw new IllegalArgumentException("firstSeconds must be > 0 s, got " + s);
            }
        });
    }

    /** The defaults documented on the record. */
    public static NotesSettings defaults() {
        return new NotesSettings(SymbolicParams.defaults(), NoteWindowSpec.parse("30s/15s"), OptionalDouble.empty(),
                NoteReader.Pedal.EXTEND);
    }

    /** These settings with other windows. */
    public NotesSettings withWindow(NoteWindowSpec other) {
        return new NotesSettings(features, other, firstSeconds, pedal);
    }

    /** Canonical string of everything that decides a file's feature rows (the model's input contract). */
    public String key() {
        return String.format(Locale.ROOT, "notes;%s;window=%s;first=%s;pedal=%s", features.key(), window,
                firstSeconds.isPresent() ? Double.toString(firstSeconds.getAsDouble()) : "all", pedal);
    }

    /** The JSON form. */
    public record Stored(String window, Double firstSeconds, String pedal, String featuresKey) {
    }

    /** The JSON form of these settings. */
    public Stored stored() {
        return new Stored(window.toString(), firstSeconds.isPresent() ? firstSeconds.getAsDouble() : null, pedal.name(),
                features.key());
    }

    /** Writes these settings into {@code runDir}'s run manifest. */
    public void save(Path runDir) {
        RunManifest.put(runDir, RunManifest.Section.NOTES, stored());
    }

    /** Reads the settings from {@code runDir}'s run manifest (or the notes.json of an older run); see {@link #of}. */
    public static NotesSettings load(Path runDir) {
        return of(RunManifest.require(runDir, RunManifest.Section.NOTES, Stored.class),
                runDir.resolve(RunManifest.FILE));
    }

    /**
     * The settings stored as {@code s}; the feature parameters are the defaults with the feature set the key names
     * ({@link FeatureSet}), and settings made with other ones (another version of the features) are refused with both
     * keys.
     *
     * @param source where {@code s} was read (for the message)
     */
    public static NotesSettings of(Stored s, Path source) {
        NotesSettings settings;
        try {
            // the feature set whose key is the stored one (else the base set, refused below with both keys)
            SymbolicParams features = SymbolicParams.defaults();
            for (FeatureSet set : FeatureSet.values()) {
                SymbolicParams p = SymbolicParams.builder().optFeatureSet(set).build();
                if (p.key().equals(s.featuresKey())) {
                    features = p;
                }
            }
            settings = new NotesSettings(features, NoteWindowSpec.parse(s.window()),
                    s.firstSeconds() == null ? OptionalDouble.empty() : OptionalDouble.of(s.firstSeconds()),
                    NoteReader.Pedal.valueOf(s.pedal()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.cadenza.io.BadInputException(source, "the notes settings cannot be read (" + e.getMessage()
                    + "): train the run again", e);
        }
        if (!settings.features().key().equals(s.featuresKey())) {
            throw new org.cadenza.io.BadInputException(source, "made with symbolic features "
                    + s.featuresKey() + ", but this Cadenza computes " + settings.features().key()
                    + ": train the run again with this version");
        }
        return settings;
    }
}
