package org.cadenza.model.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.dataset.WindowSelection;
import org.cadenza.io.BadInputException;
import org.cadenza.io.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a training run learned and which windows of a file it read: the target ({@code composer}, {@code period},
 * {@code one-vs-rest:chopin}) and the window selection. Everything another corpus needs to be labelled and cut like
 * the training data (blind evaluation). Stored as section {@code dataset} of the run's
 * {@link RunManifest} by {@link TrainingRun}, with the workspace trained on, the dataset's key (split, seed, classes)
 * and, for a period target with a table other than the built-in one, that table. Runs made before the manifest kept
 * it in {@code run-dataset.json} (and the table in {@code periods.csv}); older ones are read from the first line of
 * their {@code dataset.txt}, the dataset spec's key
 * ({@code dataset target=composer;split=...;selection=first=180.0;start=first_sound;silence_db=60.0}).
 *
 * @param target      the target's text, readable by {@link Target#parse(String)}
 * @param targetKey   the target's key ({@link Target#key()}): for {@code period} it names the SHA-256 of the periods
 *                    table, so that a run made with another table is not evaluated with the built-in one
 * @param firstSeconds only the first this many seconds of each file were used, seconds; empty = whole files
 * @param startAt     where counting windows started
 * @param silenceDb   the first-sound threshold, dB below the loudest bin
 */
