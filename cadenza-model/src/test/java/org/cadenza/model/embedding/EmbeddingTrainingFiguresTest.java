package org.cadenza.model.embedding;

import org.cadenza.model.ModelRuntime;
import org.cadenza.model.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.cadenza.model.train.PinnedHistory.assertPinned;
import static org.cadenza.model.train.PinnedHistory.assertResumes;

/** Same seed, same figures for the embedding training (pinned to 1e-6), and exact resume after a kill. */
class EmbeddingTrainingFiguresTest {

    /** Effective only when this class is the first to load the engine (PyTorch reads its thread count once). */
    @BeforeAll
    static void oneThread() {
        ModelRuntime.setThreads(1);
    }

    private static EmbeddingConfig config(Objective objective, Mining mining, int epochs) {
        return EmbeddingConfig.builder().optObjective(objective).optMining(mining).optHidden(List.of(32))
                .optDimensions(8).optComposersPerBatch(3).optWindowsPerComposer(6).optEpochs(epochs).optPatience(0)
                .optMaxLearningRate(3e-3).optSeed(42).build();
    }

    private static EmbeddingTraining.Result train(EmbeddingConfig cfg, Path dir) {
        return EmbeddingTraining.train(EmbeddingTrainingTest.corpus(3, 2, "t"), EmbeddingTrainingTest.corpus(2, 3, "v"),
                cfg, dir, TrainingListener.NONE);
    }

    @Test
    void batchHardTripletFiguresArePinned(@TempDir Path dir) {
        assertPinned("triplet, batch-hard", BATCH_HARD, BATCH_HARD_BEST,
                train(config(Objective.TRIPLET, Mining.BATCH_HARD, 4), dir));
    }

    @Test
    void semiHardTripletFiguresArePinned(@TempDir Path dir) {
        assertPinned("triplet, semi-hard", SEMI_HARD, SEMI_HARD_BEST,
                train(config(Objective.TRIPLET, Mining.SEMI_HARD, 4), dir));
    }

    @Test
    void softmaxFiguresArePinned(@TempDir Path dir) {
        assertPinned("softmax", SOFTMAX, SOFTMAX_BEST, train(config(Objective.SOFTMAX, Mining.BATCH_HARD, 4), dir));
    }

    @Test
    void aKilledRunResumesToTheUninterruptedHistory(@TempDir Path dir) {
        EmbeddingWindows train = EmbeddingTrainingTest.corpus(3, 2, "t");
        EmbeddingWindows val = EmbeddingTrainingTest.corpus(2, 3, "v");
        EmbeddingConfig cfg = config(Objective.TRIPLET, Mining.BATCH_HARD, 4);
        assertResumes(dir, (run, listener) -> EmbeddingTraining.train(train, val, cfg, run, listener),
                new int[] {3, 2});
    }

    // Per epoch {train loss, train accuracy, validation loss, validation accuracy, learning rate}, recorded with the
    // epoch loop as it was before TrainingLoop (commit 25d6e2f), one PyTorch thread, DJL 0.32 / PyTorch 2.5.1 on CPU.
    static final double[][] BATCH_HARD = {
            {0.5289944957, 0.1018518519, 0.2646360166, 1.000000000, 0.002177142857},
            {0.3717525030, 0.1388888889, 0.2411368344, 1.000000000, 0.002560661929},
            {0.1446520028, 0.4722222222, 0.2258433066, 1.000000000, 0.0009259831476},
            {0.1399150255, 0.3981481481, 0.2306141996, 1.000000000, 1.200000000e-08},
    };
    static final int BATCH_HARD_BEST = 3;
    static final double[][] SEMI_HARD = {
            {0.09275671095, 0.3500000000, 0.2616341527, 1.000000000, 0.002177142857},
            {0.06532764621, 0.5148148148, 0.2355270363, 1.000000000, 0.002560661929},
            {0.02378797438, 0.7962962963, 0.2220915625, 1.000000000, 0.0009259831476},
            {0.02463835478, 0.7759259259, 0.2276737181, 1.000000000, 1.200000000e-08},
    };
    static final int SEMI_HARD_BEST = 3;
    static final double[][] SOFTMAX = {
            {2.255857348, 0.6296296296, 0.2811061257, 1.000000000, 0.002177142857},
            {0.5541386722, 0.8518518519, 0.2858838571, 1.000000000, 0.002560661929},
            {0.1038033543, 0.9722222222, 0.2817958838, 1.000000000, 0.0009259831476},
            {0.08241958668, 0.9722222222, 0.2869040416, 1.000000000, 1.200000000e-08},
    };
    static final int SOFTMAX_BEST = 1;
}
