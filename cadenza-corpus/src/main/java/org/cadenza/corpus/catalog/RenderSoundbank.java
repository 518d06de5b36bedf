package org.cadenza.corpus.catalog;

import org.cadenza.io.Parameters;
import java.time.Instant;
import java.util.Optional;

/**
 * Which soundbank rendered the audio of one render key (a {@code RenderSettings.key()}), as the render job resolved
 * it: the key names the soundfont only by file name and size, this row by path and content hash. Renders made
 * before these rows existed have none.
 *
 * @param renderKey     the render settings' key
 * @param soundfontPath the {@code .sf2} file (absolute), empty for the JDK's built-in bank
 * @param sha256        SHA-256 of that file, empty for the JDK's bank
 * @param recorded      when the row was written
 */
public record RenderSoundbank(String renderKey, Optional<String> soundfontPath, Optional<String> sha256,
                              Instant recorded) {

    public RenderSoundbank {
        Parameters.nonNull("renderKey, soundfontPath, sha256, recorded", renderKey, soundfontPath, sha256, recorded);
    }
}
