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
        assertPinned("multi-task both heads", r);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
    }

    @Test
    void instrumentHeadFiguresArePinned(@TempDir Path dir) {
        assertPinned("multi-task instruments", train(3, 4, Heads.INSTRUMENTS, TrainingConfig.StopMetric.VAL_ACCURACY,
                dir));
    }

    @Test
    void aKilledRunResumesToTheUninterruptedHistory(@TempDir Path dir) {
        MultiLabelWindows train = MultiTaskTrainingTest.corpus(64, 1);
        MultiLabelWindows val = MultiTaskTrainingTest.corpus(24, 2);
        MultiTaskConfig cfg = config(Heads.COMPOSER_AND_INSTRUMENTS, TrainingConfig.StopMetric.VAL_LOSS);
        assertResumes(dir, (run, listener) -> MultiTaskTraining.train(train, val, cfg, run, listener),
                new int[] {2, 3});
    }
}
