package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {

    @TempDir
    Path dir;

    @Test
    void removesALeftoverTemporaryFile() throws IOException {
        Path tmp = Files.writeString(dir.resolve(".out.wav.part"), "half written");
        TempFiles.deleteQuietly(tmp);
        assertFalse(Files.exists(tmp));
    }

    @Test
    void aMissingFileOrNoneAtAllIsNotAnError() {
        assertDoesNotThrow(() -> TempFiles.deleteQuietly(dir.resolve("never-written.tmp")));
        assertDoesNotThrow(() -> TempFiles.deleteQuietly(null));
    }

    @Test
    void aFileThatCannotBeRemovedIsLeftWithoutAnError() throws IOException {
        // a non-empty folder cannot be deleted: the IOException is swallowed, the original error matters more
        Path folder = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(folder.resolve("inside"), "x");
        assertDoesNotThrow(() -> TempFiles.deleteQuietly(folder));
        assertTrue(Files.exists(folder));
    }
}
