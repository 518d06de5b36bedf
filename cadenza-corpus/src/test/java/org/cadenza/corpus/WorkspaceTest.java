package org.cadenza.corpus;

import org.cadenza.corpus.names.ComposerNames;
import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {

    @Test
    void createsTheLayoutAndReopens(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ws");
        try (Workspace ws = Workspace.open(dir)) {
            assertTrue(Files.isRegularFile(dir.resolve("catalog.sqlite")));
            assertTrue(Files.isDirectory(dir.resolve("sources")));
            assertTrue(Files.isDirectory(dir.resolve("audio")));
            assertTrue(Files.isDirectory(dir.resolve("features")));
            assertEquals(ComposerNames.builtIn().aliases(), ComposerNames.load(dir.resolve("aliases.csv")).aliases());
            Path audio = ws.audioDir("some render key");
            assertEquals(dir.resolve("audio"), audio.getParent());
            assertEquals("some render key", Files.readString(audio.resolve("settings.txt")).trim());
            assertEquals("audio/x.flac", ws.relativize(dir.resolve("audio/x.flac")));
            assertEquals(dir.resolve("audio/x.flac"), ws.resolve("audio/x.flac"));
            assertTrue(ws.status().composers().isEmpty());
            assertTrue(ws.status().toText().contains("quarantine: empty"));
        }
        Files.writeString(dir.resolve("aliases.csv"), "alias,id\nBach,jsb\n");
        try (Workspace ws = Workspace.open(dir)) {
            assertEquals("jsb", ws.names().toId("BACH"), "an edited alias table is kept and used");
        }
    }

    @Test
    void refusesAFile(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("ws"), "x");
        assertThrows(CadenzaException.class, () -> Workspace.open(file));
    }
}
