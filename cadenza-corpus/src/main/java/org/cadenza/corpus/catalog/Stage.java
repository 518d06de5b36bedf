package org.cadenza.corpus.catalog;

import java.util.Locale;

/** A processing stage that produces artifacts or records problems. */
public enum Stage {
    /** Validation of source files when they enter the catalog. */
    INGEST,
    /** MIDI rendered (or audio decoded) to a mono FLAC at the render sample rate. */
    RENDER,
    /** Spectrogram features computed from the rendered FLAC. */
    FEATURES;

    /** The lower-case name stored in the catalog. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #dbName()}. */
    public static Stage fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
