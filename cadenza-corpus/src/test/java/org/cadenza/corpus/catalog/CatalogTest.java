package org.cadenza.corpus.catalog;

import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    private static CatalogFile.Builder file(String name, String sha) {
        return CatalogFile.builder().setSourcePath("in/" + name).setAbsolutePath("/data/in/" + name)
                .setStoredPath("/data/in/" + name).setSha256(sha).setBytes(123).setKind(MediaKind.MIDI)
                .setComposerId("bach").setComposerWritten("Bach").setPieceId("bach/" + name);
    }

    @Test
    void roundTripSurvivesCloseAndReopen(@TempDir Path dir) {
        Path db = dir.resolve("catalog.sqlite");
        long runId;
        long keptId;
        try (Catalog c = Catalog.open(db)) {
            runId = c.startRun("ingest in");
            keptId = c.insertFile(file("a.mid", "aa").optNotes(42).optSeconds(12.5).optPrograms(List.of(0, 40))
                    .optPeriod("baroque").optSplit("train").build(), runId);
            c.insertFile(file("b.mid", "aa").duplicateOf(keptId).build(), runId);
            c.insertFile(CatalogFile.builder().setSourcePath("in.zip").setAbsolutePath("/data/in.zip")
                    .optArchiveMember("x/bad.mid").setStoredPath("/ws/sources/zz/x/bad.mid").setSha256("bb")
                    .setBytes(5).setKind(MediaKind.MIDI).setComposerId("bach").setComposerWritten("bach")
                    .setPieceId("bach/in/x/bad").quarantined("truncated MIDI file").build(), runId);
            c.putArtifact(new Artifact("aa", Stage.RENDER, "sr=22050", "", "audio/k/aa.flac", Optional.empty(),
                    12.0, Instant.parse("2026-01-01T00:00:00Z")));
            c.recordProblem(new Problem(runId, Stage.INGEST, "in.zip!x/bad.mid", "truncated MIDI file",
                    Instant.now()));
            c.finishRun(runId, Map.of("ingested", 1L, "duplicates", 1L, "quarantined", 1L));
        }
        try (Catalog c = Catalog.open(db)) {
            assertEquals(Catalog.SCHEMA_VERSION, c.schemaVersion());
            List<CatalogFile> all = c.files();
            assertEquals(3, all.size());
            CatalogFile a = all.get(0);
            assertEquals(keptId, a.id());
            assertEquals(Optional.of(42L), a.notes());
            assertEquals(Optional.of(12.5), a.seconds());
            assertEquals(List.of(0, 40), a.programs());
            assertEquals(Optional.of("baroque"), a.period());
            assertEquals(Optional.of("train"), a.split());
            assertEquals(FileStatus.INGESTED, a.status());
            assertEquals(Optional.empty(), a.archiveMember());
            assertEquals(Optional.of(keptId), all.get(1).duplicateOf());
            CatalogFile bad = all.get(2);
            assertEquals(Optional.of("x/bad.mid"), bad.archiveMember());
            assertEquals("in.zip!x/bad.mid", bad.displayPath());
            assertEquals(Optional.of("truncated MIDI file"), bad.reason());
            assertEquals(bad, c.findByLocation("/data/in.zip", Optional.of("x/bad.mid")).orElseThrow());
            assertEquals(keptId, c.findOriginal("aa").orElseThrow().id());
            assertEquals(1, c.files(FileStatus.QUARANTINED).size());
            Artifact art = c.artifact("aa", Stage.RENDER, "sr=22050", "").orElseThrow();
            assertEquals("audio/k/aa.flac", art.path());
            assertEquals(12.0, art.seconds());
            assertEquals(1, c.problems(runId).size());
            RunRecord run = c.runs().get(0);
            assertEquals("ingest in", run.command());
            assertTrue(run.finished().isPresent());
            assertEquals(1L, run.counts().get("duplicates"));
        }
    }

    @Test
    void oneLocationCanBeCataloguedOnlyOnce(@TempDir Path dir) {
        try (Catalog c = Catalog.open(dir.resolve("c.sqlite"))) {
            c.insertFile(file("a.mid", "aa").build(), 0);
            CadenzaException e = assertThrows(CadenzaException.class,
                    () -> c.insertFile(file("a.mid", "cc").build(), 0));
            assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
        }
    }

    @Test
    void foreignKeysAreEnforced(@TempDir Path dir) {
        try (Catalog c = Catalog.open(dir.resolve("c.sqlite"))) {
            assertThrows(CadenzaException.class, () -> c.insertFile(file("a.mid", "aa").duplicateOf(999).build(), 0));
            assertTrue(c.files().isEmpty());
        }
    }

    @Test
    void usesWalJournal(@TempDir Path dir) {
        try (Catalog c = Catalog.open(dir.resolve("c.sqlite"))) {
            assertEquals("wal", c.query("PRAGMA journal_mode").get(0).values().iterator().next());
            assertEquals(1, ((Number) c.query("PRAGMA foreign_keys").get(0).values().iterator().next()).intValue());
        }
    }

    @Test
    void successClearsAStageFailure(@TempDir Path dir) {
        try (Catalog c = Catalog.open(dir.resolve("c.sqlite"))) {
            c.recordStageFailure(new StageFailure("aa", Stage.RENDER, "k", "", "time limit", 0, Instant.now()));
            assertEquals(1, c.stageFailures(Stage.RENDER).size());
            c.putArtifact(new Artifact("aa", Stage.RENDER, "k", "", "audio/aa.flac", Optional.empty(), 1.0,
                    Instant.now()));
            assertTrue(c.stageFailures(Stage.RENDER).isEmpty());
            assertTrue(c.deleteArtifact("aa", Stage.RENDER, "k", ""));
            assertFalse(c.artifact("aa", Stage.RENDER, "k", "").isPresent());
        }
    }

    @Test
    void refusesANewerSchema(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("c.sqlite");
        Catalog.open(db).close();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = conn.createStatement()) {
            st.execute("INSERT INTO schema_version (version) VALUES (99)");
        }
        CadenzaException e = assertThrows(CadenzaException.class, () -> Catalog.open(db));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotADatabase(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("c.sqlite");
        java.nio.file.Files.writeString(db, "this is not sqlite, just some text that is long enough to matter..."
                + "x".repeat(200));
        assertThrows(CadenzaException.class, () -> Catalog.open(db));
    }

    /**
     * A catalog of schema version 1 (before scores: its files table checks media_kind against midi, audio and
     * archive only) is migrated when opened: every row kept, duplicates still pointing at their originals, and a
     * score row accepted.
     */
    @Test
    void aVersionOneCatalogIsMigratedKeepingEveryRow(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("catalog.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, command TEXT NOT NULL, started TEXT NOT NULL, "
                    + "finished TEXT, counts TEXT)");
            st.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, source_path TEXT NOT NULL, absolute_path TEXT "
                    + "NOT NULL, archive_member TEXT NOT NULL DEFAULT '', stored_path TEXT NOT NULL, sha256 TEXT NOT "
                    + "NULL, bytes INTEGER NOT NULL, media_kind TEXT NOT NULL CHECK (media_kind IN ('midi', 'audio', "
                    + "'archive')), composer_id TEXT NOT NULL, composer_written TEXT NOT NULL, piece_id TEXT NOT NULL, "
                    + "period TEXT, split TEXT, status TEXT NOT NULL CHECK (status IN ('ingested', 'quarantined', "
                    + "'duplicate')), reason TEXT, duplicate_of INTEGER REFERENCES files(id), notes INTEGER, seconds "
                    + "REAL, programs TEXT NOT NULL DEFAULT '', run_id INTEGER REFERENCES runs(id), ingested_at TEXT "
                    + "NOT NULL, UNIQUE (absolute_path, archive_member))");
            st.execute("CREATE INDEX files_sha256 ON files(sha256)");
            st.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            st.execute("INSERT INTO schema_version VALUES (1)");
            st.execute("INSERT INTO runs VALUES (1, 'ingest in', '2026-11-01T00:00:00Z', NULL, NULL)");
            st.execute("INSERT INTO files VALUES (1, 'in/a.mid', '/data/in/a.mid', '', '/data/in/a.mid', 'aa', 123, "
                    + "'midi', 'bach', 'Bach', 'bach/a', 'baroque', 'train', 'ingested', NULL, NULL, 42, 12.5, "
                    + "'0 40', 1, '2026-11-01T00:00:00Z')");
            st.execute("INSERT INTO files VALUES (2, 'in/b.mid', '/data/in/b.mid', '', '/data/in/b.mid', 'aa', 123, "
                    + "'midi', 'bach', 'Bach', 'bach/b', NULL, NULL, 'duplicate', NULL, 1, NULL, NULL, '', 1, "
                    + "'2026-11-01T00:00:00Z')");
            assertThrows(java.sql.SQLException.class, () -> st.execute("INSERT INTO files (source_path, "
                    + "absolute_path, stored_path, sha256, bytes, media_kind, composer_id, composer_written, piece_id, "
                    + "status, ingested_at) VALUES ('s', '/s', '/s', 'ss', 1, 'score', 'x', 'x', 'x', 'ingested', "
                    + "'t')"), "version 1 refuses scores");
        }
        try (Catalog c = Catalog.open(db)) {
            assertEquals(2, c.schemaVersion());
            List<CatalogFile> all = c.files();
            assertEquals(2, all.size());
            assertEquals(Optional.of(42L), all.get(0).notes());
            assertEquals(List.of(0, 40), all.get(0).programs());
            assertEquals(Optional.of(1L), all.get(1).duplicateOf());
            long run = c.startRun("ingest scores");
            c.insertFile(file("song.mxl", "cc").setKind(MediaKind.SCORE).build(), run);
            assertEquals(MediaKind.SCORE, c.files().get(2).kind());
        }
        try (Catalog c = Catalog.open(db)) {
            assertEquals(3, c.files().size(), "opened again: nothing migrated twice");
        }
    }
}
