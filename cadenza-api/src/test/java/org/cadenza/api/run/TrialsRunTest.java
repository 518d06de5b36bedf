package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.eval.Pictures;
import org.cadenza.eval.TrialSummary;
import org.cadenza.model.Architecture;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three one-epoch trials on a tiny separable corpus: the files, the summary's arithmetic, skipping and resuming. */
class TrialsRunTest {

    @Test
    void threeTrialsAreSummarisedAndSkippedOnRerun(@TempDir Path tmp) throws Exception {
        try (Workspace ws = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("ws"))) {
            Path run = tmp.resolve("run");
            TrainingConfig config = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(1)
                    .optSeed(7).build();
            DatasetSpec dataset = DatasetSpec.builder().optSeed(100).build();
            List<String> log = new ArrayList<>();
            TrialsRun.Result r = TrialsRun.run(ws, SyntheticCorpus.PIPELINE, dataset, config, 3, run,
                    TrainingListener.NONE, log::add);

            assertEquals(3, r.trials().size(), String.join("\n", log));
            assertTrue(r.splitRedrawn(), "a random split is drawn again in every trial");
            assertEquals(List.of(), r.skipped());
            for (int i = 1; i <= 3; i++) {
                TrialsRun.Trial t = r.trials().get(i - 1);
                assertEquals(i, t.trial());
                assertEquals(6 + i, t.seed(), "training seeds 7, 8, 9");
                assertEquals(99 + i, t.splitSeed(), "split seeds 100, 101, 102");
                Path dir = run.resolve(String.format(Locale.ROOT, "trial-%02d", i));
                assertTrue(Files.isRegularFile(dir.resolve("model/model.json")), dir.toString());
                assertTrue(Files.isRegularFile(dir.resolve("report/report.html")), dir.toString());
                assertTrue(Files.isRegularFile(dir.resolve(TrialsRun.TRIAL_FILE)), dir.toString());
                assertTrue(Files.isRegularFile(dir.resolve(RunFiles.FILE)), dir.toString());
                assertEquals(2, t.testPieces(), "one test piece per class (6 pieces: 4/1/1), 2 classes");
            }

            // the CSV holds the per-trial values; the summary is their mean / median / min / max, by hand
            List<CSVRecord> rows;
            try (Reader in = Files.newBufferedReader(run.resolve(TrialsRun.CSV))) {
                rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
            }
            assertEquals(3, rows.size());
            double[] piece = rows.stream().mapToDouble(x -> Double.parseDouble(x.get("piece_accuracy"))).toArray();
            double[] window = rows.stream().mapToDouble(x -> Double.parseDouble(x.get("window_accuracy"))).toArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(r.trials().get(i).pieceAccuracy(), piece[i], 1e-6);
                assertEquals(r.trials().get(i).windowAccuracy(), window[i], 1e-6);
                assertEquals(7 + i, Long.parseLong(rows.get(i).get("seed")));
            }
            assertSummary(piece, r.summary().get("piece accuracy"));
            assertSummary(window, r.summary().get("window accuracy"));
            double[] mostFrequent = rows.stream().mapToDouble(x -> Double.parseDouble(x.get("piece_most_frequent")))
                    .toArray();
            assertSummary(mostFrequent, r.summary().get("piece most-frequent"));

            String md = Files.readString(run.resolve(TrialsRun.MARKDOWN));
            double mean = (window[0] + window[1] + window[2]) / 3;
            assertTrue(md.contains(String.format(Locale.ROOT, "%.1f %%", 100 * mean)), md);
            assertTrue(md.contains("| mean |") && md.contains("| median |") && md.contains("| minimum |")
                    && md.contains("| maximum |"), md);
            assertTrue(md.contains("own random split"), md);
            Pictures.assertValidNonBlankPng(run.resolve(TrialsRun.PNG));

            // rerun: every trial is complete and skipped, with the same figures
            log.clear();
            TrialsRun.Result again = TrialsRun.run(ws, SyntheticCorpus.PIPELINE, dataset, config, 3, run,
                    TrainingListener.NONE, log::add);
            assertEquals(List.of(1, 2, 3), again.skipped(), String.join("\n", log));
            assertEquals(r.trials(), again.trials());

            // a trial whose evaluation was lost is evaluated again without training again
            Path history = run.resolve("trial-02/history.csv");
            String before = Files.readString(history);
            Files.delete(run.resolve("trial-02").resolve(TrialsRun.TRIAL_FILE));
            log.clear();
            TrialsRun.Result resumed = TrialsRun.run(ws, SyntheticCorpus.PIPELINE, dataset, config, 3, run,
                    TrainingListener.NONE, log::add);
            assertEquals(List.of(1, 3), resumed.skipped(), String.join("\n", log));
            assertEquals(before, Files.readString(history), "the finished training is not redone");
            assertEquals(r.trials().get(1), resumed.trials().get(1), "same model, same test split, same figures");

            // another seed in the same folder is refused rather than mixed in
            TrainingConfig other = config.toBuilder().optSeed(1000).build();
            assertThrows(org.cadenza.io.BadInputException.class, () -> TrialsRun.run(ws, SyntheticCorpus.PIPELINE,
                    dataset, other, 1, run, TrainingListener.NONE, log::add));
        }
    }

    @Test
    void withASplitFileOnlyTheTrainingSeedChanges(@TempDir Path tmp) throws Exception {
        try (Workspace ws = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("ws"))) {
            StringBuilder split = new StringBuilder("path,split\n");
            for (String c : new String[] {"basso", "soprano"}) {
                for (int k = 0; k < 6; k++) {
                    split.append(c).append("/p").append(k).append(".mid,")
                            .append(k < 4 ? "train" : k == 4 ? "val" : "test").append('\n');
                }
            }
            Path csv = Files.writeString(tmp.resolve("split.csv"), split);
            DatasetSpec dataset = DatasetSpec.builder()
                    .optSplitSource(new SplitSource.FromFile(csv, tmp.resolve("dsA"))).build();
            Path run = tmp.resolve("run");
            List<String> log = new ArrayList<>();
            TrialsRun.Result r = TrialsRun.run(ws, SyntheticCorpus.PIPELINE, dataset,
                    TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(1).build(), 2, run,
                    TrainingListener.NONE, log::add);
            assertFalse(r.splitRedrawn());
            assertEquals(List.of(42L, 43L), r.trials().stream().map(TrialsRun.Trial::seed).toList());
            assertEquals(List.of(42L, 42L), r.trials().stream().map(TrialsRun.Trial::splitSeed).toList());
            assertTrue(log.get(0).contains("only the training seed changes"), log.toString());
            assertEquals(Files.readString(run.resolve("trial-01/test-windows.csv")),
                    Files.readString(run.resolve("trial-02/test-windows.csv")), "the same test set in every trial");
            assertTrue(Files.readString(run.resolve(TrialsRun.MARKDOWN)).contains("only the training seed changes"));
        }
    }

    private static void assertSummary(double[] values, TrialSummary s) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertEquals(3, s.count());
        assertEquals((values[0] + values[1] + values[2]) / 3, s.mean(), 1e-6);
        assertEquals(sorted[1], s.median(), 1e-6);
        assertEquals(sorted[0], s.min(), 1e-6);
        assertEquals(sorted[2], s.max(), 1e-6);
        assertFalse(Double.isNaN(s.standardDeviation()));
    }
}
