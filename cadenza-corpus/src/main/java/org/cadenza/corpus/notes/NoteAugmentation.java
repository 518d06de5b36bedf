package org.cadenza.corpus.notes;

import java.util.ArrayList;
import java.util.List;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.render.Augmentation;

/**
 * Symbolic augmentation: the notes route's equivalent of rendering transposed copies, at no cost (a pitch shift of
 * the note list).
 */
public final class NoteAugmentation {

    private NoteAugmentation() {
    }

    /**
     * Every pitched note moved by {@code semitones}; notes that would leave the MIDI range 0-127 are dropped, and
     * percussion is left as it is (its key numbers name drums, not pitches).
     */
    public static NoteSequence transpose(NoteSequence s, int semitones) {
        if (semitones == 0) {
            return s;
        }
        List<Note> out = new ArrayList<>(s.notes().size());
        for (Note n : s.notes()) {
            int p = n.isPercussion() ? n.pitch() : n.pitch() + semitones;
            if (p >= 0 && p <= 127) {
                out.add(new Note(p, n.onsetSeconds(), n.offsetSeconds(), n.velocity(), n.channel(), n.program(),
                        n.track()));
            }
        }
        return new NoteSequence(s.source(), out, s.barStartSeconds());
    }

    /**
     * Every time divided by {@code tempoFactor}: 2 plays twice as fast (onsets at half their time, notes half as
     * long), as {@link Augmentation} does to the MIDI before rendering.
     */
    public static NoteSequence stretch(NoteSequence s, double tempoFactor) {
        if (!(tempoFactor > 0) || Double.isInfinite(tempoFactor)) {
            throw new IllegalArgumentException("tempo factor must be a finite number > 0, got " + tempoFactor);
        }
        if (tempoFactor == 1.0) {
            return s;
        }
        List<Note> out = new ArrayList<>(s.notes().size());
        for (Note n : s.notes()) {
            out.add(new Note(n.pitch(), n.onsetSeconds() / tempoFactor, n.offsetSeconds() / tempoFactor, n.velocity(),
                    n.channel(), n.program(), n.track()));
        }
        List<Double> bars = s.barStartSeconds().stream().map(t -> t / tempoFactor).toList();
        return new NoteSequence(s.source(), out, bars);
    }

    /** The augmentation's transposition, then its tempo change (the same copy the audio route renders). */
    public static NoteSequence apply(NoteSequence s, Augmentation a) {
        return stretch(transpose(s, a.semitones()), a.tempoFactor());
    }
}
