package org.cadenza.io.score.kern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.cadenza.io.midi.Note;
import org.cadenza.io.score.InstrumentNames;

/**
 * The sounding notes of a kern file's parts, in quarter notes until {@link #notes} times them: tied notes joined
 * into one, each note with its part's instrument (General MIDI program) at its onset.
 *
 * <p>Ties are followed per part and pitch, so that a tie survives a spine split or join between its ends. A tie
 * continuation ({@code _}, {@code ]}) with no open tie of its pitch sounds as a note of its own.
 */
final class PartNotes {

    private final List<Pending> notes = new ArrayList<>();
    private final Map<Long, Integer> openTies = new HashMap<>(); // part * 128 + pitch -> index in notes
    private final Map<Integer, Instrument> instruments = new HashMap<>();
    private final int velocity;

    /** @param velocity the velocity of every note, 1-127 */
    PartNotes(int velocity) {
        this.velocity = velocity;
    }

    /** A note of {@code part} sounding from {@code onset} to {@code end} quarter notes, with its place in a tie. */
    void add(int part, int pitch, Quarters onset, Quarters end, KernToken.Tie tie) {
        long key = (long) part * 128 + pitch;
        if (tie.continues()) {
            Integer open = openTies.get(key);
            if (open != null) {
                Pending tied = notes.get(open);
                notes.set(open, new Pending(part, pitch, tied.onset, Quarters.max(tied.end, end), tied.program));
                if (tie == KernToken.Tie.END) {
                    openTies.remove(key);
                }
                return;
            }
        } else {
            openTies.remove(key); // a new attack ends a tie left open on its pitch
        }
        notes.add(new Pending(part, pitch, onset, end, program(part)));
        if (tie == KernToken.Tie.START || tie == KernToken.Tie.CONTINUE) {
            openTies.put(key, notes.size() - 1);
        }
    }

    /** The part's instrument by its Humdrum {@code *I} code ({@code violn}); unknown codes leave it as it was. */
    void instrumentCode(int part, String code) {
        instruments.computeIfAbsent(part, p -> new Instrument()).code = InstrumentNames.ofHumdrumCode(code);
    }

    /** The part's instrument by its name ({@code *I"Violino Primo}), used where the code names none. */
    void instrumentName(int part, String name) {
        instruments.computeIfAbsent(part, p -> new Instrument()).name = InstrumentNames.ofName(name);
    }

    private int program(int part) {
        Instrument i = instruments.get(part);
        if (i == null) {
            return 0;
        }
        return i.code.isPresent() ? i.code.getAsInt() : i.name.orElse(0);
    }

    boolean isEmpty() {
        return notes.isEmpty();
    }

    /** The latest end of a note, quarter notes (0 without notes). */
    Quarters end() {
        Quarters end = Quarters.ZERO;
        for (Pending p : notes) {
            end = Quarters.max(end, p.end);
        }
        return end;
    }

    /**
     * The notes in seconds: track = part, channel = part among the 15 channels that are not percussion (9 is
     * skipped; parts beyond the 15th share channels, in turn).
     */
    List<Note> notes(TempoMap tempo) {
        List<Note> out = new ArrayList<>(notes.size());
        for (Pending p : notes) {
            int channel = p.part % 15;
            out.add(new Note(p.pitch, tempo.seconds(p.onset), tempo.seconds(p.end), velocity,
                    channel >= 9 ? channel + 1 : channel, p.program, p.part));
        }
        return out;
    }

    /** A note in quarter notes, with the program of its part at its onset. */
    private record Pending(int part, int pitch, Quarters onset, Quarters end, int program) {
    }

    private static final class Instrument {
        OptionalInt code = OptionalInt.empty();
        OptionalInt name = OptionalInt.empty();
    }
}
