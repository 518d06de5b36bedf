package org.cadenza.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The temporary files a writer leaves beside its target while it writes (then renames them into place). */
public final class TempFiles {

    private TempFiles() {
    }

    /**
     * Removes {@code tmp} if it is there, best effort: called where a write has failed (or its output is no longer
     * wanted), so the error already propagating matters more than a leftover file, which is hidden or harmless.
     *
     * @param tmp the temporary file; {@code null} for none (the write got far enough to rename it)
     */
    public static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: see above
        }
    }
}
