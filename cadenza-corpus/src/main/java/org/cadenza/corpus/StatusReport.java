package org.cadenza.corpus;

import org.cadenza.corpus.catalog.Catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a workspace stands: per composer, how many files are ingested, duplicates, quarantined, rendered (with any
 * render settings), featurised (with any feature parameters) and failed at a job stage; hours of music; the
 * quarantine list and the job failures, each with its reason.
 *
 * @param composers     counts per composer id, sorted by id
 * @param total         the sums over all composers
 * @param musicHours    duration of the ingested files (MIDI with its tempo map, audio from its header), in hours
 * @param renderedHours duration of all rendered audio artifacts (every render setting counted), in hours
 * @param quarantine    the quarantined files with their reasons, in ingest order
 * @param failures      the render and feature failures of ingested files that have not succeeded since, with their
 *                      reasons: one per file, stage and parameters; in ingest order, render before features
 */
public record StatusReport(Map<String, Counts> composers, Counts total, double musicHours, double renderedHours,
                           List<QuarantineEntry> quarantine, List<FailureEntry> failures) {

    public StatusReport {
        composers = java.util.Collections.unmodifiableMap(new TreeMap<>(composers));
        Objects.requireNonNull(total, "total");
        quarantine = List.copyOf(quarantine);
        failures = List.copyOf(failures);
    }

    /**
     * File counts of one composer (or all).
     *
     * @param ingested    valid unique files
     * @param duplicates  byte-identical copies of other files
     * @param quarantined files that failed validation
     * @param rendered    ingested files with at least one render artifact
     * @param featurised  ingested files with at least one feature artifact
     * @param failed      ingested files that failed a render or feature job and have not succeeded since (they
     *                    stay ingested; the next job run retries them)
     * @param hours       duration of the ingested files, in hours
     */
    public record Counts(long ingested, long duplicates, long quarantined, long rendered, long featurised,
                         long failed, double hours) {

        Counts plus(Counts o) {
            return new Counts(ingested + o.ingested, duplicates + o.duplicates, quarantined + o.quarantined,
                    rendered + o.rendered, featurised + o.featurised, failed + o.failed, hours + o.hours);
        }
    }

    /**
     * A quarantined file.
     *
     * @param path     the file as given ({@code zip!member} for archive members)
     * @param composer the composer id it was labelled with
     * @param reason   why it was quarantined
     */
    public record QuarantineEntry(String path, String composer, String reason) {
    }

    /**
     * A job failure of an ingested file (its status stays {@code ingested}; the next run of the job retries it).
     *
     * @param path       the file as given ({@code zip!member} for archive members)
     * @param composer   the composer id it is labelled with
     * @param stage      the job that failed: {@code render} or {@code features}
     * @param parameters the parameter key of that job (render settings, or feature parameters)
     * @param reason     why it failed
     */
    public record FailureEntry(String path, String composer, String stage, String parameters, String reason) {
    }

    /** Computes the report from the catalog. */
    public static StatusReport of(Catalog catalog) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Double> hours = new TreeMap<>();
        for (Map<String, Object> row : catalog.query("SELECT composer_id AS c, status AS s, COUNT(*) AS n, "
                + "COALESCE(SUM(seconds), 0) AS secs FROM files GROUP BY composer_id, status")) {
            String c = (String) row.get("c");
            long[] k = counts.computeIfAbsent(c, x -> new long[6]);
            long n = ((Number) row.get("n")).longValue();
            switch ((String) row.get("s")) {
                case "ingested" -> {
                    k[0] += n;
                    hours.merge(c, ((Number) row.get("secs")).doubleValue() / 3600.0, Double::sum);
                }
                case "duplicate" -> k[1] += n;
                case "quarantined" -> k[2] += n;
                default -> throw new IllegalStateException("unknown status " + row.get("s"));
            }
        }
        String[] stages = {"render", "features"};
        for (int s = 0; s < stages.length; s++) {
            for (Map<String, Object> row : catalog.query("SELECT f.composer_id AS c, COUNT(DISTINCT f.id) AS n "
                    + "FROM files f WHERE f.status = 'ingested' AND EXISTS (SELECT 1 FROM artifacts a "
                    + "WHERE a.sha256 = f.sha256 AND a.stage = ?) GROUP BY f.composer_id", stages[s])) {
                counts.computeIfAbsent((String) row.get("c"), x -> new long[6])[3 + s] +=
                        ((Number) row.get("n")).longValue();
            }
        }
        for (Map<String, Object> row : catalog.query("SELECT f.composer_id AS c, COUNT(DISTINCT f.id) AS n "
                + "FROM files f WHERE f.status = 'ingested' AND EXISTS (SELECT 1 FROM stage_failures s "
                + "WHERE s.sha256 = f.sha256) GROUP BY f.composer_id")) {
            counts.computeIfAbsent((String) row.get("c"), x -> new long[6])[5] += ((Number) row.get("n")).longValue();
        }
        Map<String, Counts> composers = new TreeMap<>();
        Counts total = new Counts(0, 0, 0, 0, 0, 0, 0);
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] k = e.getValue();
            Counts c = new Counts(k[0], k[1], k[2], k[3], k[4], k[5], hours.getOrDefault(e.getKey(), 0.0));
            composers.put(e.getKey(), c);
            total = total.plus(c);
        }
        double rendered = ((Number) catalog.query("SELECT COALESCE(SUM(seconds), 0) AS s FROM artifacts "
                + "WHERE stage = 'render'").get(0).get("s")).doubleValue() / 3600.0;
        List<QuarantineEntry> q = new ArrayList<>();
        for (Map<String, Object> row : catalog.query("SELECT source_path AS p, archive_member AS m, "
                + "composer_id AS c, reason AS r FROM files WHERE status = 'quarantined' ORDER BY id")) {
            q.add(new QuarantineEntry(displayPath(row), (String) row.get("c"), (String) row.get("r")));
        }
        List<FailureEntry> failures = new ArrayList<>();
        for (Map<String, Object> row : catalog.query("SELECT f.source_path AS p, f.archive_member AS m, "
                + "f.composer_id AS c, s.stage AS st, s.params_key AS k, s.reason AS r FROM stage_failures s "
                + "JOIN files f ON f.sha256 = s.sha256 AND f.status = 'ingested' "
                + "ORDER BY f.id, s.stage DESC, s.params_key, s.source_key")) {
            failures.add(new FailureEntry(displayPath(row), (String) row.get("c"), (String) row.get("st"),
                    (String) row.get("k"), (String) row.get("r")));
        }
        return new StatusReport(composers, total, total.hours(), rendered, q, failures);
    }

    /** A file row's path as given: {@code zip!member} for archive members. */
    private static String displayPath(Map<String, Object> row) {
        String m = (String) row.get("m");
        return m == null || m.isEmpty() ? (String) row.get("p") : row.get("p") + "!" + m;
    }

    /** The report as a JSON object (field names as in the records). */
    public String toJson() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status report as JSON", e);
        }
    }

    /**
     * A plain-text table: one line per composer, a total line, hours, then the quarantine list and the job
     * failures, each file with its reason.
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(8, composers.keySet().stream().mapToInt(String::length).max().orElse(0));
        String fmt = "%-" + w + "s %9s %10s %11s %9s %10s %7s %8s%n";
        sb.append(String.format(Locale.ROOT, fmt, "composer", "ingested", "duplicate", "quarantined", "rendered",
                "featurised", "failed", "hours"));
        composers.forEach((c, k) -> sb.append(line(fmt, c, k)));
        sb.append(line(fmt, "TOTAL", total));
        sb.append(String.format(Locale.ROOT, "music: %.2f h ingested; rendered audio: %.2f h%n", musicHours,
                renderedHours));
        if (quarantine.isEmpty()) {
            sb.append("quarantine: empty").append(System.lineSeparator());
        } else {
            sb.append("quarantine (").append(quarantine.size()).append("):").append(System.lineSeparator());
            for (QuarantineEntry q : quarantine) {
                sb.append("  ").append(q.path()).append(" [").append(q.composer()).append("]: ").append(q.reason())
                        .append(System.lineSeparator());
            }
        }
        if (failures.isEmpty()) {
            sb.append("failed: none").append(System.lineSeparator());
        } else {
            sb.append("failed (").append(failures.size()).append("; the next run of the job retries them):")
                    .append(System.lineSeparator());
            for (FailureEntry f : failures) {
                sb.append("  ").append(f.path()).append(" [").append(f.composer()).append("] ").append(f.stage())
                        .append(": ").append(f.reason()).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    private static String line(String fmt, String name, Counts k) {
        return String.format(Locale.ROOT, fmt, name, k.ingested(), k.duplicates(), k.quarantined(), k.rendered(),
                k.featurised(), k.failed(), String.format(Locale.ROOT, "%.2f", k.hours()));
    }
}
