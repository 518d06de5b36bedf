package org.cadenza.model.generation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cadenza.io.midi.NoteSequence;

/**
 * How long a generated piece is: seconds ({@code 60s}, {@code 90}) or bars ({@code 16bars}, {@code 16b}).
 *
 * @param amount how many
 * @param bars   true for bars, false for seconds
 */
public record GenerationLength(double amount, boolean bars) {

    /**
     * The longest piece Cadenza writes, seconds: an hour. Sampling takes about a sixth of the music's length on two
     * cores (60 s in 10 s), so an hour takes about ten minutes; for longer music, generate several pieces.
     */
    public static final double MAX_SECONDS = 3600;

    private static final Pattern TEXT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(s|sec|seconds?|b|bars?)?\\s*");

    public GenerationLength {
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("a length must be > 0, got " + amount);
        }
    }

    /** Reads {@code 60s}, {@code 60}, {@code 16bars} or {@code 16b}. */
    public static GenerationLength parse(String text) {
        Matcher m = TEXT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a length is seconds (60s) or bars (16bars), got '" + text + "'");
        }
        String unit = m.group(2);
        return new GenerationLength(Double.parseDouble(m.group(1)), unit != null && unit.startsWith("b"));
    }

    /**
     * The length in seconds. Bars take the primer's own bar length when it has bar lines (the mean of its bars),
     * otherwise {@code beatsPerBar} beats at {@code bpm}.
     *
     * @param primer      the seed phrase's notes, if any
     * @param bpm         quarter notes per minute for pieces without a primer's bars
     * @param beatsPerBar beats per bar for pieces without a primer's bars
     */
    public double seconds(Optional<NoteSequence> primer, double bpm, int beatsPerBar) {
        if (!bars) {
            return bounded(amount);
        }
        if (primer.isPresent()) {
            List<Double> b = primer.get().barStartSeconds();
            if (b.size() >= 2) {
                return bounded(amount * (b.get(b.size() - 1) - b.get(0)) / (b.size() - 1));
            }
        }
        if (!(bpm > 0) || beatsPerBar < 1) {
            throw new IllegalArgumentException("bars need a tempo > 0 and at least one beat per bar");
        }
        return bounded(amount * beatsPerBar * 60 / bpm);
    }

    private double bounded(double seconds) {
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a length of %s is %.0f s; Cadenza writes at "
                    + "most %.0f s (an hour, about ten minutes of sampling on two cores): generate several pieces for "
                    + "longer music", this.bars ? String.format(Locale.ROOT, "%.0f bars", amount)
                    : String.format(Locale.ROOT, "%.0f s", amount), seconds, MAX_SECONDS));
        }
        return seconds;
    }

    @Override
    public String toString() {
        return (amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount))
                + (bars ? " bars" : " s");
    }
}
