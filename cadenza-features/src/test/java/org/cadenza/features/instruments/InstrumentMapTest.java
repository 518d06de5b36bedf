package org.cadenza.features.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentMapTest {

    private final InstrumentMap map = InstrumentMap.builtIn();

    @TempDir
    Path dir;

    @Test
    void builtInCoversTheFamiliesTheIssueNames() {
        for (String f : List.of("piano", "organ", "harpsichord", "violin", "viola", "cello", "double-bass", "flute",
                "oboe", "clarinet", "bassoon", "horn", "trumpet", "trombone", "tuba", "saxophone", "guitar", "harp",
                "voice", "percussion", "strings", "mallets", "timpani", "synth", "other")) {
            assertTrue(map.families().contains(f), f + " in " + map.families());
        }
        assertSame(map, InstrumentMap.builtIn());
    }

    @ParameterizedTest(name = "program {0} -> {1}")
    @CsvSource({"0, piano", "4, piano", "6, harpsichord", "7, harpsichord", "8, mallets", "19, organ",
            "24, guitar", "32, double-bass", "40, violin", "41, viola", "42, cello", "43, double-bass",
            "44, strings", "45, strings", "46, harp", "47, timpani", "48, strings", "49, strings", "50, strings",
            "52, voice", "53, voice", "56, trumpet", "57, trombone", "58, tuba", "59, trumpet", "60, horn",
            "61, brass", "65, saxophone", "68, oboe", "69, oboe", "70, bassoon", "71, clarinet", "72, flute",
            "73, flute", "74, recorder", "81, synth", "110, violin", "116, percussion", "127, other"})
    void programsMapToTheirFamilies(int program, String family) {
        assertEquals(family, map.familyOf(program, 0));
        assertEquals(family, map.familyOf(program, 15));
        assertEquals(family, map.familyOfProgram(program));
    }

    @Test
    void channelTenIsPercussionWhateverTheProgram() {
        for (int p = 0; p < 128; p++) {
            assertEquals("percussion", map.familyOf(p, InstrumentMap.PERCUSSION_CHANNEL), "program " + p);
        }
        assertEquals("piano", map.familyOf(0, 8));
        assertEquals("piano", map.familyOf(0, 10));
    }

    @Test
    void outOfRangeArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> map.familyOf(128, 0));
        assertThrows(IllegalArgumentException.class, () -> map.familyOf(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> map.familyOf(0, 16));
        assertThrows(IllegalArgumentException.class, () -> map.with(0, "Grand Piano"));
    }

    @Test
    void gmNamesComeFromTheResource() {
        assertEquals("Acoustic Grand Piano", map.gmName(0));
        assertEquals("String Ensemble 1", map.gmName(48));
        assertEquals("Gunshot", map.gmName(127));
    }

    @Test
    void keyIsCanonicalRunLengthText() {
        String key = map.key();
        assertTrue(key.startsWith("instruments-v1;channel9=percussion;0-5=piano;6-7=harpsichord;8-15=mallets;"),
                key);
        assertTrue(key.contains(";40=violin;41=viola;42=cello;43=double-bass;44-45=strings;46=harp;47=timpani;"
                + "48-51=strings;52-54=voice;"), key);
        assertTrue(key.endsWith(";120-127=other"), key);
        assertEquals(key, InstrumentMap.builtIn().with(40, "violin").key());
        assertNotEquals(key, map.with(48, "string-ensemble").key());
    }

    @Test
    void userCsvOverridesRowsOfTheBuiltInTable() throws IOException {
        Path csv = write("program,family\n# ensembles as their own class\n48, string-ensemble\n49,string-ensemble\n"
                + "\n69,english-horn\n");
        InstrumentMap m = InstrumentMap.load(csv);
        assertEquals("string-ensemble", m.familyOf(48, 0));
        assertEquals("string-ensemble", m.familyOf(49, 3));
        assertEquals("english-horn", m.familyOf(69, 0));
        assertEquals("strings", m.familyOf(50, 0), "rows it does not list keep the built-in family");
        assertEquals("violin", m.familyOf(40, 0));
        assertEquals("percussion", m.familyOf(48, 9));
        assertTrue(m.families().containsAll(List.of("string-ensemble", "english-horn", "strings")));
        assertTrue(m.key().contains(";48-49=string-ensemble;50-51=strings;"), m.key());
        assertEquals(m, InstrumentMap.builtIn().with(48, "string-ensemble").with(49, "string-ensemble")
                .with(69, "english-horn"));
    }

    @Test
    void aCopyOfTheBuiltInCsvLoadsToTheBuiltInTable() throws IOException {
        try (var in = InstrumentMap.class.getResourceAsStream(InstrumentMap.RESOURCE)) {
            Path csv = dir.resolve("copy.csv");
            Files.write(csv, in.readAllBytes());
            assertEquals(map.key(), InstrumentMap.load(csv).key());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "program,family\\n128,violin | line 2: program 128 is outside 0-127",
            "program,family\\n-1,violin | line 2: program -1 is outside 0-127",
            "program,family\\nforty,violin | line 2: program \"forty\" is not an integer",
            "program,family\\n40,\\n | line 2: empty family for program 40",
            "program,family\\n40, | line 2: empty family for program 40",
            "program,family\\n40,violin\\n\\n40,fiddle | line 4: program 40 is listed twice (first on line 2)",
            "program,family\\n40,Violin | line 2: family \"Violin\" for program 40 must be lower case",
            "program,family\\n40 | line 2: expected program,family",
            "program,family\\n40,\"violin | line 2: not a CSV row",
            "family,program\\nviolin,40 | line 1: the header must start with program,family",
            "# nothing | empty instrument mapping"})
    void badOverrideFilesAreRefusedWithFileLineAndProblem(String content, String expected) throws IOException {
        Path csv = write(content.replace("\\n", "\n"));
        BadInputException e = assertThrows(BadInputException.class, () -> InstrumentMap.load(csv));
        assertEquals(csv, e.file());
        assertTrue(e.getMessage().startsWith(csv + ": "), e.getMessage());
        assertTrue(e.problem().startsWith(expected.strip()), e.problem());
    }

    @Test
    void missingOverrideFileIsBadInput() {
        Path csv = dir.resolve("absent.csv");
        BadInputException e = assertThrows(BadInputException.class, () -> InstrumentMap.load(csv));
        assertEquals(csv, e.file());
        assertTrue(e.problem().contains("no such"), e.problem());
    }

    /** docs/INSTRUMENTS.md has a row for each of the 128 programs, equal to the resource. */
    @Test
    void theDocumentedTableMatchesTheResource() throws IOException {
        Path doc = Path.of("..", "docs", "INSTRUMENTS.md");
        assertTrue(Files.isRegularFile(doc), "run from cadenza-features/: " + doc.toAbsolutePath() + " is missing");
        Pattern row = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*`?([a-z0-9-]+)`?\\s*\\|");
        Map<Integer, String[]> rows = new TreeMap<>();
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                int p = Integer.parseInt(m.group(1));
                String[] previous = rows.put(p, new String[] {m.group(2), m.group(3)});
                assertEquals(null, previous, "program " + p + " documented twice");
            }
        }
        assertEquals(128, rows.size(), "documented programs: " + rows.keySet());
        for (int p = 0; p < 128; p++) {
            assertEquals(map.gmName(p), rows.get(p)[0], "GM name of program " + p + " in " + doc);
            assertEquals(map.familyOfProgram(p), rows.get(p)[1], "family of program " + p + " in " + doc);
        }
    }

    private Path write(String content) throws IOException {
        Path csv = Files.createTempFile(dir, "override", ".csv");
        Files.writeString(csv, content, StandardCharsets.UTF_8);
        return csv;
    }
}
