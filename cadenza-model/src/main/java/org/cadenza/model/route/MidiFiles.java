package org.cadenza.model.route;

import java.nio.file.Path;
import java.util.Locale;

import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;

/** Which files the routes that read notes accept. */
public final class MidiFiles {

    private MidiFiles() {
    }

    /** Whether {@code file}'s name ends in {@code .mid}, {@code .midi} or {@code .kar} (any case). */
    public static boolean isMidi(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi") || name.endsWith(".kar");
    }

    /**
     * @throws BadInputException naming the file when it is not a MIDI file (by its extension)
     */
    public static void requireMidi(Path file, String route) {
        if (!isMidi(file)) {
            throw new BadInputException(file, "not a MIDI file (.mid, .midi, .kar): " + route + " reads notes, and a "
                    + "recording has none; predict recordings with an audio or fusion run");
        }
    }

    /**
     * The notes of a MIDI file as a route that reads notes sees them: refuses other files ({@link #requireMidi}),
     * then reads within {@link MidiLimits#DEFAULTS} with {@code pedal}.
     *
     * @param route what reads the notes, for the message ("the notes route")
     * @throws BadInputException naming the file when it is not a MIDI file or cannot be read
     */
    public static NoteSequence readNotes(Path file, String route, NoteReader.Pedal pedal) {
        requireMidi(file, route);
        return NoteReader.read(file, MidiLimits.DEFAULTS, pedal);
    }
}
