package org.cadenza.corpus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cadenza.corpus.labels.LabelRow;
import org.cadenza.corpus.labels.LabelsCsv;
import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSplitTest {

    @TempDir
    Path tmp;

    /**
     * The labels written from a split: the group as piece id, unseen files in no split, and the period from the
     * table (bach) or from the file's own dataset's life years (a composer the table does not know).
     */
    @Test
    void writesLabelsWithGroupsUnseenFilesAndPeriodsFromLifeYears() throws Exception {
        Path data = tmp.resolve("datasets");
        Files.createDirectories(data.resolve("scores"));
        Files.writeString(data.resolve("scores/labels.csv"), """
                path,composer,piece_id,born,died
                moniuszko/a.krn,moniuszko,moniuszko/a,1819,1872
                kowalski/b.krn,kowalski,kowalski/b,,
                """);
        Path csv = Files.writeString(tmp.resolve("split.csv"), """
                path,dataset,format,composer,group,split
                midi/bach/x.mid,midi,midi,bach,midi:bach/x,train
                scores/moniuszko/a.krn,scores,kern,moniuszko,scores:moniuszko/a,test
                scores/kowalski/b.krn,scores,kern,kowalski,scores:kowalski/b,unseen
                """);
        BenchmarkSplit split = BenchmarkSplit.read(csv);
        assertEquals(3, split.rows().size());
        assertTrue(split.rows().get(2).unseen());
        Path labels = tmp.resolve("out/labels.csv");
        assertEquals(2, split.writeLabels(labels, data), "bach from the table, moniuszko from his dates");
        List<LabelRow> rows = LabelsCsv.read(labels, data);
        assertEquals("midi:bach/x", rows.get(0).pieceId());
        assertEquals(Optional.of("baroque"), rows.get(0).period());
        assertEquals(Optional.of("romantic"), rows.get(1).period());
        assertEquals(Optional.of("test"), rows.get(1).split());
        assertEquals(Optional.empty(), rows.get(2).split());
        assertEquals(Optional.empty(), rows.get(2).period());
    }

    @Test
    void aSplitWithoutItsColumnsOrWithAnUnknownSplitIsRefusedByLine() throws Exception {
        Path noGroup = Files.writeString(tmp.resolve("a.csv"), "path,dataset,format,composer,split\nx,d,midi,c,train\n");
        BadInputException e = assertThrows(BadInputException.class, () -> BenchmarkSplit.read(noGroup));
        assertTrue(e.getMessage().contains("'group' is missing"), e.getMessage());
        Path odd = Files.writeString(tmp.resolve("b.csv"),
                "path,dataset,format,composer,group,split\nx,d,midi,c,g,holdout\n");
        e = assertThrows(BadInputException.class, () -> BenchmarkSplit.read(odd));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("holdout"), e.getMessage());
    }

    /** The shared composers-many split: 131 composers' train/val/test files and 420 unseen composers' files. */
    @Test
    void readsTheSharedComposersManySplit() {
        Path root = RealData.requireRoot("the composers-many split");
        Path csv = root.toAbsolutePath().normalize().resolveSibling("benchmarks/composers-many/split.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "no " + csv);
        BenchmarkSplit split = BenchmarkSplit.read(csv);
        assertEquals(4810 + 1602 + 1627 + 2284, split.rows().size());
        assertEquals(1627, split.rows().stream().filter(r -> r.split().equals("test")).count());
        assertEquals(131, split.rows().stream().filter(r -> r.split().equals("train"))
                .map(BenchmarkSplit.Row::composer).distinct().count());
        assertEquals(List.of("asap", "midi-classics", "openscore-lieder", "piano-midi-de", "polish-scores"),
                split.datasets().stream().sorted().toList());
    }
}
