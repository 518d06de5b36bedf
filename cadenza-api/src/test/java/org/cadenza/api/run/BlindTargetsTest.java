package org.cadenza.api.run;

import org.cadenza.model.run.RunDataset;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.eval.Predictions;
import org.cadenza.model.Architecture;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blind corpus's labels go through the run's target: for one-vs-rest every composer but the singled-out one is
 * the rest class (composers the model never saw included); for periods the built-in table decides, a period the
 * model never saw is left out and counted, a composer without a period is left out with the target's reason.
 */
class BlindTargetsTest {

    private static final TrainingConfig ONE_EPOCH = TrainingConfig.builder().optArchitecture(Architecture.SMALL)
            .optEpochs(1).build();

    /** A blind corpus of one 12-note file per (path, composer, voice), catalogued from its labels.csv. */
    private static Workspace blind(Path tmp, String name, String[][] files) throws Exception {
        Path ds = tmp.resolve(name);
        StringBuilder csv = new StringBuilder("path,composer,piece_id\n");
        int k = 0;
        for (String[] f : files) {
            SyntheticCorpus.piece(ds.resolve(f[0]), f[2], ++k, 12); // a little higher each: no two files alike
            csv.append(f[0]).append(',').append(f[1]).append(',').append(f[0].replace(".mid", "")).append('\n');
        }
        Files.writeString(ds.resolve("labels.csv"), csv);
        Workspace ws = SyntheticCorpus.ingest(ds.resolve("labels.csv"), tmp.resolve("ws-" + name), files.length);
        SyntheticCorpus.renderAndFeaturise(ws, files.length);
        return ws;
    }

    private static Map<String, Long> truthByFile(Path report) throws Exception {
        Predictions p = Predictions.readCsv(report.resolve("predictions-windows.csv"));
        return p.windows().stream().collect(Collectors.groupingBy(
                w -> Path.of(w.file()).getFileName() + "=" + p.classNames().get(w.trueClass()), TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void oneVsRestMakesEveryOtherComposerTheRestClass(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        try (Workspace ws = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("wsA"))) {
            TrainingRun.train(ws, SyntheticCorpus.PIPELINE, DatasetSpec.builder()
                    .optTarget(Target.parse("one-vs-rest:basso")).build(), ONE_EPOCH, run, TrainingListener.NONE);
        }
        try (Workspace other = blind(tmp, "dsB", new String[][] {
            {"basso/x.mid", "basso", "basso"}, {"soprano/y.mid", "soprano", "soprano"}, {"alto/z.mid", "alto", "alto"}})) {
            BlindEvaluation.Result r = BlindEvaluation.evaluate(other, run, BlindEvaluation.defaultOutDir(run, other.dir()));
            assertEquals(3, r.files(), r.toText());
            assertEquals(Map.of(), r.unknownClasses(), "alto, never seen, is 'other' like soprano");
            Set<String> truth = truthByFile(r.report().markdown().getParent()).keySet();
            assertEquals(Set.of("x.mid=basso", "y.mid=other", "z.mid=other"), truth);
            assertTrue(Files.readString(r.report().markdown()).contains("every other composer is 'other'"));
        }
    }

    @Test
    void periodsComeFromTheBuiltInTable(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        try (Workspace ws = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("wsA"), "bach", "chopin")) {
            TrainingRun.train(ws, SyntheticCorpus.PIPELINE, DatasetSpec.builder()
                    .optTarget(Target.parse("period")).build(), ONE_EPOCH, run, TrainingListener.NONE);
        }
        assertEquals("period", RunDataset.load(run).target());
        try (Workspace other = blind(tmp, "dsP", new String[][] {
            {"handel/h.mid", "Handel", "basso"}, {"liszt/l.mid", "Liszt", "soprano"},
            {"debussy/d.mid", "Debussy", "alto"}, {"basso/b.mid", "basso", "basso"}})) {
            BlindEvaluation.Result r = BlindEvaluation.evaluate(other, run, tmp.resolve("out"));
            assertEquals(2, r.files(), r.toText());
            assertEquals(Map.of("impressionist", 1), r.unknownClasses());
            assertTrue(r.toText().contains("1 files of periods the model never saw: impressionist 1"), r.toText());
            assertEquals(1, r.excluded().values().stream().mapToInt(Integer::intValue).sum(), r.toText());
            assertTrue(r.excluded().keySet().iterator().next().contains("basso"), r.excluded().toString());
            assertEquals(List.of("h.mid=baroque", "l.mid=romantic"),
                    List.copyOf(truthByFile(tmp.resolve("out")).keySet()));
        }
    }
}
