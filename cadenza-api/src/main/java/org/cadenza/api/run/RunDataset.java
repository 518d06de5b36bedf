package org.cadenza.api.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.dataset.WindowSelection;
import org.cadenza.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a training run learned and which windows of a file it read: the target ({@code composer}, {@code period},
 * {@code one-vs-rest:chopin}) and the window selection. Everything another corpus needs to be labelled and cut like
 * the training data (blind evaluation). Stored as {@value #FILE} in the run folder by {@link TrainingRun}; runs made
 * before that file existed are read from the first line of their {@code dataset.txt}, the dataset spec's key
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

    /** File name inside a run folder. */
    public static final String FILE = "run-dataset.json";

    public RunDataset {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetKey, "targetKey");
        Objects.requireNonNull(firstSeconds, "firstSeconds");
        Objects.requireNonNull(startAt, "startAt");
    }

    /** The target and selection of {@code spec}. */
    public static RunDataset of(DatasetSpec spec) {
        WindowSelection s = spec.selection();
        return new RunDataset(spec.target().name(), spec.target().key(), s.firstSeconds(), s.startAt(), s.silenceDb());
    }

    /** A period table other than the built-in one is kept in the run folder under this name. */
    public static final String PERIODS_FILE = "periods.csv";

    /**
     * Writes the run's own composer -&gt; period table to {@value #PERIODS_FILE} when {@code spec}'s target is
     * {@code period} with a table other than the built-in one, so the run's classes can be rebuilt elsewhere (blind
     * evaluation); does nothing otherwise.
     */
    public static void savePeriods(DatasetSpec spec, Path runDir) {
        if (!(spec.target() instanceof Target.Period p) || p.periods().equals(Periods.builtIn())) {
            return;
        }
        StringBuilder csv = new StringBuilder("composer,period\n");
        new java.util.TreeMap<>(p.periods().asMap()).forEach((c, per) -> csv.append(c).append(',').append(per)
                .append('\n'));
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(PERIODS_FILE), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(PERIODS_FILE), e);
        }
    }

    /**
     * The target, with the built-in periods table for {@code period}.
     *
     * @throws BadInputException when the run was trained with another periods table (its key differs)
     */
    public Target parsedTarget(Path runDir) {
        Target t;
        try {
            Path own = runDir.resolve(PERIODS_FILE);
            t = Files.isRegularFile(own) ? Target.parse(target, Periods.of(readTable(own))) : Target.parse(target);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runDir, "unknown target in the run folder: " + e.getMessage(), e);
        }
        if (!t.key().equals(targetKey)) {
            throw new BadInputException(runDir, "the run was trained with target " + targetKey + ", which differs from "
                    + t.key() + " (another periods table?): its classes cannot be rebuilt here");
        }
        return t;
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
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            String ws = new ObjectMapper().readTree(f.toFile()).path("workspace").asText("");
            return ws.isEmpty() ? Optional.empty() : Optional.of(Path.of(ws));
        } catch (IOException e) {
            throw new BadInputException(f, "cannot read the run's dataset file: " + e.getMessage(), e);
        }
    }

    /** Writes {@value #FILE} into {@code runDir}. */
    public void save(Path runDir) {
        save(runDir, null);
    }

    /**
     * Writes {@value #FILE} into {@code runDir} with the workspace the run is trained on, so that
     * {@code cadenza evaluate RUN} finds it ({@link #workspaceOf}).
     */
    public void save(Path runDir, Path workspace) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("target_key", targetKey);
        json.put("first_seconds", firstSeconds.orElse(null));
        json.put("start_at", startAt.name());
        json.put("silence_db", silenceDb);
        if (workspace != null) {
            json.put("workspace", workspace.toAbsolutePath().normalize().toString());
        }
        try {
            Files.createDirectories(runDir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(runDir.resolve(FILE).toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(FILE), e);
        }
    }

    /**
     * Reads {@value #FILE} from {@code runDir}, or else the first line of its {@code dataset.txt}.
     *
     * @throws BadInputException when neither exists or can be read
     */
    public static RunDataset load(Path runDir) {
        Path json = runDir.resolve(FILE);
        if (Files.isRegularFile(json)) {
            try {
                Map<?, ?> m = new ObjectMapper().readValue(json.toFile(), Map.class);
                Object first = m.get("first_seconds");
                return new RunDataset((String) m.get("target"), (String) m.get("target_key"),
                        first == null ? Optional.empty() : Optional.of(((Number) first).doubleValue()),
                        WindowSelection.StartAt.valueOf((String) m.get("start_at")),
                        ((Number) m.get("silence_db")).doubleValue());
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(json, "cannot read the run's target and window selection: " + e, e);
            }
        }
        Path txt = runDir.resolve("dataset.txt");
        if (!Files.isRegularFile(txt)) {
            throw new BadInputException(runDir, "neither " + FILE + " nor dataset.txt: is this a run folder made by "
                    + "`cadenza train`?");
        }
        try {
            List<String> lines = Files.readAllLines(txt, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new BadInputException(txt, "empty file");
            }
            return fromDatasetLine(txt, lines.get(0));
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
