package org.cadenza.corpus.dataset;

import java.util.Objects;

/**
 * How training windows are balanced across classes (validation and test are never balanced).
 *
 * @param mode     {@link Mode#NONE} (default), {@link Mode#CAP}, {@link Mode#OVERSAMPLE} or {@link Mode#EQUAL}
 * @param perClass for {@link Mode#CAP}: the most windows kept per class; for {@link Mode#EQUAL}: the windows every
 *                 class gets; &gt;= 1; ignored (0) otherwise
 */
public record Balancing(Mode mode, int perClass) {

    /** The modes. */
    public enum Mode {
        /** Every selected window once. */
        NONE,
        /** At most {@code perClass} windows per class (seed 001's "100 spectrograms model" with n = 100). */
        CAP,
        /** Every class repeated up to the window count of the largest class (its windows once, then repeats). */
        OVERSAMPLE,
        /**
         * Every class exactly {@code perClass} windows: a larger class drawn down to it, a smaller one repeated up to
         * it. For many classes of very different sizes, where oversampling to the largest would multiply the data.
         */
        EQUAL
    }

    /** No balancing. */
    public static final Balancing NONE = new Balancing(Mode.NONE, 0);

    /** At most {@code n} windows per class. */
    public static Balancing cap(int n) {
        return new Balancing(Mode.CAP, n);
    }

    /** Every class drawn down or repeated up to exactly {@code n} windows. */
    public static Balancing equal(int n) {
        return new Balancing(Mode.EQUAL, n);
    }

    /** Minority classes repeated up to the largest. */
    public static Balancing oversample() {
        return new Balancing(Mode.OVERSAMPLE, 0);
    }

    public Balancing {
        Objects.requireNonNull(mode, "mode");
        boolean counted = mode == Mode.CAP || mode == Mode.EQUAL;
        if (counted && perClass < 1) {
            throw new IllegalArgumentException("Balancing: " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs perClass >= 1, got " + perClass);
        }
        if (!counted) {
            perClass = 0;
        }
    }

    /** Reads {@code none}, {@code oversample}, {@code cap:<n>} or {@code equal:<n>}. */
    public static Balancing parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        if (t.equals("oversample")) {
            return oversample();
        }
        for (Mode m : new Mode[] {Mode.CAP, Mode.EQUAL}) {
            String prefix = m.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (t.startsWith(prefix)) {
                try {
                    return new Balancing(m, Integer.parseInt(t.substring(prefix.length()).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("balancing \"" + text + "\": " + prefix
                            + "<n> needs a whole number", e);
                }
            }
        }
        throw new IllegalArgumentException("balancing \"" + text + "\": expected none, oversample, cap:<n> or "
                + "equal:<n>");
    }

    @Override
    public String toString() {
        String name = mode.name().toLowerCase(java.util.Locale.ROOT);
        return perClass > 0 ? name + ":" + perClass : name;
    }
}
