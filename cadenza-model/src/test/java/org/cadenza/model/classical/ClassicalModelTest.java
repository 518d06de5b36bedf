package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClassicalModelTest {

    private static FeatureTable train;
    private static FeatureTable test;

    @BeforeAll
    static void data() {
        train = Blobs.table(40, 1);
        test = Blobs.table(30, 2);
    }

    /** Small forests keep the test fast; every other hyperparameter is the default. */
    static ClassicalConfig config(ClassicalAlgorithm algorithm) {
        return ClassicalConfig.builder().setAlgorithm(algorithm).optTrees(15).build();
    }

    @ParameterizedTest
    @EnumSource(ClassicalAlgorithm.class)
    void everyAlgorithmLearnsAnEasyThreeClassProblemWithValidProbabilities(ClassicalAlgorithm algorithm) {
        ClassicalModel model = ClassicalModel.train(train, config(algorithm));
        assertEquals(Blobs.CLASSES, model.classes());
        assertEquals(Blobs.NAMES, model.featureNames());
        assertEquals(algorithm, model.config().algorithm());
        assertTrue(model.trainingSeconds() > 0);
        double accuracy = Blobs.accuracy(model, test);
        assertTrue(accuracy >= 0.85, algorithm + " accuracy " + accuracy + " (chance 0.33)");

        double[][] p = model.predictProba(test.rows());
        assertEquals(test.size(), p.length);
        for (double[] row : p) {
            assertEquals(3, row.length);
            double sum = 0;
            for (double v : row) {
                assertTrue(v >= 0 && v <= 1, algorithm + ": probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9, algorithm + ": row sums to " + sum);
        }
    }

    @ParameterizedTest
    @EnumSource(ClassicalAlgorithm.class)
    void saveAndLoadGiveIdenticalProbabilities(ClassicalAlgorithm algorithm, @TempDir Path dir) throws Exception {
        ClassicalConfig config = config(algorithm).toBuilder().optPcaVariance(0.9).optSeed(7).build();
        ClassicalModel model = ClassicalModel.train(train, config);
        model.save(dir);
        ClassicalModel loaded = ClassicalModel.load(dir);
        assertEquals(model.classes(), loaded.classes());
        assertEquals(model.featureNames(), loaded.featureNames());
        assertEquals(config, loaded.config());
        assertEquals(config.key(), loaded.config().key());
        assertEquals(model.pcaComponents(), loaded.pcaComponents());
        assertEquals(model.trainingSeconds(), loaded.trainingSeconds());
        double[][] before = model.predictProba(test.rows());
        double[][] after = loaded.predictProba(test.rows());
        for (int r = 0; r < before.length; r++) {
            assertArrayEquals(before[r], after[r], 0.0, algorithm + " row " + r);
        }
    }

    @Test
    void scalingIsFittedOnTheTrainingRowsOnly() {
        // one column: class "low" around -1, "high" around +1 (training mean 0, standard deviation about 1)
        List<String> names = List.of("x");
        FeatureTable oneDimension = new FeatureTable(names,
                List.of(new double[] {-1.2}, new double[] {-0.8}, new double[] {-1.0}, new double[] {0.8},
                        new double[] {1.2}, new double[] {1.0}),
                List.of("low", "low", "low", "high", "high", "high"));
        ClassicalModel model = ClassicalModel.train(oneDimension,
                ClassicalConfig.builder().setAlgorithm(ClassicalAlgorithm.LOGISTIC_REGRESSION).build());
        Preprocessing prep = model.preprocessing();
        assertEquals(0.0, prep.center()[0], 1e-12, "the centre is the training mean");
        assertEquals(Math.sqrt((2 * 1.44 + 2 * 0.64 + 2 * 1.0) / 6), prep.scale()[0], 1e-12,
                "the scale is the training rows' population standard deviation");

        // 0.5 alone is "high"; in a batch of far larger values it must stay "high" with the same probabilities:
        // a scaler fitted on the batch would centre it at about 15 and turn 0.5 into a "low"
        double[][] alone = model.predictProba(List.of(new double[] {0.5}));
        double[][] batch = model.predictProba(List.of(new double[] {0.5}, new double[] {10}, new double[] {20},
                new double[] {30}));
        int high = model.classes().indexOf("high");
        assertTrue(alone[0][high] > 0.5, "0.5 is on the high side: " + alone[0][high]);
        assertArrayEquals(alone[0], batch[0], 0.0);
    }

    @Test
    void pcaKeepsTheComponentsForTheRequestedVariance() {
        ClassicalModel model = ClassicalModel.train(train, ClassicalConfig.builder()
                .setAlgorithm(ClassicalAlgorithm.SGD_LOG).optPcaVariance(0.75).build());
        Pca pca = model.pca().orElseThrow();
        assertEquals(pca.componentsFor(0.75), model.pcaComponents().getAsInt());
        assertTrue(model.pcaComponents().getAsInt() < Blobs.NAMES.size());
        // PCA is unsupervised: on these data 75 % of the variance is 3 of 5 components, and the dropped directions
        // carry some of the class signal, so the bar is "well above chance" (0.33), not the full-data accuracy
        double accuracy = Blobs.accuracy(model, test);
        assertTrue(accuracy >= 0.7, "accuracy " + accuracy);
    }

    @Test
    void sameSeedSameModel() {
        ClassicalConfig config = config(ClassicalAlgorithm.RANDOM_FOREST);
        double[][] a = ClassicalModel.train(train, config).predictProba(test.rows());
        double[][] b = ClassicalModel.train(train, config).predictProba(test.rows());
        for (int r = 0; r < a.length; r++) {
            assertArrayEquals(a[r], b[r], 0.0);
        }
    }
}
