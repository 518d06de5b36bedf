package org.cadenza.features.symbolic;

import java.util.List;
import java.util.Objects;

import org.cadenza.io.midi.Note;

/**
 * One window of a piece's notes, cut by {@link NoteWindower}.
 *
 * @param startSeconds where the window starts in the piece, seconds from the file's start
 * @param endSeconds   where it ends in the piece, seconds, &gt; {@code startSeconds}
 * @param notes        the notes sounding in {@code [startSeconds, endSeconds)}, clipped to it and shifted so that the
 *                     window starts at 0 ({@code NoteSequence.slice(start, end, Held.KEEP)}): a note struck before
 *                     the window and still sounding in it appears with onset 0; sorted by onset; unmodifiable
 */
public record NoteWindow(double startSeconds, double endSeconds, List<Note> notes) {

    public NoteWindow {
        if (!Double.isFinite(startSeconds) || !Double.isFinite(endSeconds) || !(endSeconds > startSeconds)) {
            throw new IllegalArgumentException("NoteWindow: needs finite start < end, got " + startSeconds + " .. "
                    + endSeconds + " s");
        }
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /** The window's length, {@code endSeconds - startSeconds}, seconds. */
    public double spanSeconds() {
        return endSeconds - startSeconds;
    }
}
