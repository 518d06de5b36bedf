package org.cadenza.corpus.catalog;

/** What a catalogued file holds: symbolic music (MIDI), recorded/rendered audio, or an unreadable archive. */
public enum MediaKind implements CatalogName {
    /** Standard MIDI File ({@code .mid .midi .kar}). */
    MIDI,
    /** Audio decoded through FFmpeg ({@code .wav .flac .mp3 .ogg}). */
    AUDIO,
    /** A source {@code .zip} that could not be read safely; such a row is always quarantined. */
    ARCHIVE;
}
