package org.cadenza.model.route;

import java.nio.file.Path;
import java.util.Locale;

import org.cadenza.io.BadInputException;

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
}
