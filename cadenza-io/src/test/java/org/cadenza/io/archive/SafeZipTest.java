package org.cadenza.io.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {

    private static final Predicate<String> MIDI = n -> n.toLowerCase().endsWith(".mid");

    @TempDir
    Path tmp;

    private Path zip(String name, Map<String, byte[]> members) throws IOException {
        Path z = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                if (m.getValue() != null) {
                    out.write(m.getValue());
                }
                out.closeEntry();
            }
        }
        return z;
    }

    /** A zip of text members: a name, its text, the next name, its text... */
    private Path zip(String name, String... namesAndTexts) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            m.put(namesAndTexts[i], bytes(namesAndTexts[i + 1]));
        }
        return zip(name, m);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** Asserts the type, that file() is zip!member, and the key words. */
    private static void expect(Class<? extends BadInputException> type, String where, Runnable call,
                               String... keyWords) {
        BadInputException e = assertThrows(BadInputException.class, call::run);
        assertEquals(type, e.getClass(), () -> "got " + e);
        assertEquals(where, e.file().toString());
        assertTrue(e.getMessage().startsWith(where + ": "), e.getMessage());
        for (String k : keyWords) {
            assertTrue(e.getMessage().contains(k), () -> "'" + k + "' missing from: " + e.getMessage());
        }
    }

    /**
     * Extracting {@code z} into {@code tmp/out} under {@code limits} is refused ({@link #expect}, naming {@code member})
     * and leaves nothing there: all or nothing, a partial output is deleted.
     */
    private void expectUndone(Class<? extends BadInputException> type, Path z, String member, SafeZip.Limits limits,
                              String... keyWords) throws IOException {
        Path dest = tmp.resolve("out");
        expect(type, z + "!" + member, () -> SafeZip.extract(z, dest, limits, MIDI), keyWords);
        assertEquals(0, filesUnder(dest), "all or nothing: the partial output is deleted");
    }

    @Test
    void extractsOnlyWantedMembersKeepingTheirFolders() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("bach/", null);
        m.put("bach/fugue.MID", bytes("MThd fugue"));
        m.put("readme.txt", bytes("not wanted"));
        m.put("./chopin\\nocturne.mid", bytes("MThd nocturne"));
        m.put("top.mid", new byte[0]);
        Path z = zip("ok.zip", m);
        Path dest = tmp.resolve("out");
        List<SafeZip.Member> got = SafeZip.extract(z, dest, SafeZip.Limits.DEFAULTS, MIDI);
        assertEquals(3, got.size());
        Path real = dest.toRealPath();
        assertEquals(new SafeZip.Member("bach/fugue.MID", real.resolve("bach/fugue.MID"), 10), got.get(0));
        assertEquals(new SafeZip.Member("./chopin\\nocturne.mid", real.resolve("chopin/nocturne.mid"), 13), got.get(1));
        assertEquals(0, got.get(2).bytes());
        assertArrayEquals(bytes("MThd nocturne"), Files.readAllBytes(real.resolve("chopin/nocturne.mid")));
        assertFalse(Files.exists(dest.resolve("readme.txt")));
        assertEquals(3, filesUnder(dest), "no temporary files left");
        // a second run replaces the files
        assertEquals(3, SafeZip.extract(z, dest, SafeZip.Limits.DEFAULTS, MIDI).size());
        assertEquals(3, filesUnder(dest));
    }

    @Test
    void rejectsParentTraversalAndUndoesTheExtraction() throws Exception {
        Path z = zip("evil.zip", "good.mid", "fine", "../evil.mid", "escaped");
        expectUndone(BadInputException.class, z, "../evil.mid", SafeZip.Limits.DEFAULTS, "unsafe member name",
                "'..'");
        assertFalse(Files.exists(tmp.resolve("evil.mid")));
    }

    @Test
    void rejectsBackslashTraversal() throws Exception {
        Path z = zip("evil2.zip", Map.of("a\\..\\..\\evil.mid", bytes("x")));
        expect(BadInputException.class, z + "!a\\..\\..\\evil.mid",
                () -> SafeZip.extract(z, tmp.resolve("out"), SafeZip.Limits.DEFAULTS, MIDI), "'..'");
    }

    @Test
    void rejectsAbsoluteNamesAndDriveLetters() throws Exception {
        Path abs = zip("abs.zip", Map.of("/tmp/abs.mid", bytes("x")));
        expect(BadInputException.class, abs + "!/tmp/abs.mid",
                () -> SafeZip.extract(abs, tmp.resolve("o1"), SafeZip.Limits.DEFAULTS, MIDI), "absolute path");
        Path drive = zip("drive.zip", Map.of("C:/windows/x.mid", bytes("x")));
        expect(BadInputException.class, drive + "!C:/windows/x.mid",
                () -> SafeZip.extract(drive, tmp.resolve("o2"), SafeZip.Limits.DEFAULTS, MIDI), "drive letter");
        Path unc = zip("unc.zip", Map.of("\\\\server\\share\\x.mid", bytes("x")));
        expect(BadInputException.class, unc + "!\\\\server\\share\\x.mid",
                () -> SafeZip.extract(unc, tmp.resolve("o3"), SafeZip.Limits.DEFAULTS, MIDI), "absolute path");
    }

    @Test
    void neverWritesThroughASymbolicLinkLeadingOutside() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path dest = Files.createDirectory(tmp.resolve("out"));
        Files.createSymbolicLink(dest.resolve("link"), outside);
        Path z = zip("link.zip", Map.of("link/x.mid", bytes("x")));
        expect(BadInputException.class, z + "!link/x.mid",
                () -> SafeZip.extract(z, dest, SafeZip.Limits.DEFAULTS, MIDI), "symbolic link");
        assertEquals(0, filesUnder(outside));
    }

    @Test
    void stopsAZipBombByRatioMidStream() throws Exception {
        Path z = zip("bomb.zip", Map.of("bomb.mid", new byte[8 << 20])); // 8 MiB of zeros, about 8 KB compressed
        assertTrue(Files.size(z) < 64 * 1024);
        expectUndone(ResourceLimitException.class, z, "bomb.mid", SafeZip.Limits.DEFAULTS,
                "compression ratio over 200");
    }

    @Test
    void stopsAMemberOverTheSizeLimitMidStream() throws Exception {
        Path z = zip("big.zip", Map.of("big.mid", new byte[4 << 20]));
        SafeZip.Limits small = new SafeZip.Limits(10, 1 << 20, 1L << 30, 1e9);
        expectUndone(ResourceLimitException.class, z, "big.mid", small, "member too large", "1,048,576");
    }

    @Test
    void stopsWhenTheTotalIsOverTheLimit() throws Exception {
        byte[] noise = new byte[600_000];
        new Random(3).nextBytes(noise);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("a.mid", noise);
        m.put("b.mid", noise);
        Path z = zip("total.zip", m);
        SafeZip.Limits small = new SafeZip.Limits(10, 1 << 20, 1_000_000, 200);
        expectUndone(ResourceLimitException.class, z, "b.mid", small, "archive too large", "1,000,000");
    }

    @Test
    void tooManyEntries() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            m.put("piece" + i + ".mid", bytes("x" + i));
        }
        Path z = zip("many.zip", m);
        SafeZip.Limits ten = new SafeZip.Limits(10, 1 << 20, 1 << 20, 200);
        expect(ResourceLimitException.class, z.toString(), () -> SafeZip.extract(z, tmp.resolve("out"), ten, MIDI),
                "too many entries", "20", "10");
    }

    @Test
    void notAZip() throws Exception {
        Path text = Files.writeString(tmp.resolve("fake.zip"), "just text, no archive here\n");
        expect(BadInputException.class, text.toString(),
                () -> SafeZip.extract(text, tmp.resolve("out"), SafeZip.Limits.DEFAULTS, MIDI), "not a zip archive");
        Path empty = Files.createFile(tmp.resolve("empty.zip"));
        expect(BadInputException.class, empty.toString(),
                () -> SafeZip.extract(empty, tmp.resolve("out"), SafeZip.Limits.DEFAULTS, MIDI), "empty file");
        Path missing = tmp.resolve("missing.zip");
        expect(BadInputException.class, missing.toString(),
                () -> SafeZip.extract(missing, tmp.resolve("out"), SafeZip.Limits.DEFAULTS, MIDI), "file not found");
    }

    @Test
    void corruptMemberFailsItsCrc() throws Exception {
        byte[] data = bytes("MThd and some notes, stored without compression");
        Path z = tmp.resolve("crc.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            ZipEntry e = new ZipEntry("stored.mid");
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            out.putNextEntry(e);
            out.write(data);
            out.closeEntry();
        }
        byte[] raw = Files.readAllBytes(z);
        int at = indexOf(raw, bytes("some notes"));
        raw[at] ^= 0x20;
        try (OutputStream o = Files.newOutputStream(z)) {
            o.write(raw);
        }
        expectUndone(BadInputException.class, z, "stored.mid", SafeZip.Limits.DEFAULTS, "corrupt member", "CRC-32");
    }

    @Test
    void duplicateNamesAfterNormalisation() throws Exception {
        Path z = zip("dup.zip", "a.mid", "one", "./a.mid", "two");
        expect(BadInputException.class, z + "!./a.mid",
                () -> SafeZip.extract(z, tmp.resolve("out"), SafeZip.Limits.DEFAULTS, MIDI), "duplicate");
    }

    @Test
    void limitsValidateTheirArguments() {
        assertEquals(new SafeZip.Limits(10_000, 256L << 20, 2L << 30, 200), SafeZip.Limits.DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> new SafeZip.Limits(0, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SafeZip.Limits(1, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SafeZip.Limits(1, 1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new SafeZip.Limits(1, 1, 1, 1));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
