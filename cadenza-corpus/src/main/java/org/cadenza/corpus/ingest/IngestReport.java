package org.cadenza.corpus.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an ingest did.
 *
 * @param runId             the run's id in the catalog
 * @param input             the folder or labels CSV, as given
 * @param found             music files seen (plain files and zip members; zips themselves not counted)
 * @param ingested          new valid, unique files catalogued by this run
 * @param alreadyCatalogued files skipped because the catalog already holds them (same location, same bytes)
 * @param skippedNonMusic   files that are not music (README, .txt, .pdf, hidden files), skipped
 * @param duplicates        files whose bytes equal an earlier file's: path and the kept file's path
 * @param quarantined       files (or zips) that failed validation: path and the problem
 * @param missing           labels-CSV rows whose file does not exist: path and the CSV line
 * @param warnings          things the user should look at (e.g. {@code Bach/} and {@code bach/} merged)
 * @param elapsed           wall-clock time
 */
public record IngestReport(long runId, String input, int found, int ingested, int alreadyCatalogued,
                           int skippedNonMusic, List<Entry> duplicates, List<Entry> quarantined, List<Entry> missing,
                           List<String> warnings, Duration elapsed) {

    /**
     * A file with a remark.
     *
     * @param path   the file as given ({@code zip!member} for archive members)
     * @param detail the problem, or for duplicates the path of the file kept
     */
    public record Entry(String path, String detail) {
        @Override
        public String toString() {
            return path + ": " + detail;
        }
    }

    public IngestReport {
        Objects.requireNonNull(input, "input");
        duplicates = List.copyOf(duplicates);
        quarantined = List.copyOf(quarantined);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether some files were quarantined or missing. */
    public boolean hasProblems() {
        return !quarantined.isEmpty() || !missing.isEmpty();
    }

    /** The counts by name, as stored with the run. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("found", (long) found);
        m.put("ingested", (long) ingested);
        m.put("already_catalogued", (long) alreadyCatalogued);
        m.put("duplicates", (long) duplicates.size());
        m.put("quarantined", (long) quarantined.size());
        m.put("missing", (long) missing.size());
        m.put("skipped_non_music", (long) skippedNonMusic);
        m.put("warnings", (long) warnings.size());
        return m;
    }

    /** A few lines for people: counts, then warnings, duplicates and problems. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "ingest %s: %d music files found, %d ingested, %d already "
                        + "catalogued, %d duplicates, %d quarantined, %d missing, %d non-music skipped (%.1f s)%n",
                input, found, ingested, alreadyCatalogued, duplicates.size(), quarantined.size(), missing.size(),
                skippedNonMusic, elapsed.toMillis() / 1000.0));
        warnings.forEach(w -> sb.append("warning: ").append(w).append(System.lineSeparator()));
        duplicates.forEach(d -> sb.append("duplicate: ").append(d.path()).append(" = ").append(d.detail())
                .append(System.lineSeparator()));
        quarantined.forEach(q -> sb.append("quarantined: ").append(q).append(System.lineSeparator()));
        missing.forEach(m -> sb.append("missing: ").append(m).append(System.lineSeparator()));
        return sb.toString();
    }
}
