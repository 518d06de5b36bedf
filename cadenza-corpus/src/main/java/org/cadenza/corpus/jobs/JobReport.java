package org.cadenza.corpus.jobs;

import org.cadenza.corpus.catalog.Problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a render or feature job did.
 *
 * @param stage    {@code render} or {@code features}
 * @param runId    the run's id in the catalog
 * @param done     items produced by this run
 * @param skipped  items whose artifact already existed (resumed or rerun)
 * @param failed   items that failed; each has one entry in {@code problems}
 * @param problems one structured problem per failed item, in the order met
 * @param elapsed  wall-clock time of the run
 */
public record JobReport(String stage, long runId, int done, int skipped, int failed, List<Problem> problems,
                        Duration elapsed) {

    public JobReport {
        Objects.requireNonNull(stage, "stage");
        problems = List.copyOf(problems);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Items considered: done + skipped + failed. */
    public int total() {
        return done + skipped + failed;
    }

    /** Whether some items failed (the CLI maps this to exit code 3). */
    public boolean isPartialFailure() {
        return failed > 0;
    }

    /** The counts by name (done, skipped, failed), as stored with the run. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("done", (long) done);
        m.put("skipped", (long) skipped);
        m.put("failed", (long) failed);
        return m;
    }

    /** One line: {@code render: 10 done, 3 skipped, 1 failed in 12.3 s}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s: %d done, %d skipped, %d failed in %.1f s", stage, done,
                skipped, failed, elapsed.toMillis() / 1000.0);
    }
}
