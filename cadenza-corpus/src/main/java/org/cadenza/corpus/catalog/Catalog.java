package org.cadenza.corpus.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The workspace's SQLite catalog: source files with labels and validation outcome, job artifacts, stage failures,
 * problems and runs.
 *
 * <p>Durability: the database runs in WAL mode and every write of a finished item is its own committed
 * transaction (auto-commit), so killing the process ({@code kill -9}) loses no finished item and leaves no
 * half-written row. Artifact rows are written by the jobs only after the artifact file was atomically moved into
 * place. A write refused because the disk is full ({@code SQLITE_FULL}) is a {@link DiskFullException} naming the
 * catalog file. All methods are {@code synchronized}: one connection, one writer, safe to call from worker threads.
 *
 * <p>Schema version {@value #SCHEMA_VERSION}; a catalog written by a newer schema is refused.
 */
public final class Catalog implements AutoCloseable {

    /**
     * Schema version written by this code. Version 2 adds the media kind {@code score} (MusicXML and kern); a
     * version-1 catalog is migrated when opened (its files table rebuilt with the wider check, every row kept).
     */
    public static final int SCHEMA_VERSION = 2;
    /** How long a writer waits for another process's lock before failing, in milliseconds. */
    public static final int BUSY_TIMEOUT_MS = 30_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] SCHEMA = {
        """
        CREATE TABLE runs (
          id INTEGER PRIMARY KEY,
          command TEXT NOT NULL,
          started TEXT NOT NULL,
          finished TEXT,
          counts TEXT)""",
        filesTable("files"),
        "CREATE INDEX files_sha256 ON files(sha256)",
        "CREATE INDEX files_composer ON files(composer_id)",
        """
        CREATE TABLE artifacts (
          id INTEGER PRIMARY KEY,
          sha256 TEXT NOT NULL,
          stage TEXT NOT NULL CHECK (stage IN ('render', 'features')),
          params_key TEXT NOT NULL,
          source_key TEXT NOT NULL DEFAULT '',
          path TEXT NOT NULL,
          frames INTEGER,
          seconds REAL NOT NULL,
          created TEXT NOT NULL,
          UNIQUE (sha256, stage, params_key, source_key))""",
        """
        CREATE TABLE stage_failures (
          sha256 TEXT NOT NULL,
          stage TEXT NOT NULL,
          params_key TEXT NOT NULL,
          source_key TEXT NOT NULL DEFAULT '',
          reason TEXT NOT NULL,
          run_id INTEGER REFERENCES runs(id),
          time TEXT NOT NULL,
          PRIMARY KEY (sha256, stage, params_key, source_key))""",
        """
        CREATE TABLE problems (
          id INTEGER PRIMARY KEY,
          run_id INTEGER REFERENCES runs(id),
          stage TEXT NOT NULL,
          path TEXT NOT NULL,
          problem TEXT NOT NULL,
          time TEXT NOT NULL)""",
    };

    /** The files table's definition, under {@code name} (the migration builds the new table beside the old). */
    private static String filesTable(String name) {
        return """
            CREATE TABLE %s (
              id INTEGER PRIMARY KEY,
              source_path TEXT NOT NULL,
              absolute_path TEXT NOT NULL,
              archive_member TEXT NOT NULL DEFAULT '',
              stored_path TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              media_kind TEXT NOT NULL CHECK (media_kind IN ('midi', 'score', 'audio', 'archive')),
              composer_id TEXT NOT NULL,
              composer_written TEXT NOT NULL,
              piece_id TEXT NOT NULL,
              period TEXT,
              split TEXT,
              status TEXT NOT NULL CHECK (status IN ('ingested', 'quarantined', 'duplicate')),
              reason TEXT,
              duplicate_of INTEGER REFERENCES files(id),
              notes INTEGER,
              seconds REAL,
              programs TEXT NOT NULL DEFAULT '',
              run_id INTEGER REFERENCES runs(id),
              ingested_at TEXT NOT NULL,
              UNIQUE (absolute_path, archive_member))""".formatted(name);
    }

    /** Which soundbank rendered each render key ({@link RenderSoundbank}); created in every catalog on open. */
    private static final String RENDER_SOUNDBANKS = """
        CREATE TABLE IF NOT EXISTS render_soundbanks (
          render_key TEXT PRIMARY KEY,
          soundfont_path TEXT,
          soundfont_sha256 TEXT,
          recorded TEXT NOT NULL)""";

    private final Path file;
    private final Connection db;

    private Catalog(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens (creating when absent) the catalog database at {@code file}: WAL journal, busy timeout
     * {@value #BUSY_TIMEOUT_MS} ms, foreign keys on, schema created or checked.
     *
     * @throws CadenzaException when the file is not a usable SQLite database or has a newer schema
     */
    public static Catalog open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                    st.execute("PRAGMA journal_mode = WAL");
                    st.execute("PRAGMA synchronous = NORMAL");
                }
                Catalog catalog = new Catalog(abs, c);
                catalog.migrate(); // foreign keys still off: a migration rebuilds a table that rows refer to
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA foreign_keys = ON");
                }
                return catalog;
            } catch (RuntimeException | SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            DiskFullException.rethrowIfDiskFull(e, abs);
            throw new CadenzaException("cannot open the catalog " + abs + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            DiskFullException.rethrowIfDiskFull(e, abs);
            throw new CadenzaException("cannot create the folder of the catalog " + abs + ": " + e, e);
        }
    }

    private void migrate() throws SQLException {
        transaction(() -> {
            try (Statement st = db.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version = 0;
                try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                    }
                }
                if (version > SCHEMA_VERSION) {
                    throw new CadenzaException("catalog " + file + " has schema version " + version
                            + ", newer than this Cadenza understands (" + SCHEMA_VERSION + "): upgrade Cadenza");
                }
                if (version == 0) {
                    for (String ddl : SCHEMA) {
                        st.execute(ddl);
                    }
                    st.execute("INSERT INTO schema_version (version) VALUES (" + SCHEMA_VERSION + ")");
                } else if (version == 1) {
                    // SQLite cannot widen a CHECK in place: build the new table, copy every row, swap the names
                    st.execute(filesTable("files_v2"));
                    st.execute("INSERT INTO files_v2 SELECT * FROM files");
                    st.execute("DROP TABLE files");
                    st.execute("ALTER TABLE files_v2 RENAME TO files");
                    st.execute("CREATE INDEX files_sha256 ON files(sha256)");
                    st.execute("CREATE INDEX files_composer ON files(composer_id)");
                    st.execute("INSERT INTO schema_version (version) VALUES (2)");
                }
                // added without a version bump: older Cadenza ignores the table, and opens catalogs that have it
                st.execute(RENDER_SOUNDBANKS);
            }
        });
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The schema version stored in the database. */
    public synchronized int schemaVersion() {
        return queryLong("SELECT MAX(version) FROM schema_version").intValue();
    }

    // ---------------------------------------------------------------- runs

    /** Records the start of a run and returns its id. */
    public synchronized long startRun(String command) {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO runs (command, started) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, command);
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
            return generatedId(ps);
        } catch (SQLException e) {
            throw fail("start a run", e);
        }
    }

    /** Records the end of a run with its final counts. */
    public synchronized void finishRun(long runId, Map<String, Long> counts) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE runs SET finished = ?, counts = ? WHERE id = ?")) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, JSON.writeValueAsString(new LinkedHashMap<>(counts)));
            ps.setLong(3, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("finish run " + runId, e);
        } catch (JsonProcessingException e) {
            throw new CadenzaException("cannot write the counts of run " + runId + " as JSON: " + e.getMessage(), e);
        }
    }

    /** All runs, oldest first. */
    public synchronized List<RunRecord> runs() {
        List<RunRecord> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT id, command, started, finished, counts FROM runs ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String counts = rs.getString(5);
                Map<String, Long> map = counts == null ? Map.of()
                        : JSON.readValue(counts, new TypeReference<LinkedHashMap<String, Long>>() { });
                out.add(new RunRecord(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)).map(Instant::parse), map));
            }
            return out;
        } catch (SQLException e) {
            throw fail("list runs", e);
        } catch (JsonProcessingException e) {
            throw new CadenzaException("catalog " + file + ": unreadable run counts: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- files

    private static final String FILE_COLUMNS = "id, source_path, absolute_path, archive_member, stored_path, sha256, "
            + "bytes, media_kind, composer_id, composer_written, piece_id, period, split, status, reason, "
            + "duplicate_of, notes, seconds, programs";

    /**
     * Inserts a file row in its own transaction and returns its id.
     *
     * @param runId the ingest run, or 0 for none
     */
    public synchronized long insertFile(CatalogFile f, long runId) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO files (source_path, absolute_path, "
                + "archive_member, stored_path, sha256, bytes, media_kind, composer_id, composer_written, piece_id, "
                + "period, split, status, reason, duplicate_of, notes, seconds, programs, run_id, ingested_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bindFile(ps, f);
            if (runId > 0) {
                ps.setLong(19, runId);
            } else {
                ps.setNull(19, Types.INTEGER);
            }
            ps.setString(20, Instant.now().toString());
            ps.executeUpdate();
            return generatedId(ps);
        } catch (SQLException e) {
            throw fail("insert " + f.displayPath(), e);
        }
    }

    /** Overwrites every column of the row {@code id} (e.g. a source file whose bytes changed) in one transaction. */
    public synchronized void updateFile(long id, CatalogFile f) {
        try {
            updateFileRow(id, f);
        } catch (SQLException e) {
            throw fail("update " + f.displayPath(), e);
        }
    }

    /**
     * Before the row {@code originalId} takes other bytes: the files recorded as its duplicates still hold the old
     * bytes, so the earliest of them takes over the old row's status, reason and media facts and the others point at
     * it. One transaction. Returns the id of the new original, or 0 when there were no duplicates.
     */
    public synchronized long promoteDuplicates(long originalId) {
        CatalogFile old = findById(originalId).orElseThrow(() ->
                new CadenzaException("catalog " + file + ": no file row with id " + originalId));
        List<CatalogFile> dups = selectFiles("WHERE duplicate_of = ? ORDER BY id", originalId);
        if (dups.isEmpty()) {
            return 0;
        }
        CatalogFile heir = dups.get(0).toBuilder().optPrograms(old.programs()).build();
        CatalogFile.Builder b = heir.toBuilder();
        switch (old.status()) {
            case QUARANTINED -> b.quarantined(old.reason().orElseThrow());
            default -> b.ingested();
        }
        old.notes().ifPresent(b::optNotes);
        old.seconds().ifPresent(b::optSeconds);
        inTransaction("promote the duplicates of file " + originalId, () -> {
            try (PreparedStatement repoint = db.prepareStatement(
                    "UPDATE files SET duplicate_of = ? WHERE duplicate_of = ? AND id <> ?")) {
                updateFileRow(heir.id(), b.build());
                repoint.setLong(1, heir.id());
                repoint.setLong(2, originalId);
                repoint.setLong(3, heir.id());
                repoint.executeUpdate();
            }
        });
        return heir.id();
    }

    private void updateFileRow(long id, CatalogFile f) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE files SET source_path = ?, absolute_path = ?, "
                + "archive_member = ?, stored_path = ?, sha256 = ?, bytes = ?, media_kind = ?, composer_id = ?, "
                + "composer_written = ?, piece_id = ?, period = ?, split = ?, status = ?, reason = ?, "
                + "duplicate_of = ?, notes = ?, seconds = ?, programs = ? WHERE id = ?")) {
            bindFile(ps, f);
            ps.setLong(19, id);
            if (ps.executeUpdate() != 1) {
                throw new CadenzaException("catalog " + file + ": no file row with id " + id);
            }
        }
    }

    private static void bindFile(PreparedStatement ps, CatalogFile f) throws SQLException {
        ps.setString(1, f.sourcePath());
        ps.setString(2, f.absolutePath());
        ps.setString(3, f.archiveMember().orElse(""));
        ps.setString(4, f.storedPath());
        ps.setString(5, f.sha256());
        ps.setLong(6, f.bytes());
        ps.setString(7, f.kind().dbName());
        ps.setString(8, f.composerId());
        ps.setString(9, f.composerWritten());
        ps.setString(10, f.pieceId());
        ps.setString(11, f.period().orElse(null));
        ps.setString(12, f.split().orElse(null));
        ps.setString(13, f.status().dbName());
        ps.setString(14, f.reason().orElse(null));
        if (f.duplicateOf().isPresent()) {
            ps.setLong(15, f.duplicateOf().get());
        } else {
            ps.setNull(15, Types.INTEGER);
        }
        if (f.notes().isPresent()) {
            ps.setLong(16, f.notes().get());
        } else {
            ps.setNull(16, Types.INTEGER);
        }
        if (f.seconds().isPresent()) {
            ps.setDouble(17, f.seconds().get());
        } else {
            ps.setNull(17, Types.REAL);
        }
        ps.setString(18, f.programs().stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }

    /** The file row for a source location ({@code member} empty for plain files). */
    public synchronized Optional<CatalogFile> findByLocation(String absolutePath, Optional<String> member) {
        List<CatalogFile> rows = selectFiles("WHERE absolute_path = ? AND archive_member = ?",
                absolutePath, member.orElse(""));
        return rows.stream().findFirst();
    }

    /** The file row with this id. */
    public synchronized Optional<CatalogFile> findById(long id) {
        return selectFiles("WHERE id = ?", id).stream().findFirst();
    }

    /** The earliest non-duplicate row holding these bytes (the one a new copy is a duplicate of). */
    public synchronized Optional<CatalogFile> findOriginal(String sha256) {
        return selectFiles("WHERE sha256 = ? AND status <> 'duplicate' ORDER BY id LIMIT 1", sha256)
                .stream().findFirst();
    }

    /** All file rows, in insertion order. */
    public synchronized List<CatalogFile> files() {
        return selectFiles("ORDER BY id");
    }

    /** File rows with the given status, in insertion order. */
    public synchronized List<CatalogFile> files(FileStatus status) {
        return selectFiles("WHERE status = ? ORDER BY id", status.dbName());
    }

    private List<CatalogFile> selectFiles(String where, Object... args) {
        List<CatalogFile> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT " + FILE_COLUMNS + " FROM files " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readFile(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read files", e);
        }
    }

    private static CatalogFile readFile(ResultSet rs) throws SQLException {
        CatalogFile.Builder b = CatalogFile.builder()
                .optId(rs.getLong("id"))
                .setSourcePath(rs.getString("source_path"))
                .setAbsolutePath(rs.getString("absolute_path"))
                .setStoredPath(rs.getString("stored_path"))
                .setSha256(rs.getString("sha256"))
                .setBytes(rs.getLong("bytes"))
                .setKind(CatalogName.fromDb(MediaKind.class, rs.getString("media_kind")))
                .setComposerId(rs.getString("composer_id"))
                .setComposerWritten(rs.getString("composer_written"))
                .setPieceId(rs.getString("piece_id"))
                .optPeriod(rs.getString("period"))
                .optSplit(rs.getString("split"));
        String member = rs.getString("archive_member");
        b.optArchiveMember(member == null || member.isEmpty() ? null : member);
        long notes = rs.getLong("notes");
        if (!rs.wasNull()) {
            b.optNotes(notes);
        }
        double seconds = rs.getDouble("seconds");
        if (!rs.wasNull()) {
            b.optSeconds(seconds);
        }
        String programs = rs.getString("programs");
        if (programs != null && !programs.isBlank()) {
            b.optPrograms(Arrays.stream(programs.trim().split(" ")).map(Integer::valueOf).toList());
        }
        switch (CatalogName.fromDb(FileStatus.class, rs.getString("status"))) {
            case INGESTED -> b.ingested();
            case QUARANTINED -> b.quarantined(rs.getString("reason"));
            case DUPLICATE -> b.duplicateOf(rs.getLong("duplicate_of"));
        }
        return b.build();
    }

    // ---------------------------------------------------------------- render soundbanks

    /** Records (replacing any earlier row) which soundbank renders with key {@code r.renderKey()} use. */
    public synchronized void putRenderSoundbank(RenderSoundbank r) {
        inTransaction("record the soundbank of " + r.renderKey(), () -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO render_soundbanks (render_key, "
                    + "soundfont_path, soundfont_sha256, recorded) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, r.renderKey());
                ps.setString(2, r.soundfontPath().orElse(null));
                ps.setString(3, r.sha256().orElse(null));
                ps.setString(4, r.recorded().toString());
                ps.executeUpdate();
            }
        });
    }

    /** The soundbank recorded for {@code renderKey}, when a render job recorded one. */
    public synchronized Optional<RenderSoundbank> renderSoundbank(String renderKey) {
        for (Map<String, Object> row : query("SELECT soundfont_path, soundfont_sha256, recorded FROM render_soundbanks "
                + "WHERE render_key = ?", renderKey)) {
            return Optional.of(new RenderSoundbank(renderKey, Optional.ofNullable((String) row.get("soundfont_path")),
                    Optional.ofNullable((String) row.get("soundfont_sha256")),
                    java.time.Instant.parse((String) row.get("recorded"))));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- artifacts

    /**
     * Records a finished artifact (replacing an older row for the same key) and clears any recorded failure for
     * it, in one transaction. Call only after the artifact file is in place.
     */
    public synchronized void putArtifact(Artifact a) {
        inTransaction("record the " + a.stage().dbName() + " artifact of " + a.sha256(), () -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO artifacts (sha256, stage, "
                    + "params_key, source_key, path, frames, seconds, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement del = db.prepareStatement("DELETE FROM stage_failures WHERE sha256 = ? "
                         + "AND stage = ? AND params_key = ? AND source_key = ?")) {
                bindKey(ps, a.sha256(), a.stage(), a.paramsKey(), a.sourceKey());
                ps.setString(5, a.path());
                if (a.frames().isPresent()) {
                    ps.setInt(6, a.frames().get());
                } else {
                    ps.setNull(6, Types.INTEGER);
                }
                ps.setDouble(7, a.seconds());
                ps.setString(8, a.created().toString());
                ps.executeUpdate();
                bindKey(del, a.sha256(), a.stage(), a.paramsKey(), a.sourceKey());
                del.executeUpdate();
            }
        });
    }

    /** The artifact for (content, stage, parameters, source), when recorded. */
    public synchronized Optional<Artifact> artifact(String sha256, Stage stage, String paramsKey, String sourceKey) {
        return selectArtifacts("WHERE sha256 = ? AND stage = ? AND params_key = ? AND source_key = ?",
                sha256, stage.dbName(), paramsKey, sourceKey).stream().findFirst();
    }

    /** All artifacts of a stage made with these parameters from this source, oldest first. */
    public synchronized List<Artifact> artifacts(Stage stage, String paramsKey, String sourceKey) {
        return selectArtifacts("WHERE stage = ? AND params_key = ? AND source_key = ? ORDER BY id",
                stage.dbName(), paramsKey, sourceKey);
    }

    /** All artifacts of a stage, oldest first. */
    public synchronized List<Artifact> artifacts(Stage stage) {
        return selectArtifacts("WHERE stage = ? ORDER BY id", stage.dbName());
    }

    /** Removes an artifact row (e.g. its file went missing). Returns whether a row was removed. */
    public synchronized boolean deleteArtifact(String sha256, Stage stage, String paramsKey, String sourceKey) {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM artifacts WHERE sha256 = ? AND stage = ? "
                + "AND params_key = ? AND source_key = ?")) {
            bindKey(ps, sha256, stage, paramsKey, sourceKey);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw fail("delete an artifact of " + sha256, e);
        }
    }

    private List<Artifact> selectArtifacts(String where, Object... args) {
        List<Artifact> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT sha256, stage, params_key, source_key, path, "
                + "frames, seconds, created FROM artifacts " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int frames = rs.getInt(6);
                    Optional<Integer> f = rs.wasNull() ? Optional.empty() : Optional.of(frames);
                    out.add(new Artifact(rs.getString(1), stage(rs, 2), rs.getString(3),
                            rs.getString(4), rs.getString(5), f, rs.getDouble(7), Instant.parse(rs.getString(8))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read artifacts", e);
        }
    }

    // ---------------------------------------------------------------- failures and problems

    /** Records (or replaces) the failure of a valid file at a job stage; the file's status is not changed. */
    public synchronized void recordStageFailure(StageFailure f) {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO stage_failures (sha256, stage, "
                + "params_key, source_key, reason, run_id, time) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindKey(ps, f.sha256(), f.stage(), f.paramsKey(), f.sourceKey());
            ps.setString(5, f.reason());
            if (f.runId() > 0) {
                ps.setLong(6, f.runId());
            } else {
                ps.setNull(6, Types.INTEGER);
            }
            ps.setString(7, f.time().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record a failure of " + f.sha256(), e);
        }
    }

    /** Files that failed at a stage (any parameters) and have not succeeded since. */
    public synchronized List<StageFailure> stageFailures(Stage stage) {
        List<StageFailure> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT sha256, stage, params_key, source_key, reason, "
                + "run_id, time FROM stage_failures WHERE stage = ? ORDER BY time")) {
            ps.setString(1, stage.dbName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StageFailure(rs.getString(1), stage(rs, 2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), Instant.parse(rs.getString(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read stage failures", e);
        }
    }

    /** Records one problem of a run in its own transaction. */
    public synchronized void recordProblem(Problem p) {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO problems (run_id, stage, path, problem, time) VALUES (?, ?, ?, ?, ?)")) {
            if (p.runId() > 0) {
                ps.setLong(1, p.runId());
            } else {
                ps.setNull(1, Types.INTEGER);
            }
            ps.setString(2, p.stage().dbName());
            ps.setString(3, p.path());
            ps.setString(4, p.problem());
            ps.setString(5, p.time().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record a problem with " + p.path(), e);
        }
    }

    /** Problems of one run, in the order met. */
    public synchronized List<Problem> problems(long runId) {
        return selectProblems("WHERE run_id = ? ORDER BY id", runId);
    }

    /** All problems, in the order met. */
    public synchronized List<Problem> problems() {
        return selectProblems("ORDER BY id");
    }

    private List<Problem> selectProblems(String where, Object... args) {
        List<Problem> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT run_id, stage, path, problem, time FROM problems " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Problem(rs.getLong(1), stage(rs, 2), rs.getString(3),
                            rs.getString(4), Instant.parse(rs.getString(5))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read problems", e);
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * Runs a read-only query and returns its rows as column-name to value maps (for reports; values are
     * {@code Long}, {@code Double}, {@code String} or {@code null}).
     */
    public synchronized List<Map<String, Object>> query(String sql, Object... args) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= n; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("query", e);
        }
    }

    private Long queryLong(String sql) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw fail("query", e);
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id returned");
            }
            return keys.getLong(1);
        }
    }

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: committed whole, or rolled back and reported as failing to {@code what}. */
    private void inTransaction(String what, SqlWork work) {
        try {
            transaction(work);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** Runs {@code work} as one transaction: committed whole, or rolled back and the exception passed on. */
    private void transaction(SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * The exception for a failed statement: a {@link DiskFullException} naming the catalog when SQLite says the disk
     * is full ({@code SQLITE_FULL}), otherwise a {@link CadenzaException} saying what could not be done.
     */
    private CadenzaException fail(String what, SQLException e) {
        return DiskFullException.from(e, file).map(CadenzaException.class::cast).orElseGet(() ->
                new CadenzaException("catalog " + file + ": cannot " + what + ": " + e.getMessage(), e));
    }

    /** Closes the connection (checkpointing the WAL). */
    @Override
    public synchronized void close() {
        try {
            if (!db.isClosed()) {
                db.close();
            }
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }

    /** Binds the key of an artifact or a stage failure, (sha256, stage, params_key, source_key), to parameters 1-4. */
    private static void bindKey(PreparedStatement ps, String sha256, Stage stage, String paramsKey, String sourceKey)
            throws SQLException {
        ps.setString(1, sha256);
        ps.setString(2, stage.dbName());
        ps.setString(3, paramsKey);
        ps.setString(4, sourceKey);
    }

    private static Stage stage(ResultSet rs, int column) throws SQLException {
        return CatalogName.fromDb(Stage.class, rs.getString(column));
    }
}
