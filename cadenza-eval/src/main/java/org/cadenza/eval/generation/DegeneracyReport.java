package org.cadenza.eval.generation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DegeneracyCheck#check} found in one sequence.
 *
 * @param source the file (or label) the notes come from
 * @param checks one result per {@link DegeneracyCheck.Check}, in its order
 */
public record DegeneracyReport(Path source, List<CheckResult> checks) {

    public DegeneracyReport {
        Objects.requireNonNull(source, "source");
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    /** The checks that failed, in order; empty when {@link #passed()}. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The result of one check. */
    public CheckResult result(DegeneracyCheck.Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + ": no result for " + check));
    }

    /** One line per check ({@link CheckResult#summary()}). */
    public List<String> summary() {
        return checks.stream().map(CheckResult::summary).toList();
    }

    /** The source, then the summary lines. */
    @Override
    public String toString() {
        return source + ": " + (passed() ? "passed" : failures().size() + " of " + checks.size() + " checks failed")
                + "\n  " + String.join("\n  ", summary());
    }
}