public record RunDataset(String target, String targetKey, Optional<Double> firstSeconds,
                         WindowSelection.StartAt startAt, double silenceDb) {

    /** The JSON form of the manifest section ({@code run-dataset.json} in older runs). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stored(@JsonProperty("target") String target, @JsonProperty("target_key") String targetKey,
                         @JsonProperty("first_seconds") Double firstSeconds,
                         @JsonProperty("start_at") String startAt, @JsonProperty("silence_db") double silenceDb,
                         @JsonProperty("workspace") String workspace, @JsonProperty("dataset_key") String datasetKey,
                         @JsonProperty("seed") Long seed, @JsonProperty("periods") Map<String, String> periods) {
    }

    public RunDataset {
        Parameters.nonNull("target, targetKey, firstSeconds, startAt", target, targetKey, firstSeconds, startAt);
    }

    /** The target and selection of {@code spec}. */
    public static RunDataset of(DatasetSpec spec) {
        WindowSelection s = spec.selection();
        return new RunDataset(spec.target().name(), spec.target().key(), s.firstSeconds(), s.startAt(), s.silenceDb());
    }

    /**
     * Records {@code spec} in {@code runDir}'s manifest: target, window selection, the dataset's key and seed, the
     * workspace trained on (so that {@code cadenza evaluate RUN} finds it, {@link #workspaceOf}), and the run's own
     * composer -&gt; period table when the target is {@code period} with a table other than the built-in one (so the
     * run's classes can be rebuilt elsewhere: blind evaluation).
     */
    public static void save(DatasetSpec spec, Path runDir, Path workspace) {
        RunDataset d = of(spec);
        Map<String, String> periods = spec.target() instanceof Target.Period p && !p.periods().equals(Periods.builtIn())
                ? new TreeMap<>(p.periods().asMap()) : null;
        RunManifest.put(runDir, RunManifest.Section.DATASET, new Stored(d.target, d.targetKey, d.firstSeconds.orElse(null),
                d.startAt.name(), d.silenceDb, workspace == null ? null : workspace.toAbsolutePath().normalize()
                .toString(), spec.key(), spec.seed(), periods));
    }

    /**
     * The target, with the run's own periods table for {@code period} when it has one, else the built-in one.
     *
     * @throws BadInputException when the run was trained with another periods table (its key differs)
     */
    public Target parsedTarget(Path runDir) {
        Target t;
        try {
            Optional<Map<String, String>> own = periodsOf(runDir);
            t = own.isPresent() ? Target.parse(target, Periods.of(own.get())) : Target.parse(target);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runDir, "unknown target in the run folder: " + e.getMessage(), e);
        }
        if (!t.key().equals(targetKey)) {
            throw new BadInputException(runDir, "the run was trained with target " + targetKey + ", which differs from "
                    + t.key() + " (another periods table?): its classes cannot be rebuilt here");
        }
        return t;
    }

    /** The run's own periods table: from the manifest, or the periods.csv of an older run. */
    private static Optional<Map<String, String>> periodsOf(Path runDir) {
        Optional<Map<String, String>> stored = RunManifest.find(runDir, RunManifest.Section.DATASET, Stored.class)
                .map(Stored::periods);
        if (stored.isPresent()) {
            return stored;
        }
        Path csv = runDir.resolve("periods.csv");
        return Files.isRegularFile(csv) ? Optional.of(readTable(csv)) : Optional.empty();
    }

    private static Map<String, String> readTable(Path csv) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.indexOf(',');
                if (comma > 0) {
                    out.put(line.substring(0, comma), line.substring(comma + 1));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read the run's period table: " + e, e);
        }
        return out;
    }

    /** The window selection. */
    public WindowSelection selection() {
        return new WindowSelection(firstSeconds, startAt, silenceDb);
    }

    /** @return the workspace the run in {@code runDir} was trained on, when it recorded it */
    public static Optional<Path> workspaceOf(Path runDir) {
        return RunManifest.find(runDir, RunManifest.Section.DATASET, Stored.class).map(Stored::workspace)
                .filter(w -> !w.isEmpty()).map(Path::of);
    }

    /**
     * Reads the run's dataset section, or else the first line of an old run's {@code dataset.txt}.
     *
     * @throws BadInputException when neither exists or can be read
     */
    public static RunDataset load(Path runDir) {
        return find(runDir).orElseThrow(() -> new BadInputException(runDir, "no " + RunManifest.FILE
                + " with a dataset section, nor an older run's dataset.txt: is this a run folder made by "
                + "`cadenza train`?"));
    }

    /**
     * The run's dataset section, or else the first line of an old run's {@code dataset.txt}; empty when it has
     * neither.
     *
     * @throws BadInputException when the one it has cannot be read
     */
    public static Optional<RunDataset> find(Path runDir) {
        Optional<Stored> stored = RunManifest.find(runDir, RunManifest.Section.DATASET, Stored.class);
        if (stored.isPresent()) {
            Stored m = stored.get();
            try {
                return Optional.of(new RunDataset(m.target(), m.targetKey(), Optional.ofNullable(m.firstSeconds()),
                        WindowSelection.StartAt.valueOf(m.startAt()), m.silenceDb()));
            } catch (RuntimeException e) {
                throw new BadInputException(runDir.resolve(RunManifest.FILE), "cannot read the run's target and "
                        + "window selection: " + e, e);
            }
        }
        Path txt = runDir.resolve("dataset.txt");
        if (!Files.isRegularFile(txt)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(txt, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new BadInputException(txt, "empty file");
            }
            return Optional.of(fromDatasetLine(txt, lines.get(0)));
        } catch (IOException e) {
            throw new BadInputException(txt, "cannot read: " + e, e);
        }
    }

    /**
     * Reads the dataset spec's key as {@code dataset.txt} starts: {@code dataset target=...;split=...;...;
     * selection=first=180.0;start=first_sound;silence_db=60.0[;...]}.
     *
     * @param file where the line comes from (for messages)
     */
    static RunDataset fromDatasetLine(Path file, String line) {
        String text = line.startsWith("dataset ") ? line.substring("dataset ".length()) : line;
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String targetKey = values.get("target");
        String first = values.get("selection");
        if (targetKey == null || first == null || !first.startsWith("first=")) {
            throw new BadInputException(file, "the first line is not a dataset key with target=... and "
                    + "selection=first=...: \"" + line + "\"");
        }
        String target = targetKey.startsWith("period{") ? "period" : targetKey;
        String firstValue = first.substring("first=".length());
        Optional<Double> firstSeconds = firstValue.equals("all") ? Optional.empty()
                : Optional.of(Double.parseDouble(firstValue));
        WindowSelection.StartAt startAt = WindowSelection.StartAt.valueOf(
                values.getOrDefault("start", "file_start").toUpperCase(Locale.ROOT));
        double silence = Double.parseDouble(values.getOrDefault("silence_db",
                Double.toString(WindowSelection.DEFAULT_SILENCE_DB)));
        return new RunDataset(target, targetKey, firstSeconds, startAt, silence);
    }
}
