package org.cadenza.corpus.dataset;

import java.util.Objects;

/**
 * How training windows are balanced across classes (validation and test are never balanced).
 *
 * @param mode     {@link Mode#NONE} (default), {@link Mode#CAP} or {@link Mode#OVERSAMPLE}
 * @param perClass for {@link Mode#CAP}: the most windows kept per class, &gt;= 1; ignored (0) otherwise
 */
public record Balancing(Mode mode, int perClass) {

    /** The modes. */
    public enum Mode {
        /** Every selected window once. */
        NONE,
        /** At most {@code perClass} windows per class (seed 001's "100 spectrograms model" with n = 100). */
        CAP,
        /** Every class repeated up to the window count of the largest class (its windows once, then repeats). */
        OVERSAMPLE
    }

    /** No balancing. */
    public static final Balancing NONE = new Balancing(Mode.NONE, 0);

    /** At most {@code n} windows per class. */
    public static Balancing cap(int n) {
        return new Balancing(Mode.CAP, n);
    }

    /** Minority classes repeated up to the largest. */
    public static Balancing oversample() {
        return new Balancing(Mode.OVERSAMPLE, 0);
    }

    public Balancing {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.CAP && perClass < 1) {
            throw new IllegalArgumentException("Balancing: a cap needs perClass >= 1, got " + perClass);
        }
        if (mode != Mode.CAP) {
            perClass = 0;
        }
    }

    /** Reads {@code none}, {@code oversample} or {@code cap:<n>}. */
    public static Balancing parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        if (t.equals("oversample")) {
            return oversample();
        }
        if (t.startsWith("cap:")) {
            try {
                return cap(Integer.parseInt(t.substring(4).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("balancing \"" + text + "\": cap:<n> needs a whole number", e);
            }
        }
        throw new IllegalArgumentException("balancing \"" + text + "\": expected none, oversample or cap:<n>");
    }

    @Override
    public String toString() {
        return mode == Mode.CAP ? "cap:" + perClass : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
