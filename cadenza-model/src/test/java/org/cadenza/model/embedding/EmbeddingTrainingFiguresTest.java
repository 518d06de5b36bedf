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
        assertPinned("triplet batch-hard", train(config(Objective.TRIPLET, Mining.BATCH_HARD, 4), dir));
    }

    @Test
    void semiHardTripletFiguresArePinned(@TempDir Path dir) {
        assertPinned("triplet semi-hard", train(config(Objective.TRIPLET, Mining.SEMI_HARD, 4), dir));
    }

    @Test
    void softmaxFiguresArePinned(@TempDir Path dir) {
        assertPinned("softmax", train(config(Objective.SOFTMAX, Mining.BATCH_HARD, 4), dir));
    }

    @Test
    void aKilledRunResumesToTheUninterruptedHistory(@TempDir Path dir) {
        EmbeddingWindows train = EmbeddingTrainingTest.corpus(3, 2, "t");
        EmbeddingWindows val = EmbeddingTrainingTest.corpus(2, 3, "v");
        EmbeddingConfig cfg = config(Objective.TRIPLET, Mining.BATCH_HARD, 4);
        assertResumes(dir, (run, listener) -> EmbeddingTraining.train(train, val, cfg, run, listener),
                new int[] {3, 2});
    }
}
