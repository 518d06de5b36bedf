package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kill -9} in the middle of an ingest: the catalog stays intact, finished files are kept, a rerun resumes. */
class KillDuringIngestTest {

    static final int FILES = 20;

    @Test
    void killedIngestLosesNothingFinishedAndResumes(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("music");
        for (int i = 0; i < FILES; i++) {
            TestMedia.midi(root.resolve((i % 2 == 0 ? "Bach" : "Haydn") + "/f" + i + ".mid"), 0, 50 + i, 60 + i);
        }
        Path wsDir = tmp.resolve("ws");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SlowIngestMain.class.getName(), wsDir.toString(), root.toString(), "150"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        long rowsAtKill;
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            rowsAtKill = 0;
            while (rowsAtKill < 5 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
                rowsAtKill = countRows(wsDir.resolve("catalog.sqlite"));
            }
            assertTrue(child.isAlive(), "the child ended before it could be killed: "
                    + Files.readString(tmp.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix
            child.waitFor();
        }
        assertTrue(rowsAtKill >= 5, "the child catalogued files: " + Files.readString(tmp.resolve("child.log")));

        try (Workspace ws = Workspace.open(wsDir)) {
            assertEquals("ok", ws.catalog().query("PRAGMA integrity_check").get(0).values().iterator().next());
            int kept = ws.catalog().files().size();
            assertTrue(kept >= rowsAtKill && kept < FILES, kept + " rows after the kill");
            assertTrue(ws.catalog().runs().get(0).finished().isEmpty(), "the killed run never finished");
            IngestReport resumed = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(kept, resumed.alreadyCatalogued(), resumed.toText());
            assertEquals(FILES - kept, resumed.ingested(), resumed.toText());
            assertEquals(FILES, ws.catalog().files(FileStatus.INGESTED).size());
        }
    }

    private static long countRows(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 1000");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM files")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            return 0; // schema not created yet, or locked for a moment
        }
    }
}
