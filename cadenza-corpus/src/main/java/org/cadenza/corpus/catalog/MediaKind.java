package org.cadenza.corpus.catalog;

/**
 * What a catalogued file holds: symbolic music (MIDI, or a notated score), recorded/rendered audio, or an
 * unreadable archive.
 */
public enum MediaKind implements CatalogName {
    /** Standard MIDI File ({@code .mid .midi .kar}). */
    MIDI,
    /** A notated score: MusicXML ({@code .musicxml .xml .mxl}) or Humdrum kern ({@code .krn}), read as notes. */
    SCORE,
    /** Audio decoded through FFmpeg ({@code .wav .flac .mp3 .ogg}). */
    AUDIO,
    /** A source {@code .zip} that could not be read safely; such a row is always quarantined. */
    ARCHIVE;

    /** Whether the file has notes to read (MIDI or a score): what the notes, piano-roll and embedding routes use. */
    public boolean hasNotes() {
        return this == MIDI || this == SCORE;
    }
}
