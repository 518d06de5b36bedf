package org.cadenza.model.train;

import org.cadenza.io.CadenzaException;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.Synthetic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Determinism, checkpoints, resume, early stopping and the learning-rate finder on a small synthetic problem. */
class TrainingTest {

    static InMemoryWindows train;
    static InMemoryWindows val;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() {
        train = Synthetic.windows(96, 1);
        val = Synthetic.windows(30, 2);
    }

    @Test
    void sameSeedSameHistoryOtherSeedOtherHistory() {
        TrainingConfig cfg = Synthetic.smallTraining().build();
        TrainingResult a = ClassifierTraining.train(train, val, cfg, tmp.resolve("a"), TrainingListener.NONE);
        TrainingResult b = ClassifierTraining.train(train, val, cfg, tmp.resolve("b"), TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, a.status());
        assertEquals(3, a.history().size());
        for (int i = 0; i < 3; i++) {
            EpochRecord x = a.history().get(i);
            EpochRecord y = b.history().get(i);
            // documented tolerance: 1e-5 nats (bit-identical in practice on one machine)
            assertEquals(x.trainLoss(), y.trainLoss(), 1e-5, "epoch " + (i + 1));
            assertEquals(x.valLoss(), y.valLoss(), 1e-5, "epoch " + (i + 1));
            assertEquals(x.valAccuracy(), y.valAccuracy(), 1e-9, "epoch " + (i + 1));
        }
        TrainingResult c = ClassifierTraining.train(train, val, cfg.toBuilder().optSeed(7).build(), tmp.resolve("c"),
                TrainingListener.NONE);
        assertNotEquals(a.history().get(0).trainLoss(), c.history().get(0).trainLoss());
    }

    @Test
    void interruptedSgdRunResumesExactly() throws Exception {
        resumesExactly(Synthetic.smallTraining().optOptimizer(TrainingConfig.OptimizerKind.SGD).optMaxLearningRate(0.05)
                .build());
    }

    @Test
    void interruptedAdamWRunResumesExactly() throws Exception {
        resumesExactly(Synthetic.smallTraining().build());
    }

    private void resumesExactly(TrainingConfig cfg) throws Exception {
        TrainingResult whole = ClassifierTraining.train(train, val, cfg, tmp.resolve("whole"), TrainingListener.NONE);

        Path run = tmp.resolve("run");
        // stop after epoch 1
        TrainingResult first = ClassifierTraining.train(train, val, cfg, run, PinnedHistory.stopAfter(1));
        assertEquals(TrainingResult.Status.INTERRUPTED, first.status());
        assertEquals(1, first.history().size());
        // stop in the middle of epoch 2: epoch 2 is not recorded
        TrainingResult partial = ClassifierTraining.train(train, val, cfg, run,
                PinnedHistory.stopAfter(Integer.MAX_VALUE, 2));
        assertEquals(TrainingResult.Status.INTERRUPTED, partial.status());
        assertEquals(1, partial.history().size());
        List<Integer> startedAt = new ArrayList<>();
        TrainingResult rest = ClassifierTraining.train(train, val, cfg, run, new TrainingListener() {
            @Override
            public void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
                startedAt.add(firstEpoch);
            }
        });
        assertEquals(List.of(2), startedAt);
        assertEquals(1, rest.resumedAfterEpoch());
        assertEquals(TrainingResult.Status.COMPLETED, rest.status());
        assertEquals(List.of(1, 2, 3), rest.history().stream().map(EpochRecord::epoch).toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(whole.history().get(i).trainLoss(), rest.history().get(i).trainLoss(), 1e-5,
                    "epoch " + (i + 1));
            assertEquals(whole.history().get(i).valLoss(), rest.history().get(i).valLoss(), 1e-5, "epoch " + (i + 1));
            assertEquals(whole.history().get(i).learningRate(), rest.history().get(i).learningRate(), 1e-12);
        }
        List<String> csv = Files.readAllLines(run.resolve("history.csv"));
        assertEquals(EpochRecord.CSV_HEADER, csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(Files.exists(rest.bestWeights()));
        // a finished run is not trained again
        TrainingResult again = ClassifierTraining.train(train, val, cfg, run, new TrainingListener() {
            @Override
            public void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
                startedAt.add(firstEpoch);
            }
        });
        assertEquals(List.of(2), startedAt);
        assertEquals(rest.history(), again.history());
        // another configuration in the same folder is refused
        var e = assertThrows(CadenzaException.class, () -> ClassifierTraining.train(train, val,
                cfg.toBuilder().optSeed(1).build(), run, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
    }

    @Test
    void earlyStoppingKeepsTheBestEpochAndOnlyTheNeededWeights() throws Exception {
        TrainingConfig cfg = Synthetic.smallTraining().optEpochs(8).optPatience(1)
                .optStopMetric(TrainingConfig.StopMetric.VAL_ACCURACY).build();
        Path run = tmp.resolve("early");
        TrainingResult r = ClassifierTraining.train(train, val, cfg, run, TrainingListener.NONE);
        assertEquals(TrainingResult.Status.STOPPED_EARLY, r.status());
        assertEquals(r.history().size() - 1, r.bestEpoch());
        double bestAcc = r.history().stream().mapToDouble(EpochRecord::valAccuracy).max().orElseThrow();
        assertEquals(bestAcc, r.best().valAccuracy());
        try (var files = Files.list(run.resolve(ClassifierTraining.CHECKPOINT))) {
            List<String> params = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".params"))
                    .sorted().toList();
            assertEquals(List.of(String.format("epoch-%04d.params", r.bestEpoch()),
                    String.format("epoch-%04d.params", r.history().size())), params);
        }
    }

    @Test
    void learningRateFinderCoversTheRangeAndSuggestsInside() {
        TrainingConfig cfg = Synthetic.smallTraining().build();
        LearningRateFinder.Result r = LearningRateFinder.find(train, cfg, 1e-5, 1, 24);
        assertTrue(r.points().size() >= 5 && r.points().size() <= 24, "points " + r.points().size());
        assertEquals(1e-5, r.points().get(0).learningRate(), 1e-15);
        for (int i = 1; i < r.points().size(); i++) {
            assertTrue(r.points().get(i).learningRate() > r.points().get(i - 1).learningRate());
        }
        assertTrue(r.suggestedLr() >= 1e-5 && r.suggestedLr() <= 1, "suggested " + r.suggestedLr());
        assertTrue(r.minLossLr() >= r.suggestedLr() / 10 - 1e-15, "suggestion far below the minimum");
        assertFalse(r.points().stream().anyMatch(p -> !Double.isFinite(p.smoothedLoss())));
    }

    @Test
    void suggestionIsTheSteepestDescent() {
        List<LearningRateFinder.Point> pts = List.of(
                new LearningRateFinder.Point(1e-4, 2, 2.0), new LearningRateFinder.Point(1e-3, 2, 1.9),
                new LearningRateFinder.Point(1e-2, 1, 1.0), new LearningRateFinder.Point(1e-1, 1, 0.8),
                new LearningRateFinder.Point(1, 1, 0.7), new LearningRateFinder.Point(10, 5, 5.0));
        LearningRateFinder.Result r = LearningRateFinder.suggest(pts);
        assertEquals(1, r.minLossLr());
        // central slopes: at 1e-3 (1.0-2.0)/2 = -0.5 per decade, at 1e-2 (0.8-1.9)/2 = -0.55, at 1e-1 -0.15
        assertEquals(1e-2, r.steepestLr());
    }
}
