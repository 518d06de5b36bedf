package org.cadenza.io.score.musicxml;

import static org.cadenza.io.score.musicxml.MusicXmlText.divisions;
import static org.cadenza.io.score.musicxml.MusicXmlText.measure;
import static org.cadenza.io.score.musicxml.MusicXmlText.note;
import static org.cadenza.io.score.musicxml.MusicXmlText.onePart;
import static org.cadenza.io.score.musicxml.MusicXmlText.sound;
import static org.cadenza.io.score.musicxml.MusicXmlText.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.score.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a user's MusicXML file can be unusable or unsafe, and what the user is told. */
class MusicXmlBadInputTest {

    @TempDir
    Path dir;

    private static <T extends BadInputException> T expect(Class<T> type, Path file, MidiLimits limits, int maxNotes,
                                                          String... keyWords) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> MusicXmlReader.read(file, limits, maxNotes));
        assertEquals(type, e.getClass(), () -> "got " + e);
        // the file, or for a member of an .mxl archive.mxl!member
        assertTrue(e.file().equals(file) || e.file().toString().startsWith(file + "!"), () -> "file " + e.file());
        for (String k : keyWords) {
            assertTrue(e.getMessage().contains(k), () -> "'" + k + "' missing from: " + e.getMessage());
        }
        return type.cast(e);
    }

    private static <T extends BadInputException> T expect(Class<T> type, Path file, String... keyWords) {
        return expect(type, file, MidiLimits.DEFAULTS, MusicXmlReader.MAX_NOTES, keyWords);
    }

    private static String oneNote() {
        return onePart(measure("1", divisions(1), note("C4", 4)));
    }

    @Test
    void missingAndEmptyFiles() throws Exception {
        expect(BadInputException.class, dir.resolve("nowhere.musicxml"), "file not found");
        expect(BadInputException.class, write(dir, "empty.musicxml", ""), "empty file");
    }

    @Test
    void notXml() throws Exception {
        Path f = write(dir, "text.musicxml", "just some words\nnot < xml at all");
        BadInputException e = expect(BadInputException.class, f, "malformed XML at line 1");
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void xmlButNotMusicXml() throws Exception {
        expect(BadInputException.class, write(dir, "page.xml", "<html><body>hi</body></html>"),
                "not MusicXML: root element is <html>");
    }

    @Test
    void truncatedMusicXmlSaysWhere() throws Exception {
        String xml = oneNote();
        expect(BadInputException.class, write(dir, "cut.musicxml", xml.substring(0, xml.length() / 2)),
                "malformed XML at line");
    }

    /** Musical errors, each named with its part and measure: {name, measures..., expected message}. */
    static Stream<Arguments> musicalErrors() {
        return Stream.of(
                Arguments.of("divisions 0", List.of(measure("1", divisions(1), note("C4", 4)),
                        measure("12", divisions(0), note("C4", 4))), "part P1, measure 12: <divisions> is 0"),
                Arguments.of("no duration", List.of(measure("3", divisions(1),
                        "<note><pitch><step>C</step><octave>4</octave></pitch></note>")),
                        "part P1, measure 3: <note> without a <duration>"),
                Arguments.of("tempo 5000", List.of(measure("1", divisions(1), sound("tempo=\"5000\""),
                        note("C4", 4))), "part P1, measure 1: tempo 5000 BPM (quarter notes per minute) outside"
                        + " the accepted 4-1200 BPM"),
                Arguments.of("rests only", List.of(measure("1", divisions(1),
                        "<note><rest/><duration>4</duration></note>")), "no notes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("musicalErrors")
    void musicalErrorsSayWhere(String name, List<String> measures, String message) throws Exception {
        Path f = write(dir, name.replace(' ', '_') + ".musicxml", onePart(measures.toArray(String[]::new)));
        expect(BadInputException.class, f, message);
    }

    @Test
    void theUsualW3cDoctypeIsReadWithoutFetchingIt() throws Exception {
        // MusicXmlText.partwise writes the DOCTYPE naming http://www.musicxml.org/dtds/partwise.dtd
        Score s = MusicXmlReader.read(write(dir, "ok.musicxml", oneNote()));
        assertEquals(1, s.notes().notes().size());
    }

    @Test
    void externalEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + oneNote().substring(oneNote().indexOf("<score-partwise"))
                .replace("<part-name>Piano</part-name>", "<part-name>&xxe;</part-name>");
        BadInputException e = expect(BadInputException.class, write(dir, "xxe.musicxml", xml),
                "malformed XML at line", "xxe", "no DTD");
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        // and /etc/passwd, the classic
        String passwd = xml.replace(secret.toUri().toString(), "file:///etc/passwd");
        BadInputException p = expect(BadInputException.class, write(dir, "passwd.musicxml", passwd), "xxe");
        assertFalse(p.getMessage().contains("root:"), p.getMessage());
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE score-partwise [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + oneNote().substring(oneNote().indexOf("<score-partwise"))
                .replace("<part-name>Piano</part-name>", "<part-name>&lol9;</part-name>");
        long t0 = System.nanoTime();
        expect(BadInputException.class, write(dir, "lol.musicxml", xml), "malformed XML", "lol9");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused quickly");
    }

    @Test
    void zipBombMxlIsStoppedByTheArchiveLimits() throws Exception {
        // 50 MiB of spaces inside a valid score: compresses ~1000:1, over the ratio limit of 200
        Path bomb = dir.resolve("bomb.mxl");
        byte[] head = oneNote().replace("<part-list>", "<part-list>\n").getBytes(StandardCharsets.UTF_8);
        int split = new String(head, StandardCharsets.UTF_8).indexOf("<part-list>");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("score.xml"));
            z.write(head, 0, split);
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                z.write(spaces);
            }
            z.write(head, split, head.length - split);
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 1_000_000, "the bomb is small on disk");
        ResourceLimitException e = expect(ResourceLimitException.class, bomb);
        assertTrue(e.getMessage().contains("compression ratio"), e.getMessage());
        // an inflated score over the byte limit is refused too, whatever its ratio
        Path big = MusicXmlText.zip(dir, "big.mxl", Map.of("score.xml", oneNote()));
        ResourceLimitException b = expect(ResourceLimitException.class, big,
                MidiLimits.DEFAULTS.withMaxBytes(Files.size(big) + 10), MusicXmlReader.MAX_NOTES);
        assertTrue(b.getMessage().contains("too large"), b.getMessage());
    }

    @Test
    void mxlWhoseContainerNamesAMissingScore() throws Exception {
        Path f = MusicXmlText.zip(dir, "lost.mxl", Map.of("META-INF/container.xml",
                MusicXmlText.container("gone.musicxml")));
        expect(BadInputException.class, f, "gone.musicxml", "not in the archive");
    }

    @Test
    void fileOverTheByteLimit() throws Exception {
        Path f = write(dir, "one.musicxml", oneNote());
        expect(ResourceLimitException.class, f, MidiLimits.DEFAULTS.withMaxBytes(100), MusicXmlReader.MAX_NOTES,
                "file is too large");
    }

    @Test
    void longerThanMaxSeconds() throws Exception {
        // a whole note at 4 BPM lasts 60 s
        Path f = write(dir, "slow.musicxml", onePart(measure("1", divisions(1), sound("tempo=\"4\""),
                note("C4", 4))));
        expect(ResourceLimitException.class, f, MidiLimits.DEFAULTS.withMaxSeconds(59), MusicXmlReader.MAX_NOTES,
                "too long: 0:01:00");
        assertEquals(60.0, MusicXmlReader.read(f, MidiLimits.DEFAULTS.withMaxSeconds(60)).notes()
                .durationSeconds(), 1e-9);
    }

    @Test
    void moreNotesThanTheBound() throws Exception {
        Path f = write(dir, "many.musicxml", onePart(measure("1", divisions(1), note("C4", 1), note("D4", 1),
                note("E4", 1), note("F4", 1))));
        expect(ResourceLimitException.class, f, MidiLimits.DEFAULTS, 3, "too many notes: more than 3");
        assertEquals(4, MusicXmlReader.read(f, MidiLimits.DEFAULTS, 4).notes().notes().size());
    }
}
