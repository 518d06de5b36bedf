package org.cadenza.render;

import java.util.Locale;

/**
 * Which General MIDI program (instrument) each channel plays.
 *
 * <ul>
 *   <li>{@link #ORIGINAL}: the file's own program changes and bank selects are honoured; channel 10 (index 9)
 *       plays the drum kit, as General MIDI says.</li>
 *   <li>{@link Fixed}: every channel plays the same GM program (0-127, 0 = Acoustic Grand Piano,
 *       19 = Church Organ). The file's program changes and bank selects are ignored, and the notes of the
 *       percussion channel (channel 10, index 9) are <b>dropped</b>, since a drum part played on a piano or an
 *       organ is noise. Use this to remove timbre as a clue to the composer.</li>
 * </ul>
 *
 * <p>{@link #parse(String)} reads the command-line spelling: {@code original}, {@code piano}, {@code organ} or a
 * program number {@code 0}..{@code 127}.
 */
public sealed interface ProgramPolicy permits ProgramPolicy.Original, ProgramPolicy.Fixed {

    /** GM program 0: Acoustic Grand Piano. */
    int PIANO = 0;
    /** GM program 19: Church Organ. */
    int ORGAN = 19;

    /** Keep the file's instruments. */
    ProgramPolicy ORIGINAL = new Original();

    /** Canonical spelling, used in {@link RenderSettings#key()}: {@code original} or {@code fixed:<program>}. */
    String key();

    /** Keep the file's own program changes (see {@link ProgramPolicy}). */
    record Original() implements ProgramPolicy {
        @Override
        public String key() {
            return "original";
        }

        @Override
        public String toString() {
            return "original";
        }
    }

    /**
     * Every channel plays {@code program}; percussion-channel notes are dropped (see {@link ProgramPolicy}).
     *
     * @param program General MIDI program number, 0-127 (0 = piano, 19 = church organ)
     */
    record Fixed(int program) implements ProgramPolicy {
        public Fixed {
            if (program < 0 || program > 127) {
                throw new IllegalArgumentException("GM program must be 0..127, got " + program);
            }
        }

        @Override
        public String key() {
            return "fixed:" + program;
        }

        @Override
        public String toString() {
            return program == PIANO ? "piano (GM 0)" : program == ORGAN ? "organ (GM 19)" : "GM program " + program;
        }
    }

    /**
     * Parses {@code original}, {@code piano} (GM 0), {@code organ} (GM 19, Church Organ) or a GM program
     * number {@code 0}..{@code 127}; case and surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    static ProgramPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty instrument policy; expected original, piano, organ or a GM program 0..127");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "original":
                return ORIGINAL;
            case "piano":
                return new Fixed(PIANO);
            case "organ":
                return new Fixed(ORGAN);
            default:
                break;
        }
        if (t.matches("[0-9]{1,3}")) {
            int program = Integer.parseInt(t);
            if (program <= 127) {
                return new Fixed(program);
            }
        }
        throw new IllegalArgumentException("unknown instrument policy '" + text.strip()
                + "'; expected original, piano, organ or a GM program number 0..127");
    }
}
