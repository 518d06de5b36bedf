package org.cadenza.model.generation;

import org.cadenza.features.tokens.NoteTokenizer;
import org.cadenza.features.tokens.TokenizerParams;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.cadenza.model.train.PinnedHistory.assertPinned;
import static org.cadenza.model.train.PinnedHistory.assertResumes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Same seed, same figures for the language-model training (dropout and gradient clipping on; pinned to 1e-6), and
 * exact resume after a kill.
 */
class LanguageModelTrainingFiguresTest {

    private static final int VOCABULARY = new NoteTokenizer(TokenizerParams.defaults(), List.of()).vocabulary()
            .size();
    private static final LanguageModelConfig CFG = LanguageModelConfig.defaults().withSize(16, 32, 2, 24)
            .withDropout(0.2).withTraining(24, 8, 3000, 4, 2, 1e-2, 5);

    private static LanguageModelTraining.Result train(Path dir, TrainingListener listener) {
        return LanguageModelTraining.train(LanguageModelTest.pieces(5, 50), LanguageModelTest.pieces(2, 40), CFG,
                VOCABULARY, dir, listener);
    }

    @Test
    void figuresArePinnedAndAKilledRunResumesToThem(@TempDir Path dir) {
        LanguageModelTraining.Result whole = assertResumes(dir, LanguageModelTrainingFiguresTest::train,
                new int[] {2, 5}).whole();
        assertPinned("language model", FIGURES, BEST, whole);
        assertEquals(TrainingResult.Status.COMPLETED, whole.status());
    }

    // Per epoch {train loss, train accuracy, validation loss, validation accuracy, learning rate}, recorded with the
    // epoch loop as it was before TrainingLoop (commit 25d6e2f), one PyTorch thread, DJL 0.32 / PyTorch 2.5.1 on CPU.
    static final double[][] FIGURES = {
            {4.602614284, 0.1699218750, 2.179968760, 0.5061224490, 0.009397371167},
            {1.907088980, 0.4651692708, 1.434133226, 0.6122448980, 0.005958569325},
            {1.323051669, 0.6250000000, 1.241784668, 0.6204081633, 0.001821413973},
            {1.257895388, 0.6383463542, 1.217485202, 0.6612244898, 4.000000000e-08},
    };
    static final int BEST = 4;
}
