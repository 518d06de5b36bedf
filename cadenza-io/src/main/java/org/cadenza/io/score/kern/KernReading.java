package org.cadenza.io.score.kern;

import java.util.Objects;

import org.cadenza.io.score.Score;

/**
 * A kern file read, with the counts that the score's notes alone do not show.
 *
 * @param score         the notes (those that take no time left out), bar lines and metadata
 * @param attacks       note attacks as the polish-scores {@code n_notes} label counts them: every note of a
 *                      {@code **kern} spine (each chord member), grace notes included, rests and tie
 *                      continuations ({@code _}, {@code ]}) not; &gt;= 0
 * @param timelessNotes how many of the attacks take no time, which the score leaves out: grace notes ({@code q},
 *                      {@code qq}, {@code Q}) and notes written without a duration (chant intonations); &gt;= 0
 */
public record KernReading(Score score, long attacks, long timelessNotes) {
    public KernReading {
        Objects.requireNonNull(score, "score");
        if (attacks < 0 || timelessNotes < 0 || timelessNotes > attacks) {
            throw new IllegalArgumentException("0 <= timelessNotes <= attacks expected, got " + timelessNotes + " of "
                    + attacks);
        }
    }
}
