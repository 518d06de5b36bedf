package org.cadenza.io;

/**
 * The checks of parameters, one message form for each, in an {@link IllegalArgumentException}: a parameter
 * record's compact constructor, {@code "<Record>: <what is wrong>"}; a count with a lower bound,
 * {@code "<name> must be >= <min>, got <value>"}; a finite quantity above zero,
 * {@code "<name> must be finite and > 0[ <unit>], got <value>"}.
 *
 * <pre>{@code
 * require("SymbolicParams", bins >= 2 && bins <= 32, "durationBins must be 2-32, got " + bins);
 * this.threads = atLeast("threads", threads, 1);
 * nonNull("source, notes, bars", source, notes, bars);
 * }</pre>
 */
public final class Parameters {

    private Parameters() {
    }

    /**
     * @param record  the record's simple name, e.g. {@code FeatureParams}
     * @param ok      the condition the parameters must meet
     * @param message what is wrong, naming the parameter, its range and the value given
     * @throws IllegalArgumentException {@code "<record>: <message>"} when {@code ok} is false
     */
    public static void require(String record, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(record + ": " + message);
        }
    }

    /**
     * The check of a count or size with a lower bound (threads, repeats, k of top-k, table rows).
     *
     * @param name  the parameter as the caller names it, e.g. {@code threads}
     * @param value the value given
     * @param min   the smallest value accepted
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<name> must be >= <min>, got <value>"} when {@code value < min}
     */
    public static int atLeast(String name, int value, int min) {
        atLeast(name, (long) value, min);
        return value;
    }

    /** {@link #atLeast(String, int, int)} for a {@code long}. */
    public static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /**
     * The check of a finite quantity above zero (a length, a rate, a temperature).
     *
     * @param name  the parameter as the caller names it, e.g. {@code maxSeconds}
     * @param value the value given
     * @param unit  its unit for the message ({@code "s"}, {@code "BPM"}), or {@code ""} for none
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<name> must be finite and > 0[ <unit>], got <value>"} for zero, a
     *                                  negative value, an infinity or NaN
     */
    public static double finitePositive(String name, double value, String unit) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0" + (unit.isEmpty() ? "" : " " + unit)
                    + ", got " + value);
        }
        return value;
    }

    /**
     * The check that none of a record's components is null, in one line: the message names the first null one, as
     * {@link java.util.Objects#requireNonNull(Object, String)} would.
     *
     * @param names  the components' names, comma-separated, in the order of {@code values}
     * @param values the components
     * @throws NullPointerException     {@code "<name>"} for the first null value
     * @throws IllegalArgumentException when {@code names} does not name as many components as there are values
     */
    public static void nonNull(String names, Object... values) {
        String[] n = names.split(",");
        if (n.length != values.length) {
            throw new IllegalArgumentException("nonNull: " + n.length + " names (" + names + ") for " + values.length
                    + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(n[i].strip());
            }
        }
    }
}
