package org.cadenza.model.train;

import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.cadenza.model.train.PinnedHistory.assertPinned;
import static org.cadenza.model.train.PinnedHistory.assertResumes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Same seed, same figures: the classifier's learning curves on the synthetic problem are pinned to 1e-6 (one
 * PyTorch thread, as the pom sets), and a run killed mid-epoch, twice, resumes to the uninterrupted run's history.
 */
class ClassifierTrainingFiguresTest {

    static final InMemoryWindows TRAIN = Synthetic.windows(96, 1);
    static final InMemoryWindows VAL = Synthetic.windows(30, 2);

    @TempDir
    Path tmp;

    @Test
    void adamWFiguresArePinned() {
        TrainingResult r = ClassifierTraining.train(TRAIN, VAL, Synthetic.smallTraining().build(), tmp.resolve("a"),
                TrainingListener.NONE);
        assertPinned("AdamW classifier", r);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
    }

    @Test
    void sgdWithClassWeightsStoppedEarlyOnAccuracyIsPinned() {
        TrainingConfig cfg = Synthetic.smallTraining().optOptimizer(TrainingConfig.OptimizerKind.SGD)
                .optMaxLearningRate(0.05).optClassWeights(true).optEpochs(8).optPatience(1).optWarmupFraction(0.2)
                .optAnneal(TrainingConfig.Anneal.LINEAR).optStopMetric(TrainingConfig.StopMetric.VAL_ACCURACY)
                .build();
        TrainingResult r = ClassifierTraining.train(TRAIN, VAL, cfg, tmp.resolve("s"), TrainingListener.NONE);
        assertPinned("SGD classifier", r);
        assertEquals(TrainingResult.Status.STOPPED_EARLY, r.status());
    }

    @Test
    void aRunKilledTwiceMidEpochResumesToTheUninterruptedHistory() throws Exception {
        TrainingConfig cfg = Synthetic.smallTraining().build();
        // killed in epoch 1, before any checkpoint: the rerun starts afresh;
        // killed in epoch 3, after two checkpoints: the rerun redoes epoch 3 from its start
        TrainingResult resumed = assertResumes(tmp,
                (run, listener) -> ClassifierTraining.train(TRAIN, VAL, cfg, run, listener),
                new int[] {1, 3}, new int[] {3, 2}).resumed();
        assertEquals(2, resumed.resumedAfterEpoch());
        Path run = tmp.resolve("killed");
        assertEquals(Files.readAllLines(tmp.resolve("whole/history.csv")).size(),
                Files.readAllLines(run.resolve("history.csv")).size());
        assertFalse(Files.exists(ClassifierTraining.optimizerFile(run, 2)), "only the last optimizer state is kept");
    }
}
