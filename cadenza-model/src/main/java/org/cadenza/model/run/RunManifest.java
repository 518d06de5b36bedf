package org.cadenza.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.ModelJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A run folder's one manifest, {@value #FILE}: everything another process needs to use or check the run, in one JSON
 * document. Its header says which Cadenza wrote it ({@code code}: version and commit, {@code created},
 * {@code updated}); each part of the run's contract is one named section, written by the code that owns it:
 *
 * <ul>
 *   <li>{@code route}: which input route (audio, roll, notes, fusion);</li>
 *   <li>{@code dataset}: the target, the window selection, the dataset's key (split, seed, classes), the
 *       workspace and any periods table of its own;</li>
 *   <li>{@code files}: how many files the run used and the SHA-256 of their listing ({@code files.csv}), i.e. the
 *       data hash;</li>
 *   <li>{@code counts}: labels and files, pieces and windows per class (the dummy baselines);</li>
 *   <li>the input settings of the route: {@code pipeline} (rendering, soundbank really used, log-mel, windows),
 *       {@code notes}, {@code pianoroll} or {@code fusion};</li>
 *   <li>{@code training}: the notes route's model, features and dataset keys (a rerun with other ones is
 *       refused); {@code instruments}: the instrument families; {@code model}: the kind of an embedding or
 *       style model, whose own contract lies in its model folder.</li>
 * </ul>
 *
 * <p>The model's own files (weights and their architecture) stay in the run's {@code model/} folder; tables a person
 * reads (files.csv, history.csv, reports) stay beside the manifest.
 *
 * <p><b>Runs made before the manifest</b> kept each section in a file of its own ({@link Section#legacyFile()}); a section
 * missing from {@value #FILE} is read from that file when it is there, so such runs load unchanged. A folder with
 * neither is refused by {@link #require} with a message that says to train it again.
 *
 * <p>Writes are atomic (temporary file and rename), so a killed job leaves the previous manifest whole.
 */
public final class RunManifest {

    /** File name inside a run folder. */
    public static final String FILE = "run.json";
    /** The format name in {@value #FILE}. */
    public static final String FORMAT = "cadenza-run";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The sections of a manifest, each with its key in {@value #FILE}, what it is (for messages) and the file it lived
     * in before the manifest existed (read for older runs).
     */
    public enum Section {
        /** The input route (audio, roll, notes, fusion). */
        ROUTE("the input route", "route.json"),
        /** Target, window selection, dataset key, seed, workspace, own periods table. */
        DATASET("target and window selection", "run-dataset.json"),
        /** File count and SHA-256 of the run's file listing: the data hash. */
        FILES("file listing", null),
        /** Labels and training counts per class. */
        COUNTS("training counts", null),
        /** The audio route's input settings. */
        PIPELINE("audio input settings", "pipeline.json"),
        /** The notes route's input settings. */
        NOTES("notes settings", "notes.json"),
        /** The piano-roll route's input settings. */
        PIANOROLL("piano-roll settings", "pianoroll.json"),
        /** How a fusion run combines its member runs. */
        FUSION("fusion weights", "fusion.json"),
        /** The notes route's model, features and dataset keys. */
        TRAINING("training keys", "notes-run.json"),
        /** An instrument run's families. */
        INSTRUMENTS("instrument families", "instruments.json"),
        /** A run whose model is not a classifier of a route: which kind, in which folder ({@link ModelRef}). */
        MODEL("model kind", null);

        private final String what;
        private final String legacyFile;

        Section(String what, String legacyFile) {
            this.what = what;
            this.legacyFile = legacyFile;
        }

        /** @return the key in {@value #FILE}: the name in lower case */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** @return the file that held the section in runs made before the manifest, if any */
        public Optional<String> legacyFile() {
            return Optional.ofNullable(legacyFile);
        }
    }

    /**
     * What section {@link Section#MODEL} holds.
     *
     * @param kind   {@code embedding} (open set) or {@code style} (generation)
     * @param folder the model's folder inside the run folder
     */
    public record ModelRef(String kind, String folder) {
    }

    private RunManifest() {
    }

    /** @return whether {@code dir} holds a run: a {@value #FILE}, or a route or pipeline file of an older run */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE)) || Files.isRegularFile(dir.resolve(Section.ROUTE.legacyFile))
                || Files.isRegularFile(dir.resolve(Section.PIPELINE.legacyFile));
    }

    /**
     * Writes {@code value} (a record or anything Jackson writes) as {@code section} of {@code runDir}'s
     * {@value #FILE}, creating the folder and the manifest when missing and keeping the other sections.
     */
    public static synchronized void put(Path runDir, Section section, Object value) {
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runDir, e);
        }
        ObjectNode root = readRoot(runDir).orElseGet(() -> header(ModelJson.mapper().createObjectNode()));
        root.put("updated", Instant.now().toString());
        root.set("code", CodeVersion.current().toJson());
        root.set(section.key(), ModelJson.mapper().valueToTree(value));
        ModelJson.write(runDir.resolve(FILE), root);
    }

    /**
     * Reads {@code runDir}'s manifest once: ask the result for as many sections as needed.
     *
     * @throws BadInputException when the manifest is there but not readable
     */
    public static Contents read(Path runDir) {
        return new Contents(runDir, readRoot(runDir).orElse(null));
    }

    /** {@code read(runDir).find(section, type)}: one section, from a reading of its own. */
    public static <T> Optional<T> find(Path runDir, Section section, Class<T> type) {
        return read(runDir).find(section, type);
    }

    /** {@code read(runDir).require(section, type)}: one section, which must be there. */
    public static <T> T require(Path runDir, Section section, Class<T> type) {
        return read(runDir).require(section, type);
    }

    /** The version of Cadenza that last wrote {@code runDir}'s manifest; empty for runs made before it. */
    public static Optional<CodeVersion> writtenBy(Path runDir) {
        return readRoot(runDir).map(r -> r.get("code")).filter(JsonNode::isObject).map(CodeVersion::fromJson);
    }

    /** One reading of a run folder's manifest (absent in runs made before it); the sections are read on demand. */
    public static final class Contents {
        private final Path runDir;
        private final ObjectNode root;

        private Contents(Path runDir, ObjectNode root) {
            this.runDir = runDir;
            this.root = root;
        }

        /**
         * {@code section} as a {@code type}: from {@value #FILE}, else from the section's file in a run made before
         * the manifest ({@link Section#legacyFile()}); empty when neither has it.
         *
         * @throws BadInputException when the section cannot be read as a {@code type}
         */
        public <T> Optional<T> find(Section section, Class<T> type) {
            Path where = runDir.resolve(FILE);
            JsonNode node = root == null ? null : root.get(section.key());
            if (node == null || node.isNull()) {
                if (section.legacyFile == null || !Files.isRegularFile(runDir.resolve(section.legacyFile))) {
                    return Optional.empty();
                }
                where = runDir.resolve(section.legacyFile);
                try {
                    node = ModelJson.mapper().readTree(where.toFile());
                } catch (IOException e) {
                    throw new BadInputException(where, "cannot read the run's " + section.what + ": " + e.getMessage(),
                            e);
                }
            }
            try {
                return Optional.of(ModelJson.mapper().treeToValue(node, type));
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException(where, "the run's " + section.what + " (section \"" + section.key()
                        + "\") is not what this Cadenza reads (" + e.getMessage() + "): train the run again", e);
            }
        }

        /**
         * {@code section}, which must be there.
         *
         * @throws BadInputException naming the folder and what to do when the section is missing
         */
        public <T> T require(Section section, Class<T> type) {
            return find(section, type).orElseThrow(() -> new BadInputException(runDir.resolve(FILE),
                    root != null || isRun(runDir) ? "the run has no " + section.what + " (section \"" + section.key()
                            + "\"): is it a run of another kind? Train it again with `cadenza train`"
                            : "not a run folder: no " + FILE + " here (make one with `cadenza train`)"));
        }
    }

    private static ObjectNode header(ObjectNode root) {
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("created", Instant.now().toString());
        return root;
    }

    private static Optional<ObjectNode> readRoot(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = ModelJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file, "not a readable run manifest: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode o) || !FORMAT.equals(o.path("format").asText())) {
            throw new BadInputException(file, "not a Cadenza run manifest (no \"format\": \"" + FORMAT + "\")");
        }
        int version = o.path("format_version").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new CadenzaException(file + ": written by a newer Cadenza (" + o.path("code").path("version")
                    .asText("?") + ", manifest format " + version + "; this one reads " + FORMAT_VERSION
                    + "): update Cadenza, or train the run again with this one");
        }
        return Optional.of(o);
    }
}
