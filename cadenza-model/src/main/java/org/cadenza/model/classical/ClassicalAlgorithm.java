package org.cadenza.model.classical;

import org.cadenza.io.CliName;

/**
 * The classical learners, each one of Tribuo's trainers (see {@link ClassicalModel} for the exact trainer, its
 * hyperparameters in {@link ClassicalConfig}, and where its probabilities come from).
 */
public enum ClassicalAlgorithm implements CliName {
    /** k nearest neighbours (Tribuo {@code KNNTrainer}, L2 distance, votes of the k neighbours). */
    KNN("knn"),
    /** Linear SGD, multiclass hinge loss with margin 1 (Tribuo {@code LinearSGDTrainer} + {@code Hinge}). */
    SGD_HINGE("sgd-hinge"),
    /** Linear SGD, multinomial log loss (Tribuo {@code LinearSGDTrainer} + {@code LogMulticlass}). */
    SGD_LOG("sgd-log"),
    /** Linear SGD, one-vs-rest modified Huber loss ({@link ModifiedHuber}, a Tribuo {@code LabelObjective}). */
    SGD_MODIFIED_HUBER("sgd-modified-huber"),
    /** Linear SGD, perceptron loss ({@link Perceptron}, a Tribuo {@code LabelObjective}). */
    SGD_PERCEPTRON("sgd-perceptron"),
    /** AdaBoost.SAMME over depth-limited CART trees (Tribuo {@code AdaBoostTrainer}). */
    ADABOOST("adaboost"),
    /** Random forest: bagged CART trees, a random subset of features per split (Tribuo {@code RandomForestTrainer}). */
    RANDOM_FOREST("random-forest"),
    /** Extremely randomised trees: CART with random split points (Tribuo {@code ExtraTreesTrainer}). */
    EXTRA_TREES("extra-trees"),
    /** L2-regularised logistic regression (LibLinear's L2R_LR through Tribuo's {@code LibLinearClassificationTrainer}). */
    LOGISTIC_REGRESSION("logistic");

    private final String cliName;

    ClassicalAlgorithm(String cliName) {
        this.cliName = cliName;
    }

    /** @return the name on the command line and in keys, e.g. {@code sgd-hinge} */
    @Override
    public String cliName() {
        return cliName;
    }

    /**
     * @param name a {@link #cliName()} (case-insensitive; the enum constant's name is accepted too)
     * @return the algorithm
     * @throws IllegalArgumentException naming the choices when the name is none of them
     */
    public static ClassicalAlgorithm parse(String name) {
        return CliName.parse(ClassicalAlgorithm.class, name, "classical algorithm");
    }
}
