package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    @TempDir
    Path dir;

    private final Spectrogram spec =
            new FeatureExtractor(FeatureParams.defaults()).compute(TestSignals.byName("two_tone"));

    @Test
    void roundTripsExactlyUnderTheDocumentedPath() throws IOException {
        FeatureCache cache = new FeatureCache(dir);
        assertFalse(cache.contains("abc123", spec.params()));
        assertEquals(Optional.empty(), cache.read("abc123", spec.params()));
        Path written = cache.write("abc123", spec);
        assertEquals(dir.resolve(FeatureCache.paramsFolder(spec.params())).resolve("abc123.bin"), written);
        assertEquals(12, FeatureCache.paramsFolder(spec.params()).length());
        assertTrue(cache.contains("abc123", spec.params()));
        assertEquals(spec, cache.read("abc123", spec.params()).orElseThrow());
        byte[] key = spec.params().key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(8 + 4 + 4 + key.length + 8 + 4L * spec.frames() * spec.bins() + 4, Files.size(written));
        try (var files = Files.list(written.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
        // other params live elsewhere
        FeatureParams mfcc = spec.params().withKind(FeatureKind.MFCC);
        assertFalse(cache.contains("abc123", mfcc));
    }

    @Test
    void refusesTruncatedCorruptAndForeignFiles() throws IOException {
        FeatureCache cache = new FeatureCache(dir);
        Path file = cache.write("h1", spec);

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) - 10);
        }
        var e = assertThrows(BadInputException.class, () -> cache.read("h1", spec.params()));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.problem().contains("truncated"), e.getMessage());

        cache.write("h1", spec);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        e = assertThrows(BadInputException.class, () -> cache.read("h1", spec.params()));
        assertTrue(e.problem().contains("CRC"), e.getMessage());

        // a file written with other params placed where these params are expected
        FeatureParams other = spec.params().toBuilder().optNoTopDb().build();
        Spectrogram otherSpec = new Spectrogram(spec.data(), other);
        Path otherFile = cache.write("h2", otherSpec);
        Files.copy(otherFile, cache.pathFor("h2", spec.params()));
        e = assertThrows(BadInputException.class, () -> cache.read("h2", spec.params()));
        assertTrue(e.problem().contains("different feature parameters"), e.getMessage());

        Files.write(cache.pathFor("h3", spec.params()), "hello, not a cache file at all".getBytes());
        e = assertThrows(BadInputException.class, () -> cache.read("h3", spec.params()));
        assertTrue(e.problem().contains("magic"), e.getMessage());
    }

    @Test
    void refusesContentHashesThatCouldEscapeTheFolder() {
        FeatureCache cache = new FeatureCache(dir);
        assertThrows(IllegalArgumentException.class, () -> cache.pathFor("../evil", spec.params()));
        assertThrows(IllegalArgumentException.class, () -> cache.pathFor("", spec.params()));
    }
}
