package org.cadenza.model.route;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a model reads. */
public enum InputRoute {
    /** Audio: MIDI rendered with a soundfont (or a recording decoded), log-mel windows, a CNN (seeds 000-003). */
    AUDIO,
    /** The notes of a MIDI file: symbolic features per window, a classical model through Tribuo. */
    NOTES,
    /** The notes of a MIDI file as onset and frame piano rolls, a CNN; no rendering at all. */
    PIANOROLL,
    /** Late fusion of the log-probabilities of several runs, weights fit on validation only. */
    FUSION;

    /** The command-line name: {@code audio}, {@code notes}, {@code pianoroll}, {@code fusion}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The route named {@code s} (case-insensitive); the message lists the choices otherwise. */
    public static InputRoute parse(String s) {
        for (InputRoute r : values()) {
            if (r.cliName().equalsIgnoreCase(s.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown input '" + s + "': choose one of "
                + Arrays.stream(values()).map(InputRoute::cliName).collect(Collectors.joining(", ")));
    }
}
