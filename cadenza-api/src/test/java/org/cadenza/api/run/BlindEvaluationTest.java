package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.cadenza.model.run.RunDataset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.eval.Level;
import org.cadenza.eval.Predictions;
import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Train on one synthetic corpus, evaluate on another: labels through the run's target, unknown composers left out
 * and counted, pieces by work id, near-duplicates of the run's pieces found through the blind labels CSV (and the
 * figures without them), the missing-features message, and the report in RUN/blind-WS.
 */
class BlindEvaluationTest {

    @Test
    void evaluatesARunOnAnotherWorkspace(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        try (Workspace train = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("wsA"))) {
            SyntheticCorpus.trainSmall(train, 2, run);
        }
        assertEquals("composer", RunDataset.load(run).target());
        List<RunFiles.Entry> runFiles = RunFiles.read(run).orElseThrow();
        assertEquals(12, runFiles.size());

        // the blind corpus: basso work w1 in two movements (b1a linked to every basso file of dsA), basso w2,
        // soprano s1 and s2, and alto, whom the model never saw
        Path ds = tmp.resolve("dsB");
        String[][] files = {
            {"basso/b1a.mid", "basso", "basso/b1a", "basso/w1", "dsA:dsA/basso/p0.mid;dsA:dsA/basso/p1.mid;"
                    + "dsA:dsA/basso/p2.mid;dsA:dsA/basso/p3.mid;dsA:dsA/basso/p4.mid;dsA:dsA/basso/p5.mid"},
            {"basso/b1b.mid", "basso", "basso/b1b", "basso/w1", ""},
            {"basso/b2.mid", "basso", "basso/b2", "basso/w2", ""},
            {"soprano/s1.mid", "soprano", "soprano/s1", "", "other:other/x.mid"},
            {"soprano/s2.mid", "soprano", "soprano/s2", "", ""},
            {"alto/a1.mid", "alto", "alto/a1", "", ""},
        };
        StringBuilder csv = new StringBuilder("path,composer,piece_id,work_id,near_duplicates\n");
        int k = 0;
        for (String[] f : files) {
            SyntheticCorpus.piece(ds.resolve(f[0]), f[1], k++ % 3, 12);
            csv.append(String.join(",", f[0], f[1], f[2], f[3], f[4])).append('\n');
        }
        Files.writeString(ds.resolve("labels.csv"), csv);

        try (Workspace blind = SyntheticCorpus.ingest(ds.resolve("labels.csv"), tmp.resolve("wsB"), 6)) {
            CadenzaException missing = assertThrows(CadenzaException.class,
                    () -> BlindEvaluation.evaluate(blind, run, BlindEvaluation.defaultOutDir(run, blind.dir())));
            // the small GM bank is passed on when this machine has it (SyntheticCorpus), else the default bank
            String bank = SyntheticCorpus.PIPELINE.render().soundfont().isPresent() ? " --soundfont" : "";
            assertTrue(missing.getMessage().contains("cadenza render " + blind.dir())
                    && missing.getMessage().contains("cadenza features " + blind.dir() + " --window 2.0s --hop 0.5s "
                    + "--mels 40" + bank), missing.getMessage());

            SyntheticCorpus.renderAndFeaturise(blind, 6);
            Path out = BlindEvaluation.defaultOutDir(run, blind.dir());
            assertEquals(run.resolve("blind-wsB"), out);
            BlindEvaluation.Result r = BlindEvaluation.evaluate(blind, run, out);

            assertEquals(5, r.files(), r.toText());
            assertEquals(4, r.pieces(), "the movements of basso/w1 are one piece: " + r.toText());
            assertEquals(Map.of("alto", 1), r.unknownClasses());
            assertTrue(r.toText().contains("1 files of composers the model never saw: alto 1"), r.toText());
            // b1a is named by the labels CSV only: its notes are not those of any training file
            assertEquals(Map.of(org.cadenza.corpus.copies.CopyKind.BYTE, 0, org.cadenza.corpus.copies.CopyKind.NOTES, 0,
                    org.cadenza.corpus.copies.CopyKind.NEAR, 0, org.cadenza.corpus.copies.CopyKind.LISTED, 1),
                    r.copiesByKind(), r.toText());
            Set<String> trainingBasso = runFiles.stream()
                    .filter(e -> e.split() == Split.TRAIN && e.label().equals("basso"))
                    .map(RunFiles.Entry::pieceId).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(r.nearDuplicates().startsWith("1 of 5 blind files are near-duplicates of training pieces"),
                    r.nearDuplicates());
            assertTrue(r.nearDuplicates().contains(String.join(", ", trainingBasso)), r.nearDuplicates());
            assertTrue(r.nearDuplicates().contains("2 have near-duplicates anywhere"), r.nearDuplicates());

            // the figures without b1a: its piece basso/w1 keeps b1b; recomputed from the written predictions
            Predictions written = Predictions.readCsv(out.resolve("predictions-windows.csv"));
            Set<String> pieces = written.windows().stream().map(w -> w.pieceId()).collect(Collectors.toSet());
            assertEquals(Set.of("basso/w1", "basso/w2", "soprano/s1", "soprano/s2"), pieces);
            Predictions clean = new Predictions(written.classNames(), written.windows().stream()
                    .filter(w -> !w.file().endsWith("b1a.mid")).toList());
            var without = r.withoutCopies().orElseThrow();
            assertEquals(4, without.report(Level.PIECE).count());
            assertEquals(clean.report(Level.PIECE).accuracy(), without.report(Level.PIECE).accuracy(), 1e-9);
            assertEquals(clean.windows().size(), without.predictions().windows().size());
            assertEquals(r.windows(), written.windows().size());
            assertEquals(r.evaluation().report(Level.PIECE).accuracy(), written.report(Level.PIECE).accuracy(), 1e-9);

            List<CSVRecord> rows;
            try (Reader in = Files.newBufferedReader(out.resolve(BlindEvaluation.FILES_CSV))) {
                rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
            }
            assertEquals(6, rows.size());
            int windows = 0;
            for (CSVRecord row : rows) {
                windows += Integer.parseInt(row.get("windows"));
                if (row.get("file").endsWith("a1.mid")) {
                    assertEquals("class the model never saw", row.get("status"));
                    assertEquals("0", row.get("windows"));
                } else {
                    assertEquals("evaluated", row.get("status"), row.toString());
                }
                if (row.get("file").endsWith("b1a.mid")) {
                    assertEquals(6, row.get("near_duplicate_of_run").split(";").length, row.toString());
                    assertEquals("listed", row.get("copy"), row.toString());
                } else {
                    assertEquals("none", row.get("copy"), row.toString());
                }
            }
            assertEquals(r.windows(), windows);
            String md = Files.readString(out.resolve("report.md"));
            assertTrue(md.contains("Cadenza blind evaluation: run on wsB"), md);
            assertTrue(md.contains("| piece accuracy |"), md);
            assertTrue(Files.isRegularFile(out.resolve("confusion-piece.png")));
        }
    }
}
