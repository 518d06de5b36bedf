package org.cadenza.corpus.dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.names.ComposerNames;
import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodsTest {

    @TempDir
    Path tmp;

    @Test
    void builtInTableUsesTheSevenPeriodsAndNormalisedIds() {
        Periods p = Periods.builtIn();
        assertEquals(new TreeSet<>(Periods.SEED_001_PERIODS), p.periods(), "every one of the seven, nothing else");
        ComposerNames names = ComposerNames.builtIn();
        for (String id : p.asMap().keySet()) {
            assertEquals(id, names.toId(id), "table ids must be ComposerNames ids");
        }
        assertTrue(p.asMap().size() > 100, "about 130 composers: " + p.asMap().size());
    }

    @Test
    void borderlineComposersFollowTheDocumentedRule() {
        Periods p = Periods.builtIn();
        assertEquals(Optional.of("baroque"), p.periodOf("bach"));
        assertEquals(Optional.of("classical"), p.periodOf("beethoven"));
        assertEquals(Optional.of("classical"), p.periodOf("cpe-bach"));
        assertEquals(Optional.of("romantic"), p.periodOf("schubert"));
        assertEquals(Optional.of("impressionist"), p.periodOf("debussy"));
        assertEquals(Optional.of("impressionist"), p.periodOf("ravel"));
        assertEquals(Optional.of("20th-century"), p.periodOf("rachmaninoff"));
        assertEquals(Optional.of("20th-century"), p.periodOf("prokofiev"));
        assertEquals(Optional.of("21st-century"), p.periodOf("kats-chernin"));
        assertEquals(Optional.of("renaissance"), p.periodOf("palestrina"));
        assertEquals(Optional.empty(), p.periodOf("strauss"), "ambiguous id: unknown");
        assertEquals(Optional.empty(), p.periodOf("anonymous"));
        assertEquals(Optional.empty(), p.periodOf("nobody"));
    }

    @Test
    void userCsvOverridesExtendsAndRemoves() throws Exception {
        Path csv = tmp.resolve("periods.csv");
        Files.writeString(csv, "\uFEFFComposer,Period,comment\n"
                + "# comments are skipped\n"
                + "\"van Beethoven, Ludwig\",romantic,\n"
                + "Rachmaninov,Romantic,a spelling variant\n"
                + "Jane Doe,21st-century,\n"
                + "Debussy,,removed\n", StandardCharsets.UTF_8);
        Periods p = Periods.load(csv);
        assertEquals(Optional.of("romantic"), p.periodOf("beethoven"));
        assertEquals(Optional.of("romantic"), p.periodOf("rachmaninoff"));
        assertEquals(Optional.of("21st-century"), p.periodOf("doe"));
        assertEquals(Optional.empty(), p.periodOf("debussy"));
        assertEquals(Optional.of("baroque"), p.periodOf("bach"), "the rest of the built-in table stays");
        assertTrue(!p.key().equals(Periods.builtIn().key()));
    }

    @Test
    void badUserCsvNamesFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "composer,period\nbach,baroque\nchopin,Romantic Era!\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Periods.load(bad));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3"), e.getMessage());
        Path twice = tmp.resolve("twice.csv");
        Files.writeString(twice, "composer,period\nBach,baroque\nJ. S. Bach,classical\n");
        e = assertThrows(BadInputException.class, () -> Periods.load(twice));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        Path noColumn = tmp.resolve("nocol.csv");
        Files.writeString(noColumn, "name,era\nbach,baroque\n");
        e = assertThrows(BadInputException.class, () -> Periods.load(noColumn));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    /** Every composer of the bundled datasets (labels.csv, normalised like ingest does) has a period. */
    @Test
    void coversEveryComposerOfTheBundledDatasets() throws Exception {
        ComposerNames names = ComposerNames.builtIn();
        Set<String> ids = new TreeSet<>();
        int datasets = 0;
        for (String d : List.of("asap", "piano-midi-de", "midi-classics")) {
            Path labels = RealData.require("the periods of the bundled datasets' composers", d, "labels.csv");
            datasets++;
            try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                for (CSVRecord rec : p) {
                    ids.add(names.toId(rec.get("composer")));
                }
            }
        }
        assertEquals(3, datasets);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (Periods.builtIn().periodOf(id).isEmpty()) {
                missing.add(id);
            }
        }
        assertTrue(ids.size() >= 28, "the three datasets hold 28 composers, read " + ids);
        assertEquals(List.of(), missing, "composers without a period");
    }

    @ParameterizedTest(name = "{0}-{1} -> {2}")
    @CsvSource({"1685, 1750, baroque", "1756, 1791, classical", "1819, 1872, romantic", "1525, 1594, renaissance",
            "1797, 1828, romantic", "1560, 1600, baroque", "1710, 1750, classical", "1862, 1918, 20th-century",
            "1970, 2024, 21st-century"})
    void periodFromLifeYearsIsTheYearTheComposerTurnedFortyOrDied(int born, int died, String period) {
        assertEquals(period, Periods.ofLifeYears(born, died));
    }

    @Test
    void deathBeforeBirthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Periods.ofLifeYears(1800, 1700));
    }
}
