package org.cadenza.model.route;

import java.nio.file.Path;

import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.Scores;

/** Which files the routes that read notes accept: MIDI and scores (MusicXML, kern), by extension. */
public final class MidiFiles {

    private MidiFiles() {
    }

    /** Whether {@code file} is MIDI or a score by its extension ({@link ScoreFormat}, any case). */
    public static boolean isSymbolic(Path file) {
        return ScoreFormat.isSymbolic(file);
    }

    /**
     * @throws BadInputException naming the file when it is neither MIDI nor a score (by its extension)
     */
    public static void requireSymbolic(Path file, String route) {
        if (!isSymbolic(file)) {
            throw new BadInputException(file, "not a MIDI file or a score (" + String.join(", ",
                    ScoreFormat.allExtensions()) + "): " + route + " reads notes, and a recording has none; "
                    + "predict recordings with an audio or fusion run");
        }
    }

    /**
     * The notes of a MIDI file or score as a route that reads notes sees them: refuses other files
     * ({@link #requireSymbolic}), then reads through {@link Scores} within {@link MidiLimits#DEFAULTS} with
     * {@code pedal}.
     *
     * @param route what reads the notes, for the message ("the notes route")
     * @throws BadInputException naming the file when it is not MIDI or a score, or cannot be read
     */
    public static NoteSequence readNotes(Path file, String route, NoteReader.Pedal pedal) {
        requireSymbolic(file, route);
        return Scores.readNotes(file, MidiLimits.DEFAULTS, pedal);
    }
}
