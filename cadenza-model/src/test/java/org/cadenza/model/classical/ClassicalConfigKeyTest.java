package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The key of a classical configuration is stored with every trained model: its text never changes. */
class ClassicalConfigKeyTest {

    @Test
    void theDefaultKeyOfLogisticRegressionIsPinned() {
        assertEquals("classical;algorithm=logistic;seed=42;scaling=standard;pca=none;k=5;sgd-epochs=20;sgd-lr=0.1;"
                + "boost-rounds=50;boost-depth=2;trees=100;tree-depth=full;tree-features=sqrt;logistic-c=1.0",
                ClassicalConfig.defaults(ClassicalAlgorithm.LOGISTIC_REGRESSION).key());
    }

    @Test
    void everyAlgorithmKeepsItsName() {
        assertEquals(List.of("knn", "sgd-hinge", "sgd-log", "sgd-modified-huber", "sgd-perceptron", "adaboost",
                "random-forest", "extra-trees", "logistic"),
                Arrays.stream(ClassicalAlgorithm.values()).map(ClassicalAlgorithm::cliName).toList());
    }

    @Test
    void twoKeysAreTheSameModelWhenTheParametersTheirAlgorithmUsesAgree() {
        ClassicalConfig sgd = ClassicalConfig.defaults(ClassicalAlgorithm.SGD_LOG);
        // --trees does not change an SGD model
        assertTrue(ClassicalConfig.sameModel(sgd.key(), sgd.toBuilder().optTrees(60).build().key()));
        assertFalse(ClassicalConfig.sameModel(sgd.key(), sgd.toBuilder().optSgdEpochs(5).build().key()));
        assertFalse(ClassicalConfig.sameModel(sgd.key(), sgd.toBuilder().optSeed(7).build().key()));
        // it changes a forest
        ClassicalConfig forest = ClassicalConfig.defaults(ClassicalAlgorithm.RANDOM_FOREST);
        assertFalse(ClassicalConfig.sameModel(forest.key(), forest.toBuilder().optTrees(60).build().key()));
        assertTrue(ClassicalConfig.sameModel(forest.key(), forest.toBuilder().optNeighbours(9).build().key()));
        // another algorithm, or a key that is not a classical one, is another model
        assertFalse(ClassicalConfig.sameModel(sgd.key(), ClassicalConfig.defaults(ClassicalAlgorithm.SGD_HINGE).key()));
        assertFalse(ClassicalConfig.sameModel(sgd.key(), "lstm;algorithm=sgd-log"));
    }
}
