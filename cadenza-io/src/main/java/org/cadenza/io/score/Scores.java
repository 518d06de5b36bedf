package org.cadenza.io.score;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.sound.midi.Sequence;

import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.MidiWriter;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.kern.KernReader;
import org.cadenza.io.score.musicxml.MusicXmlReader;

/**
 * The one way into a symbolic file, whatever its format ({@link ScoreFormat}, by extension): MIDI through
 * {@link NoteReader}, MusicXML ({@code .musicxml .xml .mxl}) through {@link MusicXmlReader}, Humdrum kern
 * ({@code .krn}) through {@link KernReader}; every reader with the same {@link MidiLimits}. What the routes that read
 * notes, ingest, rendering and {@code convert} call.
 */
public final class Scores {

    /** Ticks per quarter and tempo of the MIDI a score becomes ({@link #sequence}): 480 PPQ at 120 BPM. */
    public static final MidiWriter.Options MIDI_OPTIONS = MidiWriter.Options.DEFAULTS;

    private Scores() {
    }

    /**
     * Reads {@code file} by its extension.
     *
     * @param pedal what the sustain pedal does (MIDI only: scores have no pedal events Cadenza reads)
     * @throws BadInputException naming the file: missing, of a format Cadenza does not read, or unreadable (the
     *                           reader's message says where)
     * @throws org.cadenza.io.ResourceLimitException the file breaks one of {@code limits}
     */
    public static Score read(Path file, MidiLimits limits, NoteReader.Pedal pedal) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(pedal, "pedal");
        ScoreFormat format = formatOf(file);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
        }
        return switch (format) {
            case MIDI -> new Score(format, NoteReader.read(file, limits, pedal), ScoreMetadata.NONE);
            case MUSICXML, MXL -> MusicXmlReader.read(file, limits);
            case KERN -> KernReader.read(file, limits);
        };
    }

    /** The notes of {@code file} ({@link #read}). */
    public static NoteSequence readNotes(Path file, MidiLimits limits, NoteReader.Pedal pedal) {
        return read(file, limits, pedal).notes();
    }

    /**
     * The MIDI sequence of {@code file} as a synthesizer plays it: a MIDI file as it is (through
     * {@link MidiInspector#read}, the limits checked), a score's notes written by {@link MidiWriter#toSequence} with
     * {@link #MIDI_OPTIONS} (one track per channel, each part's program).
     */
    public static Sequence sequence(Path file, MidiLimits limits) {
        ScoreFormat format = formatOf(file);
        if (format == ScoreFormat.MIDI) {
            return MidiInspector.read(file, limits);
        }
        return MidiWriter.toSequence(read(file, limits, NoteReader.Pedal.IGNORE).notes(), MIDI_OPTIONS);
    }

    /**
     * Writes the MIDI file Cadenza hears when it reads {@code file}: its notes in seconds (tempo map, ties, repeats
     * and transpositions applied by the reader) as a Standard MIDI File ({@link MidiWriter}, {@link #MIDI_OPTIONS}),
     * one track per channel with each part's program. Bar lines are not written (the MIDI file is 4/4 at 120 BPM;
     * the seconds are exact). {@code file} itself is only read.
     *
     * @param overwrite whether an existing {@code midi} may be replaced
     * @return the score that was written
     * @throws BadInputException the file cannot be read as MIDI or a score
     * @throws java.io.UncheckedIOException {@code midi} exists and {@code overwrite} is false, or cannot be written
     */
    public static Score writeMidi(Path file, Path midi, boolean overwrite) {
        Score score = read(file, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE);
        MidiWriter.write(score.notes(), midi, MIDI_OPTIONS.withOverwrite(overwrite));
        return score;
    }

    /**
     * The format of {@code file} by its extension.
     *
     * @throws BadInputException naming the file and the extensions Cadenza reads as notes
     */
    public static ScoreFormat formatOf(Path file) {
        return ScoreFormat.of(file).orElseThrow(() -> new BadInputException(file, "not a MIDI file or a score: "
                + "Cadenza reads notes from " + String.join(", ", ScoreFormat.allExtensions())));
    }
}
