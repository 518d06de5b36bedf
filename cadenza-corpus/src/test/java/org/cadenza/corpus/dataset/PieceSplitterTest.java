package org.cadenza.corpus.dataset;

import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PieceSplitterTest {

    @TempDir
    Path tmp;

    /** Classes with 1, 2, 3, 4, 5, 10 and 37 pieces; piece k has 1 + k % 4 files. */
    static List<PieceSplitter.Item> items() {
        List<PieceSplitter.Item> items = new ArrayList<>();
        long id = 1;
        int[] sizes = {1, 2, 3, 4, 5, 10, 37};
        for (int c = 0; c < sizes.length; c++) {
            for (int p = 0; p < sizes[c]; p++) {
                for (int f = 0; f <= p % 4; f++) {
                    items.add(new PieceSplitter.Item(id++, "c" + c + "/piece" + p, "c" + c));
                }
            }
        }
        return items;
    }

    @Test
    void roundingRuleAsDocumented() {
        SplitRatios r = SplitRatios.DEFAULT;
        assertArrayEquals(new int[] {0, 0, 0}, r.counts(0));
        assertArrayEquals(new int[] {1, 0, 0}, r.counts(1));
        assertArrayEquals(new int[] {1, 0, 1}, r.counts(2));
        assertArrayEquals(new int[] {1, 1, 1}, r.counts(3));
        assertArrayEquals(new int[] {2, 1, 1}, r.counts(4));
        assertArrayEquals(new int[] {3, 1, 1}, r.counts(5));
        assertArrayEquals(new int[] {7, 1, 2}, r.counts(10));
        assertArrayEquals(new int[] {14, 2, 4}, r.counts(20));
        assertArrayEquals(new int[] {26, 4, 7}, r.counts(37));
        assertArrayEquals(new int[] {5, 0, 0}, new SplitRatios(1, 0, 0).counts(5));
        assertArrayEquals(new int[] {4, 0, 1}, new SplitRatios(0.8, 0, 0.2).counts(5));
        assertThrows(IllegalArgumentException.class, () -> new SplitRatios(0.7, 0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SplitRatios(0, 0.5, 0.5));
    }

    @Test
    void noPieceOnTwoSidesAndEveryClassOnEverySideForManySeeds() {
        List<PieceSplitter.Item> items = items();
        for (long seed = 0; seed < 200; seed++) {
            SplitAssignment a = PieceSplitter.random(items, SplitRatios.DEFAULT, seed);
            a.assertNoLeak();
            Map<String, Split> pieceSide = new HashMap<>();
            for (PieceSplitter.Item it : items) {
                Split s = a.splitOf(it.fileId()).orElseThrow();
                Split before = pieceSide.putIfAbsent(it.pieceId(), s);
                assertTrue(before == null || before == s, "piece " + it.pieceId() + " on two sides, seed " + seed);
            }
            Map<Long, String> labels = new HashMap<>();
            items.forEach(it -> labels.put(it.fileId(), it.label()));
            Map<String, Map<Split, Integer>> per = PieceSplitter.piecesPerClass(a, labels);
            for (int c = 2; c < 7; c++) {
                for (Split s : Split.values()) {
                    assertTrue(per.get("c" + c).get(s) >= 1, "class c" + c + " has no piece in " + s + ", seed " + seed);
                }
            }
            assertEquals(Map.of(Split.TRAIN, 1, Split.VAL, 0, Split.TEST, 1), per.get("c1"), "two pieces: 1 train, 1 test");
            assertEquals(Map.of(Split.TRAIN, 26, Split.VAL, 4, Split.TEST, 7), per.get("c6"));
        }
    }

    @Test
    void seededStableAndClassesIndependent() {
        List<PieceSplitter.Item> items = items();
        SplitAssignment a = PieceSplitter.random(items, SplitRatios.DEFAULT, 7);
        assertEquals(a, PieceSplitter.random(items, SplitRatios.DEFAULT, 7));
        assertNotEquals(a.splitOfFile(), PieceSplitter.random(items, SplitRatios.DEFAULT, 8).splitOfFile());
        List<PieceSplitter.Item> fewer = items.stream().filter(it -> !it.label().equals("c3")).toList();
        SplitAssignment b = PieceSplitter.random(fewer, SplitRatios.DEFAULT, 7);
        for (PieceSplitter.Item it : fewer) {
            assertEquals(a.splitOf(it.fileId()), b.splitOf(it.fileId()), "dropping a class moves no other piece");
        }
    }

    @Test
    void leakageCheckThrowsNamingThePiece() {
        CadenzaException e = assertThrows(CadenzaException.class, () -> Leakage.check(Map.of(
                Split.TRAIN, List.of("a", "b"), Split.TEST, List.of("c", "b"))));
        assertTrue(e.getMessage().contains("b in [train, test]"), e.getMessage());
        Leakage.check(Map.of(Split.TRAIN, List.of("a"), Split.VAL, List.of("b"), Split.TEST, List.of("c")));
        SplitAssignment leaky = new SplitAssignment(Map.of(1L, Split.TRAIN, 2L, Split.VAL),
                Map.of(1L, "p", 2L, "p"), 0, 0, "hand-made");
        assertThrows(CadenzaException.class, leaky::assertNoLeak);
    }

    static CatalogFile file(long id, Path abs, String member, String composer, String piece, String split) {
        return CatalogFile.builder().optId(id).setSourcePath(abs.toString()).setAbsolutePath(abs.toString())
                .optArchiveMember(member).setStoredPath(abs.toString()).setSha256("%064x".formatted(id)).setBytes(10)
                .setKind(MediaKind.MIDI).setComposerId(composer).setComposerWritten(composer).setPieceId(piece)
                .optSplit(split).build();
    }

    @Test
    void readsASplitFileRelativeToARoot() throws Exception {
        Path root = tmp.resolve("asap");
        List<CatalogFile> files = List.of(
                file(1, root.resolve("bach/Fugue/bwv_846/a.mid"), null, "bach", "bach/F846", null),
                file(2, root.resolve("bach/Fugue/bwv_846/score.mid"), null, "bach", "bach/F846", null),
                file(3, root.resolve("chopin/Etude/x.mid"), null, "chopin", "chopin/E", null),
                file(4, root.resolve("chopin/set.zip"), "inner/y.mid", "chopin", "chopin/Z", null),
                file(5, root.resolve("liszt/notlisted.mid"), null, "liszt", "liszt/N", null),
                file(6, tmp.resolve("elsewhere/bach.mid"), null, "bach", "bach/E", null));
        Path csv = tmp.resolve("split.csv");
        Files.writeString(csv, "path,composer,piece_id,split\n"
                + "bach/Fugue/bwv_846/a.mid,bach,bach/F846,train\n"
                + "./bach/Fugue/bwv_846/score.mid,bach,bach/F846,train\n"
                + "chopin\\Etude\\x.mid,chopin,chopin/E,Test\n"
                + "chopin/set.zip/inner/y.mid,chopin,chopin/Z,validation\n"
                + "mozart/gone.mid,mozart,mozart/G,val\n");
        SplitAssignment a = PieceSplitter.fromFile(csv, files, root);
        assertEquals(Map.of(1L, Split.TRAIN, 2L, Split.TRAIN, 3L, Split.TEST, 4L, Split.VAL), a.splitOfFile());
        assertEquals(2, a.excludedFiles(), "liszt not listed, the file outside the root");
        assertEquals(1, a.unmatchedRows(), "mozart/gone.mid");
        assertEquals(Set.of("bach/F846"), a.piecesBySplit().get(Split.TRAIN));
        a.assertNoLeak();
        assertTrue(a.toText().contains("excluded files 2"), a.toText());

        Files.writeString(csv, "path,piece_id,split\nbach/Fugue/bwv_846/a.mid,bach/F846,train\n"
                + "bach/Fugue/bwv_846/score.mid,bach/F846,test\n");
        BadInputException leak = assertThrows(BadInputException.class, () -> PieceSplitter.fromFile(csv, files, root));
        assertTrue(leak.getMessage().contains("line 3") && leak.getMessage().contains("leak"), leak.getMessage());

        Files.writeString(csv, "path,split\nbach/Fugue/bwv_846/a.mid,holdout\n");
        BadInputException bad = assertThrows(BadInputException.class, () -> PieceSplitter.fromFile(csv, files, root));
        assertTrue(bad.getMessage().contains("split.csv") && bad.getMessage().contains("line 2"), bad.getMessage());

        // "unseen" (the composers-many benchmark's never-trained composers): listed, in no split, not unmatched
        Files.writeString(csv, "path,split\nbach/Fugue/bwv_846/a.mid,train\nliszt/notlisted.mid,unseen\n");
        SplitAssignment unseen = PieceSplitter.fromFile(csv, files, root);
        assertEquals(Map.of(1L, Split.TRAIN), unseen.splitOfFile());
        assertEquals(5, unseen.excludedFiles());
        assertEquals(0, unseen.unmatchedRows());

        Files.writeString(csv, "file,split\na.mid,train\n");
        assertThrows(BadInputException.class, () -> PieceSplitter.fromFile(csv, files, root));

        // a split file whose own piece ids are consistent, but whose files of one catalog piece are split apart
        Files.writeString(csv, "path,split\nbach/Fugue/bwv_846/a.mid,train\nbach/Fugue/bwv_846/score.mid,test\n");
        SplitAssignment apart = PieceSplitter.fromFile(csv, files, root);
        assertThrows(CadenzaException.class, apart::assertNoLeak);
    }

    @Test
    void honoursTheCatalogSplitColumn() {
        Path root = tmp.resolve("m");
        List<CatalogFile> files = List.of(
                file(1, root.resolve("a.mid"), null, "bach", "bach/a", "train"),
                file(2, root.resolve("b.mid"), null, "bach", "bach/b", "validation"),
                file(3, root.resolve("c.mid"), null, "bach", "bach/c", null));
        SplitAssignment a = PieceSplitter.fromCatalog(files);
        assertEquals(Map.of(1L, Split.TRAIN, 2L, Split.VAL), a.splitOfFile());
        assertEquals(1, a.excludedFiles());
        assertEquals(Optional.empty(), a.splitOf(3));
    }
}
