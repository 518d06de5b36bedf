package org.cadenza.corpus.labels;

import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsCsvTest {

    @Test
    void readsRequiredAndOptionalColumnsAndIgnoresOthers(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sub/labels.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, """
                path,composer,piece_id,title,period,split
                bach/a.mid,"Bach, J.S.",bach/bwv846,"Prelude, in C",baroque,train
                chopin/b.mid,Chopin,chopin/op10,,,Validation
                """);
        List<LabelRow> rows = LabelsCsv.read(csv);
        assertEquals(2, rows.size());
        LabelRow a = rows.get(0);
        assertEquals(dir.resolve("sub/bach/a.mid").toAbsolutePath().normalize(), a.file());
        assertEquals("Bach, J.S.", a.composerWritten());
        assertEquals("bach/bwv846", a.pieceId());
        assertEquals(Optional.of("baroque"), a.period());
        assertEquals(Optional.of("train"), a.split());
        assertEquals(2, a.line());
        LabelRow b = rows.get(1);
        assertEquals(Optional.empty(), b.period());
        assertEquals(Optional.of("val"), b.split());
        assertEquals(3, b.line());
    }

    @Test
    void workIdIsPreferredAsPieceId(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, """
                path,composer,piece_id,work_id
                chopin/p1.mid,chopin,chopin/p1,chopin/Preludes_Opus_28
                chopin/p2.mid,chopin,chopin/p2,chopin/Preludes_Opus_28
                chopin/e.mid,chopin,chopin/e,
                """);
        List<LabelRow> rows = LabelsCsv.read(csv);
        assertEquals("chopin/Preludes_Opus_28", rows.get(0).pieceId());
        assertEquals("chopin/Preludes_Opus_28", rows.get(1).pieceId());
        assertEquals("chopin/e", rows.get(2).pieceId());
    }

    /** The benchmarks' split.csv loads as labels: its group is the piece, "unseen" files get no split. */
    @Test
    void aBenchmarkSplitLoadsWithItsGroupsAndUnseenFiles(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("split.csv");
        Files.writeString(csv, """
                path,dataset,format,composer,group,split
                asap/bach/a.mid,asap,midi,bach,asap:bach/Fugue_bwv_846,train
                polish-scores/abersbach/x.krn,polish-scores,kern,abersbach,polish-scores:abersbach/x,unseen
                """);
        List<LabelRow> rows = LabelsCsv.read(csv);
        assertEquals("asap:bach/Fugue_bwv_846", rows.get(0).pieceId());
        assertEquals(Optional.of("train"), rows.get(0).split());
        assertEquals("polish-scores:abersbach/x", rows.get(1).pieceId());
        assertEquals(Optional.empty(), rows.get(1).split());
    }

    @Test
    void errorsNameTheLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        BadInputException e = assertRefused(csv, "path,composer\na.mid,bach\n", "line 1", "piece_id");
        assertEquals(csv, e.file());
        assertRefused(csv, "path,composer,piece_id\na.mid,bach,p1\nb.mid,,p2\n", "line 3", "composer");
        assertRefused(csv, "path,composer,piece_id,split\na.mid,bach,p1,train\nb.mid,bach,p2,holdout\n", "line 3",
                "holdout");
        assertRefused(csv, "path,composer,piece_id\na.mid,bach,p1\n./a.mid,bach,p2\n", "line 3", "line 2");
        assertRefused(csv, "path,composer,piece_id\na.mid,bach,p1\nb.mid,bach\n", "line 3", "piece_id");
        assertRefused(csv, "path,composer,piece_id\na.mid,bach,p1\n\"b.mid,bach,p2\n", "", "malformed");
    }

    /**
     * Writes {@code content} to {@code csv} and checks that reading it is refused with a problem that starts with
     * {@code line} and names {@code word}.
     */
    private static BadInputException assertRefused(Path csv, String content, String line, String word)
            throws IOException {
        Files.writeString(csv, content);
        BadInputException e = assertThrows(BadInputException.class, () -> LabelsCsv.read(csv));
        assertTrue(e.problem().startsWith(line) && e.problem().contains(word), e.getMessage());
        return e;
    }

    @Test
    void toleratesAByteOrderMarkAndHeaderCase(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "\uFEFFPath,Composer,Piece_ID,Split\na.mid,Grieg,op65,TEST\n");
        List<LabelRow> rows = LabelsCsv.read(csv);
        assertEquals(1, rows.size());
        assertEquals("Grieg", rows.get(0).composerWritten());
        assertEquals("op65", rows.get(0).pieceId());
        assertEquals(Optional.of("test"), rows.get(0).split());
    }

    @Test
    void missingCsvIsABadInput(@TempDir Path dir) {
        BadInputException e = assertThrows(BadInputException.class, () -> LabelsCsv.read(dir.resolve("no.csv")));
        assertTrue(e.getMessage().contains("no.csv"), e.getMessage());
    }

    @Test
    void readsTheDatasetsOwnLabels() {
        Path data = RealData.requireRoot("the real datasets' labels");
        List<LabelRow> asap = LabelsCsv.read(data.resolve("asap").resolve("labels.csv"));
        assertEquals(1302, asap.size());
        assertTrue(Files.isRegularFile(asap.get(0).file()), asap.get(0).file().toString());
        List<LabelRow> pmd = LabelsCsv.read(data.resolve("piano-midi-de").resolve("labels.csv"));
        assertTrue(pmd.stream().filter(r -> r.pieceId().equals("chopin/Preludes_Opus_28")).count() >= 20,
                "work_id keeps the preludes together");
    }
}
