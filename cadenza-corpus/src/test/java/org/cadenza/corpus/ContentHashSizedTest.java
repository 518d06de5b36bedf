package org.cadenza.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashSizedTest {

    @Test
    void hashAndSizeOfAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("abc.txt");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);

        ContentHash.Sized s = ContentHash.sized(f);

        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", s.sha256());
        assertEquals(3, s.bytes());
        assertEquals(ContentHash.of(f), s.sha256());
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> ContentHash.sized(dir.resolve("missing")));
    }
}
