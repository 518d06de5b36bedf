package org.cadenza.api.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.features.symbolic.FeatureSet;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.features.symbolic.SymbolicParams;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.score.TestScores;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composers-many benchmark end to end on a tiny split of MIDI, MusicXML and kern files laid out as the shared
 * datasets are: three composers (one in two formats), one never seen.
 */
class ManyComposersBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void ingestsTrainsAndScoresEveryFilePerDatasetFormatAndOpenSet() throws Exception {
        Path data = tmp.resolve("datasets");
        StringBuilder split = new StringBuilder("path,dataset,format,composer,group,split\n");
        String[] sides = {"train", "train", "train", "train", "val", "test"};
        for (int k = 0; k < 6; k++) {
            for (String c : List.of("bach", "chopin")) {
                String path = "midi-set/" + c + "/p" + k + ".mid";
                SyntheticCorpus.piece(data.resolve(path), c.equals("bach") ? "basso" : "soprano", k, 24);
                split.append(path).append(",midi-set,midi,").append(c).append(",midi-set:").append(c).append("/p")
                        .append(k).append(',').append(sides[k]).append('\n');
            }
            String kern = "kern-set/alto/k" + k + ".krn";
            TestScores.kern(data.resolve(kern), "Alto " + k);
            split.append(kern).append(",kern-set,kern,alto,kern-set:alto/k").append(k).append(',').append(sides[k])
                    .append('\n');
        }
        for (int k = 0; k < 2; k++) {
            String xml = "xml-set/chopin/x" + k + ".musicxml";
            TestScores.musicXml(data.resolve(xml), "Chopin " + k);
            split.append(xml).append(",xml-set,musicxml,chopin,xml-set:chopin/x").append(k).append(',')
                    .append(k == 0 ? "train" : "test").append('\n');
            String unseen = "kern-set/handel/u" + k + ".krn";
            TestScores.kern(data.resolve(unseen), "Handel " + k);
            split.append(unseen).append(",kern-set,kern,handel,kern-set:handel/u").append(k).append(",unseen\n");
        }
        Path splitCsv = Files.writeString(tmp.resolve("split.csv"), split);

        NotesSettings notes = new NotesSettings(SymbolicParams.builder().optFeatureSet(FeatureSet.EXTENDED).build(),
                NoteWindowSpec.parse("4s/4s"),
                OptionalDouble.empty(), NoteReader.Pedal.EXTEND);
        ManyComposersBenchmark.Spec spec = new ManyComposersBenchmark.Spec(splitCsv, data, notes,
                List.of(ClassicalAlgorithm.LOGISTIC_REGRESSION), List.of(ClassicalAlgorithm.LOGISTIC_REGRESSION), null,
                TrainingConfig.builder().build(), true, Balancing.NONE, Balancing.NONE,
                42, 1, 10, 10, true);
        Path out = tmp.resolve("out");
        ManyComposersBenchmark.Result r;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            r = ManyComposersBenchmark.run(ws, spec, out, ProgressListener.NONE, TrainingListener.NONE);
        }
        assertEquals(List.of("alto", "bach", "chopin"), r.composers());
        assertEquals(4, r.testFiles(), "bach p5, chopin p5 and x1, alto k5");
        assertEquals(2, r.unseenFiles());
        assertEquals(22, r.ingest().ingested(), "12 MIDI, 8 kern, 2 MusicXML files");

        ManyComposersBenchmark.ModelRow m = r.rows().get(0);
        assertEquals(4, m.test().items());
        assertEquals(Set.of("kern-set", "midi-set", "xml-set"), m.byDataset().keySet());
        assertEquals(Set.of("kern", "midi", "musicxml"), m.byFormat().keySet());
        assertEquals(2, m.byFormat().get("midi").items());
        // chopin is the one composer with files in two formats
        assertEquals(Set.of("midi", "musicxml"), m.crossFormat().keySet());
        assertEquals(1, m.crossFormat().get("midi").items());
        assertTrue(m.openSetAuroc() >= 0 && m.openSetAuroc() <= 1, "AUROC " + m.openSetAuroc());
        assertEquals(0, m.unreadable());
        ManyComposersBenchmark.ModelRow piece = r.rows().get(1);
        assertEquals("piece-logistic", piece.name(), "the whole-piece classifier's row");
        assertEquals(4, piece.test().items());
        // the fusion of the two, and its refit: both notes members fit again on train + val, the weights kept
        assertEquals(List.of("notes-logistic", "piece-logistic", "fusion", "fusion-refit"),
                r.rows().stream().map(ManyComposersBenchmark.ModelRow::name).toList());
        assertEquals(4, r.rows().get(3).test().items());
        Path composer = out.resolve("composer");
        org.cadenza.model.fusion.LateFusion fitted =
                org.cadenza.model.fusion.LateFusion.load(composer.resolve("fusion"));
        org.cadenza.model.fusion.LateFusion refit =
                org.cadenza.model.fusion.LateFusion.load(composer.resolve("fusion-refit"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(fitted.weights(), refit.weights(), 0);
        for (String member : List.of("notes-logistic", "piece-logistic")) {
            assertTrue(Files.readString(composer.resolve("refit").resolve(member)
                    .resolve(org.cadenza.model.run.RunManifest.FILE)).contains("fit=train+val"), member);
        }

        // the dummy names the most frequent training composer, chopin (4 MIDI + 1 MusicXML), for every file
        assertEquals(0.5, r.dummy().test().top1(), 1e-12);
        assertEquals(1.0, r.dummy().test().top5(), 1e-12, "three classes: all in the top five");
        // period: bach baroque, chopin romantic (the built-in table), alto unknown; handel, never seen, baroque
        ManyComposersBenchmark.PeriodRow period = r.period();
        assertEquals(List.of("baroque", "romantic"), period.classes());
        assertEquals(3, period.test().items(), "bach p5, chopin p5 and x1: alto has no period");
        assertEquals(2.0 / 3, period.dummy().top1(), 1e-12, "the dummy says romantic (5 training files to 4)");
        assertEquals(2, period.unseen().items(), "handel's two files, in no split");
        assertEquals(1, period.unseenComposers());
        assertEquals(0.0, period.unseenDummy().top1(), 1e-12, "romantic, handel is baroque");
        String md = Files.readString(r.markdown());
        assertTrue(md.contains("Per format") && md.contains("Across formats") && md.contains("logistic")
                && md.contains("Period of composers never seen"), md);

        // resumable: a second run trains nothing again and gives the same figures
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            ManyComposersBenchmark.Result again = ManyComposersBenchmark.run(ws, spec, out, ProgressListener.NONE,
                    TrainingListener.NONE);
            assertEquals(m.test(), again.rows().get(0).test());
            assertEquals(0, again.ingest().ingested());
        }
    }
}
