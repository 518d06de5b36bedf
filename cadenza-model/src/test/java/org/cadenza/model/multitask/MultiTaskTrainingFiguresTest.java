package org.cadenza.model.multitask;

import org.cadenza.model.Synthetic;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.cadenza.model.train.PinnedHistory.assertPinned;
import static org.cadenza.model.train.PinnedHistory.assertResumes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Same seed, same figures for the multi-task training (pinned to 1e-6), and exact resume after a kill. */
class MultiTaskTrainingFiguresTest {

    private static MultiTaskConfig config(Heads heads, TrainingConfig.StopMetric stopOn) {
        return new MultiTaskConfig(Synthetic.smallTraining().optStopMetric(stopOn).build(), heads, 0.7);
    }

    /** Trains on 64 windows drawn with {@code trainSeed}, validates on 24 drawn with {@code valSeed}. */
    private static MultiTaskTraining.Result train(long trainSeed, long valSeed, Heads heads,
            TrainingConfig.StopMetric stopOn, Path dir) {
        return MultiTaskTraining.train(MultiTaskTrainingTest.corpus(64, trainSeed),
                MultiTaskTrainingTest.corpus(24, valSeed), config(heads, stopOn), dir, TrainingListener.NONE);
    }

    @Test
    void bothHeadsFiguresArePinned(@TempDir Path dir) {
        MultiTaskTraining.Result r = train(1, 2, Heads.COMPOSER_AND_INSTRUMENTS, TrainingConfig.StopMetric.VAL_LOSS,
                dir);
        assertPinned("multi-task, both heads", BOTH, BOTH_BEST, r);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
    }

    @Test
    void instrumentHeadFiguresArePinned(@TempDir Path dir) {
        assertPinned("multi-task, instruments", INSTRUMENTS, INSTRUMENTS_BEST,
                train(3, 4, Heads.INSTRUMENTS, TrainingConfig.StopMetric.VAL_ACCURACY, dir));
    }

    @Test
    void aKilledRunResumesToTheUninterruptedHistory(@TempDir Path dir) {
        MultiLabelWindows train = MultiTaskTrainingTest.corpus(64, 1);
        MultiLabelWindows val = MultiTaskTrainingTest.corpus(24, 2);
        MultiTaskConfig cfg = config(Heads.COMPOSER_AND_INSTRUMENTS, TrainingConfig.StopMetric.VAL_LOSS);
        assertResumes(dir, (run, listener) -> MultiTaskTraining.train(train, val, cfg, run, listener),
                new int[] {2, 3});
    }

    // Per epoch {train loss, train accuracy, validation loss, validation accuracy, learning rate}, recorded with the
    // epoch loop as it was before TrainingLoop (commit 25d6e2f), one PyTorch thread, DJL 0.32 / PyTorch 2.5.1 on CPU.
    static final double[][] BOTH = {
            {1.269124061, 0.2187500000, 0.7944097916, 0.2083333333, 0.002280000000},
            {0.9228409380, 0.4687500000, 0.8310271104, 0.2083333333, 0.001833786066},
            {0.4822350293, 0.6250000000, 0.5112653573, 0.3333333333, 1.200000000e-08},
    };
    static final int BOTH_BEST = 3;
    static final double[][] INSTRUMENTS = {
            {0.6156177819, 0.2656250000, 0.5114108622, 0.1666666667, 0.002280000000},
            {0.2841729186, 0.5156250000, 0.2213356743, 0.7500000000, 0.001833786066},
            {0.2637342699, 0.5625000000, 0.1299823423, 0.7916666667, 1.200000000e-08},
    };
    static final int INSTRUMENTS_BEST = 3;
}
