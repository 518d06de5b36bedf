package org.cadenza.eval.generation;

import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one {@link DegeneracyCheck.Check}.
 *
 * @param check    what was checked
 * @param measured the value measured, in the check's unit ({@link DegeneracyCheck.Check#unit()})
 * @param limit    the limit it was held to, same unit: a maximum or a minimum as
 *                 {@link DegeneracyCheck.Check#isMaximum()} says
 * @param passed   whether {@code measured} is within the limit (a value equal to the limit passes)
 */
public record CheckResult(DegeneracyCheck.Check check, double measured, double limit, boolean passed) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
    }

    /** The result of holding {@code measured} to {@code limit}. */
    public static CheckResult of(DegeneracyCheck.Check check, double measured, double limit) {
        boolean ok = check.isMaximum() ? measured <= limit : measured >= limit;
        return new CheckResult(check, measured, limit, ok);
    }

    /**
     * One line, e.g. {@code "FAIL longest repeated single-pitch run: 200 onsets (limit <= 32)"}.
     */
    public String summary() {
        return String.format(Locale.ROOT, "%s %s: %s %s (limit %s %s)", passed ? "pass" : "FAIL", check.label(),
                format(measured), check.unit(), check.isMaximum() ? "<=" : ">=", format(limit));
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
