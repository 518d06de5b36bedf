package org.cadenza.corpus.catalog;

import java.util.Locale;

/** What a catalogued file holds: symbolic music (MIDI) or recorded/rendered audio. */
public enum MediaKind {
    /** Standard MIDI File ({@code .mid .midi .kar}). */
    MIDI,
    /** Audio decoded through FFmpeg ({@code .wav .flac .mp3 .ogg}). */
    AUDIO;

    /** The lower-case name stored in the catalog. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #dbName()}. */
    public static MediaKind fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
