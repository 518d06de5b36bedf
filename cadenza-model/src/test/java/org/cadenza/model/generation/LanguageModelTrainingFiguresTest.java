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
        assertPinned("language model", whole);
        assertEquals(TrainingResult.Status.COMPLETED, whole.status());
    }
}
