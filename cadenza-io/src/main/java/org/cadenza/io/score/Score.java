package org.cadenza.io.score;


import org.cadenza.io.Parameters;
import org.cadenza.io.midi.NoteSequence;

/**
 * A symbolic file read: its notes in seconds (what every route hears) and what the file says about itself.
 *
 * @param format   the format it was read as
 * @param notes    the notes and bar lines, seconds
 * @param metadata composer, title, dates and instruments as written in the file ({@link ScoreMetadata#NONE} for MIDI)
 */
public record Score(ScoreFormat format, NoteSequence notes, ScoreMetadata metadata) {
    public Score {
        Parameters.nonNull("format, notes, metadata", format, notes, metadata);
    }
}
