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
        assertPinned("AdamW classifier", ADAMW, ADAMW_BEST, r);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
    }

    @Test
    void sgdWithClassWeightsStoppedEarlyOnAccuracyIsPinned() {
        TrainingConfig cfg = Synthetic.smallTraining().optOptimizer(TrainingConfig.OptimizerKind.SGD)
                .optMaxLearningRate(0.05).optClassWeights(true).optEpochs(8).optPatience(1).optWarmupFraction(0.2)
                .optAnneal(TrainingConfig.Anneal.LINEAR).optStopMetric(TrainingConfig.StopMetric.VAL_ACCURACY)
                .build();
        TrainingResult r = ClassifierTraining.train(TRAIN, VAL, cfg, tmp.resolve("s"), TrainingListener.NONE);
        assertPinned("SGD classifier", SGD, SGD_BEST, r);
        assertEquals(SGD_STATUS, r.status());
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

    // Per epoch {train loss, train accuracy, validation loss, validation accuracy, learning rate}, recorded with the
    // epoch loop as it was before TrainingLoop (commit 25d6e2f), one PyTorch thread, DJL 0.32 / PyTorch 2.5.1 on CPU.
    static final double[][] ADAMW = {
            {1.023282737, 0.7187500000, 1.582337443, 0.5333333333, 0.003000000000},
            {0.2632317822, 0.8958333333, 1.816626549, 0.6666666667, 0.001500006000},
            {0.2893829209, 0.8750000000, 0.01555971553, 1.000000000, 1.200000000e-08},
    };
    static final int ADAMW_BEST = 3;
    static final double[][] SGD = {
            {1.120116681, 0.6770833333, 0.8944748561, 0.6666666667, 0.02600000000},
            {0.1942936784, 0.9270833333, 0.1530611197, 0.9000000000, 0.04864865405},
            {0.2969060087, 0.8645833333, 0.0001290885732, 1.000000000, 0.04054057838},
            {0.1361325979, 0.9166666667, 1.033140446e-06, 1.000000000, 0.03243250270},
    };
    static final TrainingResult.Status SGD_STATUS = TrainingResult.Status.STOPPED_EARLY;
    static final int SGD_BEST = 3;
}
