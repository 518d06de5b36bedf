package org.cadenza.corpus.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.labels.LabelsCsv;
import org.cadenza.io.BadInputException;
import org.cadenza.io.score.TestScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score corpora fetched from archives laid out like their repositories ({@code --from FILE.zip}): labels from
 * each score's own composer record, piece and work ids from the paths, the anonymous, unreadable and known-wrong
 * files left out and listed.
 */
class DatasetFetcherScoresTest {

    @TempDir
    Path tmp;

    private final DatasetFetcher fetcher = new DatasetFetcher(HttpClient.newHttpClient(), Optional.empty(),
            d -> URI.create("http://127.0.0.1:9/never"));

    /** A zip of {@code files} (member name to bytes), in order. */
    private Path zip(String name, Map<String, byte[]> files) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    /** A compressed MusicXML file ({@code .mxl}) holding {@code xml}. */
    private static byte[] mxl(String xml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("META-INF/container.xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><container><rootfiles>"
                    + "<rootfile full-path=\"score.xml\" media-type=\"application/vnd.recordare.musicxml+xml\"/>"
                    + "</rootfiles></container>").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("score.xml"));
            z.write(xml.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private String musicXml(String composer) throws IOException {
        return Files.readString(TestScores.musicXml(Files.createTempFile(tmp, "score", ".musicxml"), composer));
    }

    private String kern(String composer, String dates) throws IOException {
        String text = Files.readString(TestScores.kern(Files.createTempFile(tmp, "score", ".krn"), composer));
        return dates == null ? text : "!!!CDT: " + dates + "\n" + text;
    }

    private static Map<String, CSVRecord> csv(Path file, String key) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords()
                    .stream().collect(Collectors.toMap(rec -> rec.get(key), Function.identity()));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path liederZip() throws IOException {
        String top = "Lieder-" + PublicDataset.OPENSCORE_LIEDER.commit() + "/";
        String noCreator = musicXml("X").replaceAll("<identification>.*</identification>", "");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(top + "README.md", utf8("# Lieder"));
        files.put(top + "scores/Schubert,_Franz/Die_schöne_Müllerin,_D.795/8_Morgengruß/lc5025982.mxl",
                mxl(musicXml("Franz Schubert (1797-1828)")));
        files.put(top + "scores/Schubert,_Franz/Die_schöne_Müllerin,_D.795/8_Morgengruß/lc5025982.mscx",
                utf8("<museScore/>"));
        // a collection filed under its editor: the score names the composer
        files.put(top + "scores/Boulton,_Harold/12_New_Songs/1_Constancy/lc6.mxl", mxl(musicXml("Joseph Barnby")));
        // no <creator type="composer">: the folder names the composer
        files.put(top + "scores/Abbott,_Jane_Bingham/_/Just_for_Today/lc6583477.musicxml", utf8(noCreator));
        files.put(top + "scores/Obradors,_Fernando/Canciones_Clásicas_Españolas,_Vol.1/1_La_mi_sola,_Laureola/"
                + "lc30888626.mxl", mxl(musicXml("Alexander von Zemlinsky")));
        return zip("Lieder-main.zip", files);
    }

    @Test
    void openScoreLiederIsLabelledByEachScoresComposer() throws IOException {
        DatasetFetcher.Result r = fetcher.fetch(PublicDataset.OPENSCORE_LIEDER, tmp.resolve("data"),
                Optional.of(liederZip()), ProgressListener.NONE);
        assertEquals(DatasetFetcher.Source.FROM_ARCHIVE, r.source());
        assertEquals(3, r.files());
        Path folder = tmp.resolve("data/openscore-lieder");
        assertEquals(folder, r.folder());

        Map<String, CSVRecord> labels = csv(folder.resolve("labels.csv"), "path");
        assertEquals(3, labels.size(), labels.keySet().toString());
        CSVRecord schubert = labels.get("schubert/Die_schoene_Muellerin_D.795/8_Morgengruss.mxl");
        assertEquals("schubert", schubert.get("composer"));
        assertEquals("schubert/Die_schoene_Muellerin_D.795/8_Morgengruss", schubert.get("piece_id"));
        assertEquals("schubert/Die_schoene_Muellerin_D.795", schubert.get("work_id"), "the song cycle stays together");
        assertEquals("scores/Schubert,_Franz/Die_schöne_Müllerin,_D.795/8_Morgengruß/lc5025982.mxl",
                schubert.get("source_path"));
        assertEquals("Scale", schubert.get("title"), "the score's own title");
        assertEquals("Franz Schubert (1797-1828)", schubert.get("composer_name"));
        assertEquals("Piano", schubert.get("instruments"), "the part name as written");

        CSVRecord barnby = labels.get("barnby/12_New_Songs/1_Constancy.mxl");
        assertEquals("barnby", barnby.get("composer"), "the score's composer, not the editor's folder");
        assertEquals("barnby/12_New_Songs", barnby.get("work_id"));

        CSVRecord abbott = labels.get("abbott/_/Just_for_Today.musicxml");
        assertEquals("abbott", abbott.get("composer"));
        assertEquals("Abbott, Jane Bingham", abbott.get("composer_name"), "from the folder");
        assertEquals("abbott/_/Just_for_Today", abbott.get("work_id"), "a standalone song is its own work");
        assertEquals("", abbott.get("born"));
        assertTrue(Files.isRegularFile(folder.resolve("abbott/_/Just_for_Today.musicxml")));
        assertFalse(Files.exists(folder.resolve("schubert/Die_schoene_Muellerin_D.795/8_Morgengruss.mscx")));

        assertEquals(1, r.skipped().size());
        SkippedFile wrong = r.skipped().get(0);
        assertEquals(SkippedFile.Reason.KNOWN_ERROR, wrong.reason());
        assertTrue(wrong.detail().contains("Zemlinsky"), wrong.detail());
        assertFalse(Files.exists(folder.resolve("zemlinsky")));

        String source = Files.readString(folder.resolve("SOURCE.txt"));
        assertTrue(source.contains("https://github.com/OpenScore/Lieder"), source);
        assertTrue(source.contains("Commit: bca122458de6da362abe62dd6aec62e25d7759b1"), source);
        assertTrue(source.contains("Licence: CC0 1.0"), source);
        assertTrue(source.contains("3 files, 1 left out (skipped.csv)"), source);

        // labels.csv loads as a labels file; the work is the unit that stays on one side of a split
        var rows = LabelsCsv.read(folder.resolve("labels.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.stream().anyMatch(row -> row.pieceId().equals("schubert/Die_schoene_Muellerin_D.795")));

        DatasetFetcher.Result again = fetcher.fetch(PublicDataset.OPENSCORE_LIEDER, tmp.resolve("data"),
                Optional.empty(), ProgressListener.NONE);
        assertEquals(DatasetFetcher.Source.ALREADY_FETCHED, again.source());
        assertEquals(3, again.files());
        assertEquals(r.skipped(), again.skipped(), "read back from skipped.csv");
    }

    @Test
    void polishScoresLeaveOutAnonymousAndUnreadableFiles() throws IOException {
        String top = "humdrum-polish-scores-" + PublicDataset.POLISH_SCORES.commit() + "/";
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(top + "LICENSE.txt", utf8("CC BY 4.0"));
        files.put(top + "pl-kk/kern/pl-kk--kk-i-83--001-001_anerio-giovanni-francesco--missa-pulchra-es-kyrie.krn",
                utf8(kern("Anerio, Giovanni Francesco", "1569-1630")));
        files.put(top + "pl-kk/kern/pl-kk--kk-i-83--001-002_anerio-giovanni-francesco--missa-pulchra-es-gloria.krn",
                utf8(kern("Anerio, Giovanni Francesco", "1569-1630")));
        files.put(top + "pl-cz/kern/pl-cz--iii-47--001-002-pc0_bulakowski-stefan--msza-as-gloria-pc0.krn",
                utf8(kern("Bułakowski, Stefan", "-1852")));
        files.put(top + "pl-cz/kern/pl-cz--iii-48--001_anonim--offertorium.krn", utf8(kern("Anonim", null)));
        files.put(top + "pl-cz/kern/pl-cz--iii-49--001_anonim--hymnus.krn", utf8(kern(null, null)));
        files.put(top + "pl-wn/kern/pl-wn--mus-1--001_chopin-fryderyk--broken.krn",
                utf8("!!!COM: Chopin, Fryderyk\n**kern\n*M4/4\n4c\nsSS\n*-\n"));
        files.put(top + "bin/tool.pl", utf8("print 1;"));
        DatasetFetcher.Result r = fetcher.fetch(PublicDataset.POLISH_SCORES, tmp.resolve("data"),
                Optional.of(zip("humdrum-polish-scores-main.zip", files)), ProgressListener.NONE);
        assertEquals(3, r.files());
        Path folder = r.folder();

        Map<String, CSVRecord> labels = csv(folder.resolve("labels.csv"), "path");
        CSVRecord kyrie = labels.get(
                "anerio/pl-kk--kk-i-83--001-001_anerio-giovanni-francesco--missa-pulchra-es-kyrie.krn");
        assertEquals("anerio", kyrie.get("composer"));
        assertEquals("anerio/pl-kk--kk-i-83--001-001", kyrie.get("piece_id"));
        assertEquals("anerio/pl-kk--kk-i-83--001", kyrie.get("work_id"), "the mass's movements stay together");
        assertEquals("Scale over a bass", kyrie.get("title"), "!!!OTL");
        assertEquals("1569", kyrie.get("born"));
        assertEquals("1630", kyrie.get("died"));
        assertEquals("anerio/pl-kk--kk-i-83--001", labels.get(
                "anerio/pl-kk--kk-i-83--001-002_anerio-giovanni-francesco--missa-pulchra-es-gloria.krn")
                .get("work_id"));
        CSVRecord gloria = labels.get("bulakowski/pl-cz--iii-47--001-002-pc0_bulakowski-stefan--msza-as-gloria-pc0.krn");
        assertEquals("bulakowski", gloria.get("composer"), "Polish letters folded");
        assertEquals("bulakowski/pl-cz--iii-47--001-002", gloria.get("piece_id"), "the version suffix is dropped");
        assertEquals("", gloria.get("born"));
        assertEquals("1852", gloria.get("died"));

        Map<String, CSVRecord> skipped = csv(folder.resolve("skipped.csv"), "source_path");
        assertEquals(3, skipped.size(), skipped.keySet().toString());
        assertEquals("anonymous", skipped.get("pl-cz/kern/pl-cz--iii-48--001_anonim--offertorium.krn").get("reason"));
        assertEquals("composer 'Anonim'",
                skipped.get("pl-cz/kern/pl-cz--iii-48--001_anonim--offertorium.krn").get("detail"));
        assertEquals("names no composer",
                skipped.get("pl-cz/kern/pl-cz--iii-49--001_anonim--hymnus.krn").get("detail"));
        CSVRecord broken = skipped.get("pl-wn/kern/pl-wn--mus-1--001_chopin-fryderyk--broken.krn");
        assertEquals("unreadable", broken.get("reason"));
        assertTrue(broken.get("detail").contains("line 5"), broken.get("detail"));
        assertEquals(List.of(SkippedFile.Reason.ANONYMOUS, SkippedFile.Reason.ANONYMOUS,
                SkippedFile.Reason.UNREADABLE), r.skipped().stream().map(SkippedFile::reason).sorted().toList());

        String source = Files.readString(folder.resolve("SOURCE.txt"));
        assertTrue(source.contains("pl-wnifc/humdrum-polish-scores"), source);
        assertTrue(source.contains("c0403623c0da3f75f1bcd6041dc85098e0cabe02"), source);
        assertTrue(source.contains("CC BY 4.0; attribution: Polish Music Heritage in Open Access, Copyright 2019-2022"
                + " The Fryderyk Chopin Institute (https://nifc.pl)"), source);
        assertFalse(Files.exists(tmp.resolve("data/.polish-scores.partial")));
        assertFalse(Files.exists(tmp.resolve("data/.downloads/polish-scores-extract")));
    }

    @Test
    void anArchiveOfAnotherRepositorySaysWhatWasExpected() throws IOException {
        Path wrong = liederZip();
        BadInputException e = assertThrows(BadInputException.class, () -> fetcher.fetch(
                PublicDataset.POLISH_SCORES, tmp.resolve("data"), Optional.of(wrong), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("<siglum>/kern/*.krn"), e.getMessage());
        assertTrue(e.getMessage().contains("pl-wnifc/humdrum-polish-scores"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("data/polish-scores")));
    }

    @Test
    void theTopFolderIsTheOneEveryMemberShares() {
        assertEquals("Lieder-abc/", DatasetFetcher.topFolder(List.of("Lieder-abc/README.md", "Lieder-abc/scores/a")));
        assertEquals("", DatasetFetcher.topFolder(List.of("README.md", "scores/a/b.mxl")), "a zip of the contents");
        assertEquals("", DatasetFetcher.topFolder(List.of("a/x", "b/y")));
    }

    @Test
    void polishWorkAndPieceIdsFollowTheFileName() {
        PolishScoresNaming n = new PolishScoresNaming();
        assertEquals(new ScoreNaming.Placement("x/pl-sa--38-a-i-38--pc0_conti--turba-rustica-pc0.krn",
                        "x/pl-sa--38-a-i-38", "x/pl-sa--38-a-i-38", "conti--turba-rustica-pc0"),
                n.place("pl-sa/kern/pl-sa--38-a-i-38--pc0_conti--turba-rustica-pc0.krn", "x"));
        assertEquals("x/pl-cz--d-ii-34--glosy",
                n.place("pl-cz/kern/pl-cz--d-ii-34--glosy_elsner-jozef--nunc-dimittis.krn", "x").workId());
        assertEquals("x/pl-kk--kk-i-514--001-001", n.place(
                "pl-kk/kern/pl-kk--kk-i-514--001-001-ac1_hofmann-leopold--motetto-2-ac1.krn", "x").pieceId());
        assertEquals("001", PolishScoresNaming.withoutVersion("001-dublet"));
        assertFalse(n.accepts("pl-cz/humdrum/a.krn"));
        assertTrue(n.accepts("pl-cz/kern/a.krn"));
    }
}
