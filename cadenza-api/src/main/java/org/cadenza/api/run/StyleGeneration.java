package org.cadenza.api.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cadenza.eval.generation.DegeneracyCheck;
import org.cadenza.eval.generation.DegeneracyReport;
import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.plot.PianoRollPlot;
import org.cadenza.io.BadInputException;
import org.cadenza.io.Parameters;
import org.cadenza.io.audio.AudioEncoder;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.MidiWriter;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Scores;
import org.cadenza.model.generation.GenerationLength;
import org.cadenza.model.generation.LanguageModel;
import org.cadenza.model.generation.SamplingSettings;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;

/**
 * {@code cadenza generate}: new music from a style model, written as MIDI, rendered to WAV, drawn as a piano roll,
 * and checked for the failures of seed 004's first model (one note forever, silence, a collapsed range).
 */
public final class StyleGeneration {

    private StyleGeneration() {
    }

    /**
     * What to write.
     *
     * @param composer      the composer to write for (one of the model's)
     * @param length        seconds or bars
     * @param sampling      temperature, top-k, top-p, seed, grammar
     * @param primerFile    a MIDI file whose opening is the seed phrase, or empty
     * @param primerSeconds how much of the primer file's opening to use, seconds from its first note
     * @param keepPrimer    whether the output starts with the seed phrase
     * @param bpm           tempo of the written MIDI file, and of bars without a primer
     * @param beatsPerBar   beats per bar without a primer
     * @param out           the MIDI file to write ({@code .mid}); the WAV and the PNG go beside it
     * @param wav           whether to render a WAV
     * @param png           whether to draw a piano roll
     * @param overwrite     whether existing outputs may be replaced
     */
    public record Request(String composer, GenerationLength length, SamplingSettings sampling,
                          Optional<Path> primerFile, double primerSeconds, boolean keepPrimer, double bpm,
                          int beatsPerBar, Path out, boolean wav, boolean png, boolean overwrite) {

        public Request {
            Parameters.nonNull("composer, length, sampling, out", composer, length, sampling, out);
            if (primerFile.isPresent() && !(primerSeconds > 0)) {
                throw new IllegalArgumentException("the primer length must be > 0 seconds, got " + primerSeconds);
            }
        }
    }

    /**
     * What was written.
     *
     * @param midi      the MIDI file
     * @param wav       the rendered audio, when asked
     * @param png       the piano roll, when asked
     * @param generated the model's output
     * @param checks    the degeneracy checks on the new music (the primer left out)
     * @param seconds   the length asked for, in seconds
     */
    public record Result(Path midi, Optional<Path> wav, Optional<Path> png, LanguageModel.Generated generated,
                         DegeneracyReport checks, double seconds) {

        /** A few lines for the console. */
        public String summary() {
            StringBuilder b = new StringBuilder();
            NoteSequence n = generated.notes();
            b.append(String.format(Locale.ROOT, "wrote %s: %d notes, %.1f s (%d tokens drawn%s)%n", midi,
                    n.notes().size(), n.durationSeconds(), generated.tokens().length,
                    generated.complete() ? "" : "; stopped by the token cap before the length was reached"));
            wav.ifPresent(w -> b.append("audio: ").append(w).append('\n'));
            png.ifPresent(p -> b.append("piano roll: ").append(p).append('\n'));
            b.append("checks: ").append(checks.passed() ? "passed" : "FAILED").append('\n');
            checks.summary().forEach(s -> b.append("  ").append(s).append('\n'));
            return b.toString();
        }
    }

    /** The seed phrase: the notes of {@code file} struck in its first {@code seconds} from the first note. */
    public static NoteSequence primer(Path file, double seconds) {
        NoteSequence all = Scores.readNotes(file, MidiLimits.DEFAULTS, NoteReader.Pedal.EXTEND);
        if (all.notes().isEmpty()) {
            throw new BadInputException(file, "no notes to take a seed phrase from");
        }
        return opening(all, seconds);
    }

    /**
     * The notes struck in the first {@code seconds} from the first note, shifted to start at 0, with the bar lines
     * inside that span.
     *
     * @param notes at least one note
     */
    public static NoteSequence opening(NoteSequence notes, double seconds) {
        double first = notes.firstOnsetSeconds();
        List<Note> kept = notes.slice(first, first + seconds, NoteSequence.Held.DROP);
        List<Double> bars = notes.barStartSeconds().stream().filter(b -> b >= first && b <= first + seconds)
                .map(b -> b - first).toList();
        return new NoteSequence(notes.source(), kept, bars);
    }

    /** Generates and writes the files of {@code request} with {@code model}. */
    public static Result generate(LanguageModel model, Request request) {
        Optional<NoteSequence> primer = request.primerFile().map(f -> primer(f, request.primerSeconds()));
        double seconds = request.length().seconds(primer, request.bpm(), request.beatsPerBar());
        Path midi = request.out();
        Path wav = sibling(midi, ".wav");
        Path png = sibling(midi, ".png");
        if (!request.overwrite()) {
            for (Path p : request.wav() ? request.png() ? List.of(midi, wav, png) : List.of(midi, wav)
                    : request.png() ? List.of(midi, png) : List.of(midi)) {
                if (Files.exists(p)) {
                    throw new IllegalArgumentException(p + " exists; choose another --out or allow overwriting");
                }
            }
        }
        LanguageModel.Generated g = model.generate(request.composer(), primer, seconds, request.sampling(),
                request.keepPrimer());
        if (g.notes().notes().isEmpty()) {
            throw new IllegalStateException("the model wrote no notes in " + seconds + " s; try another --seed or a "
                    + "higher --temperature");
        }
        MidiWriter.write(g.notes(), midi, MidiWriter.Options.builder().optTempoBpm(request.bpm())
                .optOverwrite(true).build());
        Optional<Path> wavOut = request.wav() ? Optional.of(writeWav(midi)) : Optional.empty();
        Optional<Path> pngOut = request.png() ? Optional.of(drawRoll(g.notes(), midi,
                String.format(Locale.ROOT, "%s in the style of %s (%s, seed %d, temperature %.2f)",
                        midi.getFileName(), request.composer(), request.length(), request.sampling().seed(),
                        request.sampling().temperature()))) : Optional.empty();
        int primerNotes = primer.map(p -> model.tokenizer().decode(model.tokenizer().encode(p)).notes().size())
                .orElse(0);
        DegeneracyReport checks = DegeneracyCheck.check(newPart(g, request.keepPrimer() ? primerNotes : 0, midi));
        return new Result(midi, wavOut, pngOut, g, checks, seconds);
    }

    /** The generated notes without the primer, for the checks. */
    private static NoteSequence newPart(LanguageModel.Generated g, int primerNotes, Path midi) {
        List<Note> notes = g.notes().notes();
        return new NoteSequence(midi, notes.subList(Math.min(notes.size(), primerNotes), notes.size()), List.of());
    }

    /** Renders {@code midi} with Gervill into the WAV beside it; @return the WAV */
    static Path writeWav(Path midi) {
        Path wav = sibling(midi, ".wav");
        AudioEncoder.write(new MidiRenderer(RenderSettings.DEFAULTS).render(midi), wav);
        return wav;
    }

    /** Draws the piano roll of {@code notes} into the PNG beside {@code midi}; @return the PNG */
    static Path drawRoll(NoteSequence notes, Path midi, String title) {
        Path png = sibling(midi, ".png");
        PianoRollPlot.writePng(PianoRoll.of(notes, PianoRollParams.defaults()), png, title);
        return png;
    }

    private static Path sibling(Path midi, String extension) {
        String name = midi.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return midi.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
