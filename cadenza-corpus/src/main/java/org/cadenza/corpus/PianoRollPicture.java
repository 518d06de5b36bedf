package org.cadenza.corpus;

import java.nio.file.Path;
import java.util.List;

import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.plot.PianoRollPlot;
import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.Scores;

/**
 * Draws the notes of a MIDI file or score (MusicXML, kern) as a piano-roll picture: what Cadenza reads from it, in
 * seconds, before any sound is made. The companion of {@link SpectrogramPicture}, which draws what it hears.
 */
public final class PianoRollPicture {

    private PianoRollPicture() {
    }

    /**
     * @param input a MIDI file or a score
     * @param span  the part to draw, seconds of the file's own time
     * @param png   the picture to write (folders are created)
     * @return the picture, the seconds drawn, the time frames and the pitch rows of the roll
     * @throws BadInputException when the file cannot be read, or has no note in the span
     */
    public static SpectrogramPicture.Drawn draw(Path input, SpectrogramPicture.Span span, Path png) {
        Score score = Scores.read(input, MidiLimits.DEFAULTS, NoteReader.Pedal.EXTEND);
        NoteSequence seq = score.notes();
        double end = Math.min(seq.durationSeconds(), span.startSeconds() + span.maxSeconds());
        if (!(end > span.startSeconds())) {
            throw new BadInputException(input, String.format(java.util.Locale.ROOT,
                    "its notes last %.1f s: nothing to draw from %.1f s", seq.durationSeconds(), span.startSeconds()));
        }
        List<Note> notes = seq.slice(span.startSeconds(), end, NoteSequence.Held.KEEP);
        PianoRollParams params = PianoRollParams.defaults();
        PianoRoll roll = PianoRoll.of(notes, end - span.startSeconds(), params);
        String title = input.getFileName() + score.metadata().composer().map(c -> " (" + c + ")").orElse("")
                + " - piano roll";
        PianoRollPlot.writePng(roll, png, title);
        return new SpectrogramPicture.Drawn(png, end - span.startSeconds(), roll.frame().length, params.pitches());
    }
}
