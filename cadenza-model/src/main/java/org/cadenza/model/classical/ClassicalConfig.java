package org.cadenza.model.classical;

import org.cadenza.io.Parameters;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything that decides a classical model, with documented defaults. Only the hyperparameters of the chosen
 * {@link #algorithm()} are used; the others keep their defaults and still appear in {@link #key()}, and
 * {@link #sameModel} compares two keys on the parameters their algorithm uses only (an SGD run trained with another
 * {@code --trees} is the same model).
 *
 * @param algorithm           the learner (required)
 * @param seed                the seed of every random choice (SGD shuffling, bootstrap samples, split features);
 *                            default {@link #DEFAULT_SEED}
 * @param scaling             column scaling fitted on the training rows only; default {@link Scaling#STANDARD}
 * @param pcaVariance         when present, the share of variance in (0, 1] that the kept principal components must
 *                            explain (seed 002 kept 75 %: 0.75); PCA runs after scaling; default empty (no PCA)
 * @param neighbours          kNN: k, the number of neighbours that vote; default 5
 * @param sgdEpochs           linear SGD: passes over the training rows; default 20
 * @param sgdLearningRate     linear SGD: AdaGrad's initial learning rate (epsilon 0.1), minibatch 1; default 0.1
 * @param boostingRounds      AdaBoost: the most boosting rounds (trees); default 50
 * @param boostingTreeDepth   AdaBoost: the depth of each CART tree (1 = stumps); default 2
 * @param trees               random forest and extra trees: the number of trees; default 100
 * @param treeDepth           random forest and extra trees: the most depth of a tree; default empty (fully grown)
 * @param treeFeatureFraction random forest and extra trees: the share of features tried at each split, in (0, 1];
 *                            default empty: sqrt(features) / features, as scikit-learn's {@code max_features="sqrt"}
 * @param logisticC           logistic regression: LibLinear's cost C (inverse regularisation strength); default 1.0
 */
public record ClassicalConfig(ClassicalAlgorithm algorithm, long seed, Scaling scaling, OptionalDouble pcaVariance,
                              int neighbours, int sgdEpochs, double sgdLearningRate, int boostingRounds,
                              int boostingTreeDepth, int trees, OptionalInt treeDepth,
                              OptionalDouble treeFeatureFraction, double logisticC) {

    /** The default seed, the same as the CNN training's. */
    public static final long DEFAULT_SEED = 42L;

    /** @throws IllegalArgumentException naming the parameter out of range */
    public ClassicalConfig {
        Parameters.nonNull("algorithm, scaling, pcaVariance, treeDepth, treeFeatureFraction",
                algorithm, scaling, pcaVariance, treeDepth, treeFeatureFraction);
        if (pcaVariance.isPresent() && !(pcaVariance.getAsDouble() > 0 && pcaVariance.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("pcaVariance must be in (0, 1], got " + pcaVariance.getAsDouble());
        }
        positive("neighbours", neighbours);
        positive("sgdEpochs", sgdEpochs);
        positive("boostingRounds", boostingRounds);
        positive("boostingTreeDepth", boostingTreeDepth);
        positive("trees", trees);
        if (treeDepth.isPresent()) {
            positive("treeDepth", treeDepth.getAsInt());
        }
        if (!(sgdLearningRate > 0 && Double.isFinite(sgdLearningRate))) {
            throw new IllegalArgumentException("sgdLearningRate must be positive and finite, got " + sgdLearningRate);
        }
        if (treeFeatureFraction.isPresent()
                && !(treeFeatureFraction.getAsDouble() > 0 && treeFeatureFraction.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("treeFeatureFraction must be in (0, 1], got "
                    + treeFeatureFraction.getAsDouble());
        }
        if (!(logisticC > 0 && Double.isFinite(logisticC))) {
            throw new IllegalArgumentException("logisticC must be positive and finite, got " + logisticC);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }

    /** @return the defaults for one algorithm */
    public static ClassicalConfig defaults(ClassicalAlgorithm algorithm) {
        return builder().setAlgorithm(algorithm).build();
    }

    /**
     * @return a canonical string of every parameter, e.g.
     *     {@code classical;algorithm=knn;seed=42;scaling=standard;pca=none;k=5;...}, for cache keys and reports
     */
    public String key() {
        return String.format(Locale.ROOT,
                "classical;algorithm=%s;seed=%d;scaling=%s;pca=%s;k=%d;sgd-epochs=%d;sgd-lr=%s;boost-rounds=%d;"
                        + "boost-depth=%d;trees=%d;tree-depth=%s;tree-features=%s;logistic-c=%s",
                algorithm.cliName(), seed, scaling.name().toLowerCase(Locale.ROOT),
                pcaVariance.isPresent() ? Double.toString(pcaVariance.getAsDouble()) : "none", neighbours, sgdEpochs,
                Double.toString(sgdLearningRate), boostingRounds, boostingTreeDepth, trees,
                treeDepth.isPresent() ? Integer.toString(treeDepth.getAsInt()) : "full",
                treeFeatureFraction.isPresent() ? Double.toString(treeFeatureFraction.getAsDouble()) : "sqrt",
                Double.toString(logisticC));
    }

    /** The key's entries every algorithm uses. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("classical", "algorithm", "seed", "scaling",
            "pca");

    /** @return the key's entries that {@code algorithm} uses, besides {@link #COMMON} */
    private static java.util.Set<String> parametersOf(ClassicalAlgorithm algorithm) {
        return switch (algorithm) {
            case KNN -> java.util.Set.of("k");
            case ADABOOST -> java.util.Set.of("boost-rounds", "boost-depth");
            case RANDOM_FOREST, EXTRA_TREES -> java.util.Set.of("trees", "tree-depth", "tree-features");
            case LOGISTIC_REGRESSION -> java.util.Set.of("logistic-c");
            case SGD_HINGE, SGD_LOG, SGD_MODIFIED_HUBER, SGD_PERCEPTRON -> java.util.Set.of("sgd-epochs", "sgd-lr");
        };
    }

    /**
     * Whether two {@link #key()}s describe the same model: the same algorithm and the same values of the parameters
     * it uses (the others are ignored). A key that is not a classical key is compared as it is.
     */
    public static boolean sameModel(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (!a.startsWith("classical;") || !b.startsWith("classical;")) {
            return false;
        }
        java.util.Map<String, String> x = entries(a);
        java.util.Map<String, String> y = entries(b);
        String algorithm = x.get("algorithm");
        if (algorithm == null || !algorithm.equals(y.get("algorithm"))) {
            return false;
        }
        ClassicalAlgorithm alg;
        try {
            alg = ClassicalAlgorithm.parse(algorithm);
        } catch (IllegalArgumentException e) {
            return false;
        }
        java.util.Set<String> used = new java.util.HashSet<>(COMMON);
        used.addAll(parametersOf(alg));
        for (String k : used) {
            if (!java.util.Objects.equals(x.get(k), y.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static java.util.Map<String, String> entries(String key) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String part : key.split(";")) {
            int eq = part.indexOf('=');
            out.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        return out;
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.algorithm = algorithm;
        b.seed = seed;
        b.scaling = scaling;
        b.pcaVariance = pcaVariance;
        b.neighbours = neighbours;
        b.sgdEpochs = sgdEpochs;
        b.sgdLearningRate = sgdLearningRate;
        b.boostingRounds = boostingRounds;
        b.boostingTreeDepth = boostingTreeDepth;
        b.trees = trees;
        b.treeDepth = treeDepth;
        b.treeFeatureFraction = treeFeatureFraction;
        b.logisticC = logisticC;
        return b;
    }

    /** @return a builder with every default; {@link Builder#setAlgorithm} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder: {@code setAlgorithm} is required, every {@code optX} has the default documented on the record. */
    public static final class Builder {
        private ClassicalAlgorithm algorithm;
        private long seed = DEFAULT_SEED;
        private Scaling scaling = Scaling.STANDARD;
        private OptionalDouble pcaVariance = OptionalDouble.empty();
        private int neighbours = 5;
        private int sgdEpochs = 20;
        private double sgdLearningRate = 0.1;
        private int boostingRounds = 50;
        private int boostingTreeDepth = 2;
        private int trees = 100;
        private OptionalInt treeDepth = OptionalInt.empty();
        private OptionalDouble treeFeatureFraction = OptionalDouble.empty();
        private double logisticC = 1.0;

        private Builder() {
        }

        public Builder setAlgorithm(ClassicalAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optScaling(Scaling scaling) {
            this.scaling = scaling;
            return this;
        }

        /** @param fraction the share of variance in (0, 1] the kept components explain */
        public Builder optPcaVariance(double fraction) {
            this.pcaVariance = OptionalDouble.of(fraction);
            return this;
        }

        /** No PCA (the default). */
        public Builder optNoPca() {
            this.pcaVariance = OptionalDouble.empty();
            return this;
        }

        public Builder optNeighbours(int k) {
            this.neighbours = k;
            return this;
        }

        public Builder optSgdEpochs(int epochs) {
            this.sgdEpochs = epochs;
            return this;
        }

        public Builder optSgdLearningRate(double learningRate) {
            this.sgdLearningRate = learningRate;
            return this;
        }

        public Builder optBoostingRounds(int rounds) {
            this.boostingRounds = rounds;
            return this;
        }

        public Builder optBoostingTreeDepth(int depth) {
            this.boostingTreeDepth = depth;
            return this;
        }

        public Builder optTrees(int trees) {
            this.trees = trees;
            return this;
        }

        public Builder optTreeDepth(int depth) {
            this.treeDepth = OptionalInt.of(depth);
            return this;
        }

        public Builder optTreeFeatureFraction(double fraction) {
            this.treeFeatureFraction = OptionalDouble.of(fraction);
            return this;
        }

        public Builder optLogisticC(double c) {
            this.logisticC = c;
            return this;
        }

        /** @throws IllegalArgumentException when the algorithm is missing or a value is out of range */
        public ClassicalConfig build() {
            if (algorithm == null) {
                throw new IllegalArgumentException("a classical configuration needs an algorithm (setAlgorithm)");
            }
            return new ClassicalConfig(algorithm, seed, scaling, pcaVariance, neighbours, sgdEpochs,
                    sgdLearningRate, boostingRounds, boostingTreeDepth, trees, treeDepth, treeFeatureFraction,
                    logisticC);
        }
    }
}
