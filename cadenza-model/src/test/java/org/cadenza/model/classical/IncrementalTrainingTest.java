package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tribuo.ensemble.WeightedEnsembleModel;

class IncrementalTrainingTest {

    private static final FeatureTable TEST = Blobs.table(30, 2);

    /** Three chunks made on demand (as if read from disk), counting the passes. */
    private static final class Chunks implements Iterable<FeatureTable> {
        final AtomicInteger passes = new AtomicInteger();

        @Override
        public Iterator<FeatureTable> iterator() {
            passes.incrementAndGet();
            return List.of(10L, 11L, 12L).stream().map(seed -> Blobs.table(20, seed)).iterator();
        }
    }

    private static FeatureTable all() {
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (FeatureTable chunk : new Chunks()) {
            rows.addAll(chunk.rows());
            labels.addAll(chunk.labels());
        }
        return new FeatureTable(Blobs.NAMES, rows, labels);
    }

    @ParameterizedTest
    @EnumSource(value = ClassicalAlgorithm.class, names = {"SGD_LOG", "SGD_HINGE", "KNN", "RANDOM_FOREST", "ADABOOST",
        "LOGISTIC_REGRESSION"})
    void threeChunksReachAboutTheAccuracyOfFullTraining(ClassicalAlgorithm algorithm) {
        ClassicalConfig config = ClassicalModelTest.config(algorithm);
        Chunks chunks = new Chunks();
        ClassicalModel incremental = IncrementalTraining.train(chunks, config);
        assertEquals(2, chunks.passes.get(), "one pass for the statistics, one for training");
        assertTrue(incremental.tribuoModel() instanceof WeightedEnsembleModel);
        assertEquals(3, ((WeightedEnsembleModel<?>) incremental.tribuoModel()).getModels().size());
        ClassicalModel full = ClassicalModel.train(all(), config);
        double a = Blobs.accuracy(incremental, TEST);
        double b = Blobs.accuracy(full, TEST);
        assertTrue(a >= 0.85 && a >= b - 0.05, algorithm + ": incremental " + a + ", full " + b);
        for (double[] row : incremental.predictProba(TEST.rows())) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-9);
        }
    }

    @Test
    void runningStatisticsGiveTheSameScalingAsTheWholeTable() {
        ClassicalConfig config = ClassicalModelTest.config(ClassicalAlgorithm.SGD_LOG);
        ClassicalModel incremental = IncrementalTraining.train(new Chunks(), config);
        ClassicalModel full = ClassicalModel.train(all(), config);
        assertArrayEquals(full.preprocessing().center(), incremental.preprocessing().center(), 1e-9);
        assertArrayEquals(full.preprocessing().scale(), incremental.preprocessing().scale(), 1e-9);
    }

    @Test
    void pcaFromRunningCovarianceMatchesPcaOnTheWholeTable() {
        ClassicalConfig config = ClassicalModelTest.config(ClassicalAlgorithm.SGD_LOG).toBuilder()
                .optPcaVariance(0.75).build();
        ClassicalModel incremental = IncrementalTraining.train(new Chunks(), config);
        ClassicalModel full = ClassicalModel.train(all(), config);
        assertArrayEquals(full.pca().orElseThrow().explainedVarianceRatio(),
                incremental.pca().orElseThrow().explainedVarianceRatio(), 1e-9);
        assertEquals(full.pcaComponents(), incremental.pcaComponents());
        assertTrue(Blobs.accuracy(incremental, TEST) >= 0.7);
    }

    @Test
    void withoutScalingOnePassOverAnIteratorIsEnough() {
        ClassicalConfig config = ClassicalModelTest.config(ClassicalAlgorithm.KNN).toBuilder()
                .optScaling(Scaling.NONE).build();
        ClassicalModel model = IncrementalTraining.train(new Chunks().iterator(), config);
        assertEquals(Blobs.CLASSES, model.classes());
        ClassicalConfig scaled = ClassicalModelTest.config(ClassicalAlgorithm.KNN);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IncrementalTraining.train(new Chunks().iterator(), scaled)).getMessage().contains("first pass"));
    }

    @Test
    void aChunkWithoutEveryClassIsRefused() {
        FeatureTable full = Blobs.table(5, 3);
        FeatureTable twoClasses = new FeatureTable(Blobs.NAMES,
                List.of(full.rows().get(0), full.rows().get(1), full.rows().get(3), full.rows().get(4)),
                List.of(full.labels().get(0), full.labels().get(1), full.labels().get(3), full.labels().get(4)));
        ClassicalConfig config = ClassicalModelTest.config(ClassicalAlgorithm.SGD_LOG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IncrementalTraining.train(List.of(full, twoClasses), config));
        assertTrue(e.getMessage().contains("chunk 1") && e.getMessage().contains("every class"), e.getMessage());
    }
}
