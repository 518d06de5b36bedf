package org.cadenza.corpus.catalog;

import java.util.Locale;

/** What a catalogued file holds: symbolic music (MIDI), recorded/rendered audio, or an unreadable archive. */
public enum MediaKind {
    /** Standard MIDI File ({@code .mid .midi .kar}). */
    MIDI,
    /** Audio decoded through FFmpeg ({@code .wav .flac .mp3 .ogg}). */
    AUDIO,
    /** A source {@code .zip} that could not be read safely; such a row is always quarantined. */
    ARCHIVE;

    /** The lower-case name stored in the catalog. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #dbName()}. */
    public static MediaKind fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
