package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.AdaBoostTrainer;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * The probe: Tribuo 4.3.2's AdaBoost over a default CART scores chance on an easy problem. The cause:
 * AdaBoost gives the examples weights that sum to 1, and CART's default minimum child weight is 5, so no split is
 * allowed and every member is one leaf predicting the (weighted) majority class.
 */
class AdaBoostTest {

    private static final FeatureTable TRAIN = Blobs.table(40, 1);
    private static final FeatureTable TEST = Blobs.table(30, 2);
    private static final Preprocessing PREP = Preprocessing.fit(TRAIN.rows(), TRAIN.width(),
            ClassicalConfig.defaults(ClassicalAlgorithm.ADABOOST));

    private static double accuracy(Model<Label> model) {
        Dataset<Label> test = ClassicalModel.dataset(TEST, PREP);
        List<Prediction<Label>> predictions = model.predict(test);
        int right = 0;
        for (int i = 0; i < predictions.size(); i++) {
            if (predictions.get(i).getOutput().getLabel().equals(TEST.labels().get(i))) {
                right++;
            }
        }
        return right / (double) predictions.size();
    }

    @Test
    void tribuoDefaultsScoreChanceBecauseEveryMemberIsASingleLeaf() {
        WeightedEnsembleModel<Label> boosted = new AdaBoostTrainer(new CARTClassificationTrainer(), 10, 1L)
                .train(ClassicalModel.dataset(TRAIN, PREP));
        double accuracy = accuracy(boosted);
        assertTrue(accuracy < 0.45, "chance is 1/3, got " + accuracy);
        for (Model<Label> member : boosted.getModels()) {
            assertTrue(((TreeModel<Label>) member).getRoot().isLeaf(), "a member with a split");
        }
    }

    @Test
    void theSameDefaultCartLearnsWithWeightOneAndStopsSplittingWithWeightsSummingToOne() {
        Dataset<Label> data = ClassicalModel.dataset(TRAIN, PREP);
        TreeModel<Label> plain = new CARTClassificationTrainer().train(data);
        assertFalse(plain.getRoot().isLeaf());
        assertTrue(accuracy(plain) >= 0.85, "default CART alone: " + accuracy(plain));

        Dataset<Label> reweighted = ImmutableDataset.copyDataset(data);
        for (Example<Label> e : reweighted) {
            e.setWeight(1.0f / reweighted.size()); // what AdaBoostTrainer does before its first round
        }
        assertTrue(new CARTClassificationTrainer().train(reweighted).getRoot().isLeaf(),
                "minimum child weight 5 > total weight 1: no split");
        assertFalse(ClassicalModel.boostingTree(2, 1L).train(reweighted).getRoot().isLeaf());
    }

    @Test
    void depthLimitedTreesWithAnyPositiveChildWeightBoostWell() {
        for (int depth : new int[] {1, 2, 3}) {
            WeightedEnsembleModel<Label> boosted = new AdaBoostTrainer(ClassicalModel.boostingTree(depth, 1L), 30, 1L)
                    .train(ClassicalModel.dataset(TRAIN, PREP));
            double accuracy = accuracy(boosted);
            assertTrue(accuracy >= 0.85, "depth " + depth + ": " + accuracy);
        }
    }

    /** Which Tribuo models flag their scores as probabilities (kNN's vote shares are not flagged, but sum to 1). */
    @Test
    void probabilitiesComeFromWhereTheClassCommentSays() {
        for (ClassicalAlgorithm a : ClassicalAlgorithm.values()) {
            boolean tribuoProbabilities = ClassicalModel.train(TRAIN, ClassicalModelTest.config(a)).tribuoModel()
                    .generatesProbabilities();
            boolean expected = switch (a) {
                case KNN, SGD_HINGE, SGD_MODIFIED_HUBER, SGD_PERCEPTRON -> false;
                default -> true;
            };
            assertEquals(expected, tribuoProbabilities, a.name());
        }
    }
}
