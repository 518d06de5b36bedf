package org.cadenza.corpus.names;

import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposerNamesTest {

    private final ComposerNames names = ComposerNames.builtIn();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Bach, J.S.|bach",
        "J. S. Bach|bach",
        "BACH|bach",
        "Johann Sebastian Bach|bach",
        "  johann_sebastian__bach  |bach",
        "Bach J.S.|bach",
        "bach|bach",
        "Dvořák|dvorak",
        "Antonín Dvořák|dvorak",
        "Dvořák, Antonín|dvorak",
        "C.P.E. Bach|cpe-bach",
        "Bach, C.P.E.|cpe-bach",
        "Bach, Carl Philipp Emanuel|cpe-bach",
        "CPE_Bach|cpe-bach",
        "J.C. Bach|bach-johann-christian",
        "Johann Strauss II|strauss-ii",
        "Strauss, Johann II|strauss-ii",
        "Johann Strauss Jr.|strauss-ii",
        "Johann Strauss I|strauss-i",
        "Richard Strauss|strauss-richard",
        "Leopold Mozart|l-mozart",
        "W. A. Mozart|mozart",
        "Mozart, Wolfgang Amadeus|mozart",
        "Ludwig van Beethoven|beethoven",
        "van Beethoven, Ludwig|beethoven",
        "Rachmaninov, Sergei|rachmaninoff",
        "Sergei Rachmaninoff|rachmaninoff",
        "Burgmüller|burgmueller",
        "Friedrich Burgmüller|burgmueller",
        "Camille Saint-Saëns|saint-saens",
        "Saint-Saëns|saint-saens",
        "Rimsky-Korsakov, Nikolai|rimsky-korsakov",
        "Tschaikowsky|tchaikovsky",
        "Frédéric Chopin|chopin",
        "Händel|handel",
        "Felix Mendelssohn Bartholdy|mendelssohn",
        "Johannes Brahms (1833-1897)|brahms",
        "Mélanie Bonis (1858 - 1937)|bonis",
        "Charlotte Alington Barnard [published as \"Claribel\"]|barnard",
        "Fanny (Mendelssohn) Hensel|hensel",
        "Felix Mendelssohn-Bartholdy (1809 - 1847)|mendelssohn",
        "Bach 1685-1750|bach",
        "Anonim|anonymous",
        "Liszt, Ferenc|liszt",
        "Górecki|gorecki",
        "Lutosławski|lutoslawski",
        "Schönberg|schoenberg",
        "Chopin, Fryderyk|chopin",
        "Fr. Chopin|chopin",
        "CHOPIN|chopin",
        "Schröter, Corona|schroeter",
        "Stefani, Józef|stefani-jozef",
        "Stefani, Jan|stefani-jan",
        "Lasso, Orlando di|lassus",
        "Clara Wieck|schumann-clara",
    })
    void normalises(String written, String id) {
        assertEquals(id, names.toId(written));
    }

    /**
     * The composer names the score corpora write in their files (MusicXML {@code <creator type="composer">}, kern
     * {@code !!!COM}, copied to their labels.csv as {@code composer_name} / {@code composer_source}) become the ids
     * the datasets use, so that labels read from the files agree with the folders. The five bare surnames that
     * polish-scores files under a "-nn" id (a second person of that surname) are the only exceptions.
     */
    @Test
    void theScoreCorporasWrittenNamesBecomeTheirIds() throws Exception {
        Path root = RealData.requireRoot("the score corpora's labels");
        List<String> wrong = new java.util.ArrayList<>();
        int checked = 0;
        for (String[] ds : new String[][] {{"openscore-lieder", "composer_name"}, {"polish-scores", "composer_source"}}) {
            try (var reader = Files.newBufferedReader(root.resolve(ds[0]).resolve("labels.csv"));
                 var csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                         .build().parse(reader)) {
                for (var row : csv) {
                    String id = row.get("composer");
                    checked++;
                    if (!id.endsWith("-nn") && !names.toId(row.get(ds[1])).equals(id)) {
                        wrong.add(ds[0] + ": " + row.get(ds[1]) + " -> " + names.toId(row.get(ds[1])) + ", not " + id);
                    }
                }
            }
        }
        assertEquals(1458 + 5650, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyDatasetComposerMapsToItself() {
        for (String id : List.of("albeniz", "bach", "balakirev", "beethoven", "borodin", "brahms", "burgmueller",
                "chopin", "clementi", "debussy", "glinka", "godowsky", "granados", "grieg", "haydn", "liszt",
                "mendelssohn", "moszkowski", "mozart", "mussorgsky", "prokofiev", "rachmaninoff", "ravel",
                "schubert", "schumann", "scriabin", "sinding", "tchaikovsky")) {
            assertEquals(id, names.toId(id), id);
            assertEquals(id, names.toId(id.toUpperCase(java.util.Locale.ROOT)), id);
        }
    }

    @Test
    void blankOrPunctuationOnlyNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> names.toId("  "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> names.toId("?!."));
        assertTrue(e.getMessage().contains("?!."), e.getMessage());
    }

    @Test
    void aliasFileOverridesAndExtendsTheBuiltInTable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("aliases.csv");
        Files.writeString(csv, "alias,id\n# my corpus calls J.S. Bach js-bach\nJ.S. Bach,js-bach\n"
                + "Hildegard von Bingen,hildegard\n");
        ComposerNames custom = ComposerNames.load(csv);
        assertEquals("js-bach", custom.toId("J. S. Bach"));
        assertEquals("js-bach", custom.toId("Bach, J.S."));
        assertEquals("hildegard", custom.toId("Hildegard von Bingen"));
        assertEquals("cpe-bach", custom.toId("C.P.E. Bach"), "built-in entries not overridden stay");
        assertEquals("bingen", names.toId("Hildegard von Bingen"), "the built-in table is unchanged");
    }

    @Test
    void writtenDefaultsReloadToTheBuiltInTable(@TempDir Path dir) {
        Path csv = dir.resolve("aliases.csv");
        ComposerNames.writeDefaults(csv);
        assertEquals(names.aliases(), ComposerNames.load(csv).aliases());
    }

    @Test
    void malformedAliasFileNamesTheLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("aliases.csv");
        Files.writeString(csv, "alias,id\nBach,bach\nSchoenberg,Schoen Berg\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ComposerNames.load(csv));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Files.writeString(csv, "name,composer\nBach,bach\n");
        e = assertThrows(BadInputException.class, () -> ComposerNames.load(csv));
        assertTrue(e.problem().contains("alias,id"), e.getMessage());
    }

    @Test
    void withAliasesRejectsBadIds() {
        assertThrows(IllegalArgumentException.class, () -> names.withAliases(Map.of("X", "Not An Id")));
    }
}
