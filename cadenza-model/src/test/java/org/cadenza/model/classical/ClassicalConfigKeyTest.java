package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
