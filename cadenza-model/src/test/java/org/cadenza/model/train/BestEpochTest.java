package org.cadenza.model.train;

import org.cadenza.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept epoch and early stopping follow the documented {@link BestEpoch} choice. */
class BestEpochTest {

    private static EpochRecord epoch(int n, double valLoss, double valAccuracy) {
        return new EpochRecord(n, 1, 0.5, valLoss, valAccuracy, 1e-3, 1);
    }

    /** The state after epochs of (validation loss, validation accuracy), judged by {@code choice}, patience 2. */
    private static TrainingState run(BestEpoch choice, double[][] epochs) {
        TrainingState s = new TrainingState(0, 0, Double.NaN, 0, List.of(), TrainingState.RUNNING);
        for (int i = 0; i < epochs.length && TrainingState.RUNNING.equals(s.status()); i++) {
            EpochRecord r = epoch(i + 1, epochs[i][0], epochs[i][1]);
            s = s.next(r, choice.improves(r, s), choice.score(r), 2, 10);
        }
        return s;
    }

    private static final double[][] CURVE = {{1.0, 0.5}, {0.8, 0.7}, {0.6, 0.7}, {0.9, 0.7}, {0.7, 0.6}, {0.5, 0.6}};

    @Test
    void eachChoiceKeepsItsEpoch() {
        // loss: 0.6 in epoch 3, then two epochs above it stop the run after epoch 5
        TrainingState loss = run(BestEpoch.VAL_LOSS, CURVE);
        assertEquals(3, loss.bestEpoch());
        assertEquals(0.6, loss.bestScore());
        assertEquals(TrainingResult.Status.STOPPED_EARLY.name(), loss.status());
        assertEquals(5, loss.epochsDone());
        // accuracy: 0.7 first reached in epoch 2; epochs 3 and 4 only tie it and stop the run
        TrainingState accuracy = run(BestEpoch.VAL_ACCURACY, CURVE);
        assertEquals(2, accuracy.bestEpoch());
        assertEquals(4, accuracy.epochsDone());
        // accuracy, ties to the lower loss: epoch 3 (0.7 at loss 0.6) beats epoch 2 (0.7 at loss 0.8)
        TrainingState tie = run(BestEpoch.VAL_ACCURACY_THEN_LOSS, CURVE);
        assertEquals(3, tie.bestEpoch());
        assertEquals(0.7, tie.bestScore());
        // last: every epoch improves, patience never stops the run
        TrainingState last = run(BestEpoch.LAST_EPOCH, CURVE);
        assertEquals(6, last.bestEpoch());
        assertEquals(6, last.epochsDone());
        assertEquals(TrainingState.RUNNING, last.status());
    }

    @Test
    void theStopMetricsMapToTheirChoice() {
        assertEquals(BestEpoch.VAL_LOSS, BestEpoch.of(TrainingConfig.StopMetric.VAL_LOSS));
        assertEquals(BestEpoch.VAL_ACCURACY, BestEpoch.of(TrainingConfig.StopMetric.VAL_ACCURACY));
        assertEquals(BestEpoch.LAST_EPOCH, BestEpoch.of(TrainingConfig.StopMetric.LAST_EPOCH));
        assertEquals(TrainingConfig.StopMetric.VAL_LOSS, TrainingConfig.builder().build().stopMetric(),
                "the default stays the validation loss");
    }

    @Test
    void aClassifierStoppingOnTheLastEpochKeepsItAndIgnoresPatience(@TempDir Path dir) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optBatchSize(16)
                .optEpochs(3).optMaxLearningRate(3e-3).optPatience(1)
                .optStopMetric(TrainingConfig.StopMetric.LAST_EPOCH).build();
        TrainingResult r = ClassifierTraining.train(ClassifierTrainingFiguresTest.TRAIN,
                ClassifierTrainingFiguresTest.VAL, cfg, dir, TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(3, r.bestEpoch());
        assertEquals(ClassifierTraining.weightsFile(dir, 3), r.bestWeights());
        // the same figures as the pinned run with the default stop metric: the choice only picks the kept epoch
        PinnedHistory.assertPinned("AdamW classifier, last epoch", PinnedHistory.figures("AdamW classifier"),
                r.history());
        assertTrue(Files.exists(r.bestWeights()));
        assertFalse(Files.exists(ClassifierTraining.weightsFile(dir, 1)), "only the last epoch's weights are kept");
    }
}
