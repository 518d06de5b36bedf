package org.cadenza.model.embedding;

import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.PinnedHistory;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Embedding training on feature vectors drawn around one centre per composer: separable, so it must separate them.
 * Deterministic: seed 42 and one PyTorch thread (the pom sets it for Maven runs; {@link #oneThread} for a run that
 * loads the engine here first), so the same figures come out every run.
 */
class EmbeddingTrainingTest {

    /** Effective only when this class is the first to load the engine (PyTorch reads its thread count once). */
    @BeforeAll
    static void oneThread() {
        ModelRuntime.setThreads(1);
    }

    private static final int DIM = 16;
    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** {@code pieces} pieces per class, 12 windows each, around class centres fixed by seed 1. */
    static EmbeddingWindows corpus(int pieces, long seed, String tag) {
        Random centres = new Random(1);
        float[][] centre = new float[CLASSES.size()][DIM];
        for (float[] c : centre) {
            for (int j = 0; j < DIM; j++) {
                c[j] = (float) centres.nextGaussian() * 2;
            }
        }
        Random rng = new Random(seed);
        List<float[]> windows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> pieceOf = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            for (int p = 0; p < pieces; p++) {
                float[] offset = new float[DIM];
                for (int j = 0; j < DIM; j++) {
                    offset[j] = (float) rng.nextGaussian() * 0.5f;
                }
                for (int w = 0; w < 12; w++) {
                    float[] x = new float[DIM];
                    for (int j = 0; j < DIM; j++) {
                        x[j] = centre[c][j] + offset[j] + (float) rng.nextGaussian() * 0.7f;
                    }
                    windows.add(x);
                    labels.add(c);
                    pieceOf.add(tag + c + "-" + p);
                }
            }
        }
        return new EmbeddingWindows(new InMemoryWindows(CLASSES, 1, DIM, windows,
                labels.stream().mapToInt(Integer::intValue).toArray()), pieceOf);
    }

    private static EmbeddingConfig config(Objective objective, int epochs) {
        return EmbeddingConfig.builder().optObjective(objective).optHidden(List.of(32)).optDimensions(8)
                .optComposersPerBatch(3).optWindowsPerComposer(6).optEpochs(epochs).optPatience(0)
                .optMaxLearningRate(3e-3).optSeed(42).build();
    }

    @Test
    void tripletTrainingSeparatesTheComposers(@TempDir Path dir) {
        EmbeddingTraining.Result r = EmbeddingTraining.train(corpus(4, 2, "t"), corpus(2, 3, "v"),
                config(Objective.TRIPLET, 6), dir, TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(6, r.history().size());
        EpochRecord best = r.history().get(r.bestEpoch() - 1);
        assertEquals(1.0, best.valAccuracy(), 1e-9, "every validation piece nearest its composer's anchor");
        assertTrue(Files.exists(r.bestWeights()));
        assertTrue(Files.exists(dir.resolve("history.csv")));
        assertTrue(r.history().get(5).trainLoss() < r.history().get(0).trainLoss(), "the triplet loss falls");
    }

    @Test
    void softmaxTrainingAlsoSeparatesThem(@TempDir Path dir) {
        EmbeddingTraining.Result r = EmbeddingTraining.train(corpus(4, 2, "t"), corpus(2, 3, "v"),
                config(Objective.SOFTMAX, 4), dir, TrainingListener.NONE);
        assertEquals(1.0, r.history().get(r.bestEpoch() - 1).valAccuracy(), 1e-9);
        // seed 42 reaches a training accuracy of 0.99 and a loss of 0.03 (from 1.7) in epoch 4: the bounds leave a
        // wide margin, and a head that does not learn stays near chance (1/3) and its starting loss
        EpochRecord first = r.history().get(0);
        EpochRecord last = r.history().get(3);
        assertTrue(last.trainAccuracy() > 0.6, "the classifier head learns the training windows: accuracy "
                + last.trainAccuracy() + " in epoch 4 (chance 0.33)");
        assertTrue(last.trainLoss() < 0.5 * first.trainLoss(), "the cross-entropy falls: " + first.trainLoss()
                + " in epoch 1, " + last.trainLoss() + " in epoch 4");
    }

    @Test
    void anInterruptedRunResumesToTheSameResult(@TempDir Path dir) {
        EmbeddingWindows train = corpus(3, 2, "t");
        EmbeddingWindows val = corpus(1, 3, "v");
        EmbeddingConfig cfg = config(Objective.TRIPLET, 3);
        EmbeddingTraining.Result whole = EmbeddingTraining.train(train, val, cfg, dir.resolve("whole"),
                TrainingListener.NONE);
        TrainingListener stopAfterFirst = PinnedHistory.stopAfter(1);
        EmbeddingTraining.Result first = EmbeddingTraining.train(train, val, cfg, dir.resolve("split"),
                stopAfterFirst);
        assertEquals(TrainingResult.Status.INTERRUPTED, first.status());
        assertEquals(1, first.history().size());
        EmbeddingTraining.Result resumed = EmbeddingTraining.train(train, val, cfg, dir.resolve("split"),
                TrainingListener.NONE);
        assertEquals(3, resumed.history().size());
        for (int e = 0; e < 3; e++) {
            assertEquals(whole.history().get(e).trainLoss(), resumed.history().get(e).trainLoss(), 1e-4);
            assertEquals(whole.history().get(e).valLoss(), resumed.history().get(e).valLoss(), 1e-4);
        }
        assertThrows(RuntimeException.class, () -> EmbeddingTraining.train(train, val,
                cfg.toBuilder().optMargin(0.5).build(), dir.resolve("split"), TrainingListener.NONE),
                "a folder trained with another configuration is refused");
    }
}
