package org.cadenza.model.classical;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.cadenza.io.BadInputException;
import org.cadenza.model.ModelJson;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.AdaBoostTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A trained classical model: scaling and optional PCA (fitted on the training rows only), then one of Tribuo's
 * models. The trainers, per {@link ClassicalAlgorithm}, and where {@link #predictProba} gets its probabilities:
 * <table>
 * <caption>trainers and probabilities</caption>
 * <tr><th>algorithm</th><th>Tribuo trainer</th><th>probabilities</th></tr>
 * <tr><td>KNN</td><td>{@code KNNTrainer(k, L2Distance, 1 thread, VotingCombiner, brute force)}</td>
 *     <td>the share of the k neighbours' votes (Tribuo's scores; Tribuo does not flag them as probabilities)</td></tr>
 * <tr><td>SGD_HINGE</td><td>{@code LinearSGDTrainer(Hinge(1), AdaGrad(lr, 0.1), epochs, minibatch 1)}</td>
 *     <td>softmax of the linear scores</td></tr>
 * <tr><td>SGD_LOG</td><td>{@code LinearSGDTrainer(LogMulticlass, ...)}</td><td>Tribuo's: softmax</td></tr>
 * <tr><td>SGD_MODIFIED_HUBER</td><td>{@code LinearSGDTrainer(}{@link ModifiedHuber}{@code , ...)}</td>
 *     <td>scikit-learn's rule: (clip(score, -1, 1) + 1) / 2, normalised (uniform when all are 0)</td></tr>
 * <tr><td>SGD_PERCEPTRON</td><td>{@code LinearSGDTrainer(}{@link Perceptron}{@code , ...)}</td>
 *     <td>softmax of the linear scores</td></tr>
 * <tr><td>ADABOOST</td><td>{@code AdaBoostTrainer(CART(depth, minChildWeight = Float.MIN_NORMAL), rounds)}</td>
 *     <td>Tribuo's: the members' alpha-weighted votes (negative weights clipped, renormalised)</td></tr>
 * <tr><td>RANDOM_FOREST</td><td>{@code RandomForestTrainer(CART(depth, 1, features per split),
 *     FullyWeightedVotingCombiner, trees)}</td><td>Tribuo's: the mean of the trees' leaf distributions</td></tr>
 * <tr><td>EXTRA_TREES</td><td>{@code ExtraTreesTrainer(CART(..., random split points), ...)}</td>
 *     <td>Tribuo's: the mean of the trees' leaf distributions</td></tr>
 * <tr><td>LOGISTIC_REGRESSION</td><td>{@code LibLinearClassificationTrainer(L2R_LR, C, 1000 iterations,
 *     eps 0.01)}</td><td>Tribuo's (LibLinear's logistic probabilities)</td></tr>
 * </table>
 * Whatever their source, the returned rows are clipped to [0, 1] and normalised to sum to 1. For
 * {@link IncrementalTraining}'s ensembles they are the combiner's: the members' mean distribution, or for the
 * three linear-score losses the chunk-weighted share of the members' votes.
 */
public final class ClassicalModel {

    /** The sidecar's file name and format tag; {@link #load} refuses a folder without them. */
    static final String SIDECAR = "classical.json";
    static final String TRIBUO_FILE = "model.tribuo";
    static final String FORMAT = "cadenza-classical-model";
    static final int FORMAT_VERSION = 1;

    private static final LabelFactory LABELS = new LabelFactory();

    private final ClassicalConfig config;
    private final List<String> featureNames;
    private final List<String> classes;
    private final Preprocessing preprocessing;
    private final Model<Label> model;
    private final double trainingSeconds;

    ClassicalModel(ClassicalConfig config, List<String> featureNames, List<String> classes,
                   Preprocessing preprocessing, Model<Label> model, double trainingSeconds) {
        this.config = config;
        this.featureNames = List.copyOf(featureNames);
        this.classes = List.copyOf(classes);
        this.preprocessing = preprocessing;
        this.model = model;
        this.trainingSeconds = trainingSeconds;
    }

    /**
     * Fits the scaling (and PCA when {@link ClassicalConfig#pcaVariance()} is set) on {@code train}, then trains
     * the configured Tribuo trainer on the transformed rows.
     *
     * @throws IllegalArgumentException when the table has fewer than two classes, or PCA is asked for with fewer
     *                                  than two rows
     */
    public static ClassicalModel train(FeatureTable train, ClassicalConfig config) {
        List<String> classes = checkClasses(train.labels());
        long start = System.nanoTime();
        if (config.pcaVariance().isPresent() && train.size() < 2) {
            throw new IllegalArgumentException("PCA needs at least two training rows, got " + train.size());
        }
        Preprocessing prep = Preprocessing.fit(train.rows(), train.width(), config);
        Dataset<Label> data = dataset(train, prep);
        Model<Label> model = trainer(config, prep.outputWidth()).train(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ClassicalModel(config, train.featureNames(), classes, prep, model, seconds);
    }

    /** @return whether the algorithm's Tribuo scores are linear scores, not a distribution over the classes */
    static boolean linearScores(ClassicalAlgorithm algorithm) {
        return algorithm == ClassicalAlgorithm.SGD_HINGE || algorithm == ClassicalAlgorithm.SGD_PERCEPTRON
                || algorithm == ClassicalAlgorithm.SGD_MODIFIED_HUBER;
    }

    /** @return the sorted distinct labels, or an exception when there are fewer than two */
    static List<String> checkClasses(List<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("cannot train on an empty feature table (no rows)");
        }
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("cannot train a classifier on one class only: every one of the "
                    + labels.size() + " rows is labelled '" + distinct.first() + "' (at least two classes needed)");
        }
        return List.copyOf(distinct);
    }

    /** The table's rows through {@code prep}, as a Tribuo dataset. */
    static Dataset<Label> dataset(FeatureTable table, Preprocessing prep) {
        String[] names = prep.outputNames(table.featureNames()).toArray(String[]::new);
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("cadenza feature table", LABELS), LABELS);
        for (int r = 0; r < table.size(); r++) {
            data.add(new ArrayExample<>(new Label(table.labels().get(r)), names, prep.apply(table.rows().get(r))));
        }
        return data;
    }

    /**
     * The Tribuo trainer for a configuration.
     *
     * @param width the number of features the learner sees (after PCA), for the forests' features per split
     */
    static Trainer<Label> trainer(ClassicalConfig c, int width) {
        return switch (c.algorithm()) {
            case KNN -> new KNNTrainer<>(c.neighbours(), new L2Distance(), 1, new VotingCombiner(),
                    KNNModel.Backend.INNERTHREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE);
            case SGD_HINGE -> sgd(new Hinge(1.0), c);
            case SGD_LOG -> sgd(new LogMulticlass(), c);
            case SGD_MODIFIED_HUBER -> sgd(new ModifiedHuber(), c);
            case SGD_PERCEPTRON -> sgd(new Perceptron(), c);
            case ADABOOST -> new AdaBoostTrainer(boostingTree(c.boostingTreeDepth(), c.seed()),
                    c.boostingRounds(), c.seed());
            case RANDOM_FOREST -> new RandomForestTrainer<>(forestTree(c, width, false),
                    new FullyWeightedVotingCombiner(), c.trees(), c.seed());
            case EXTRA_TREES -> new ExtraTreesTrainer<>(forestTree(c, width, true),
                    new FullyWeightedVotingCombiner(), c.trees(), c.seed());
            case LOGISTIC_REGRESSION -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), c.logisticC(), 1000,
                    0.01, c.seed());
        };
    }

    private static LinearSGDTrainer sgd(LabelObjective objective, ClassicalConfig c) {
        // logging interval far beyond any data set: Tribuo would otherwise log the loss every 1,000 examples
        return new LinearSGDTrainer(objective, new AdaGrad(c.sgdLearningRate(), 0.1), c.sgdEpochs(),
                Integer.MAX_VALUE, 1, c.seed());
    }

    /**
     * The weak learner for AdaBoost: a CART tree of the given depth whose minimum child weight is the smallest
     * positive float. Tribuo's CART default minimum child weight is 5 (it counts examples of weight 1), but
     * AdaBoost gives the examples weights that sum to 1, so with the default no split is ever allowed and every
     * member is a single leaf predicting the majority class (see README, "AdaBoost").
     */
    static CARTClassificationTrainer boostingTree(int depth, long seed) {
        return new CARTClassificationTrainer(depth, Float.MIN_NORMAL, 0.0f, 1.0f, false, new GiniIndex(), seed);
    }

    private static CARTClassificationTrainer forestTree(ClassicalConfig c, int width, boolean randomSplits) {
        int depth = c.treeDepth().orElse(Integer.MAX_VALUE);
        double fraction = c.treeFeatureFraction().orElse(Math.max(1.0, Math.floor(Math.sqrt(width))) / width);
        // the fraction must stay below 1 for Tribuo's RandomForestTrainer: one feature fewer than all at most
        float f = (float) Math.min(fraction, width > 1 ? (width - 1.0) / width : 1.0);
        return new CARTClassificationTrainer(depth, 1.0f, 0.0f, f, randomSplits, new GiniIndex(), c.seed());
    }

    /** @return the class names, sorted; the columns of {@link #predictProba} */
    public List<String> classes() {
        return classes;
    }

    /** @return the input columns, in the order rows must have */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return the configuration it was trained with */
    public ClassicalConfig config() {
        return config;
    }

    /** @return the wall-clock seconds of {@link #train} (scaling, PCA and the learner; for a loaded model, as saved) */
    public double trainingSeconds() {
        return trainingSeconds;
    }

    /** @return the number of principal components the learner sees, or empty without PCA */
    public OptionalInt pcaComponents() {
        return preprocessing.pca().isPresent() ? OptionalInt.of(preprocessing.components()) : OptionalInt.empty();
    }

    Model<Label> tribuoModel() {
        return model;
    }

    Preprocessing preprocessing() {
        return preprocessing;
    }

    /** @return the fitted PCA (on the scaled training rows), when the configuration asked for one */
    public Optional<Pca> pca() {
        return preprocessing.pca();
    }

    /**
     * @param rows rows of {@link #featureNames()}{@code .size()} finite values, in the training columns' order
     * @return {@code [row][class]} probabilities in {@link #classes()} order, each row in [0, 1] summing to 1 (see
     *     the class comment for where they come from per algorithm)
     * @throws IllegalArgumentException for a ragged row or a non-finite value, naming the row
     */
    public double[][] predictProba(List<double[]> rows) {
        String[] names = preprocessing.outputNames(featureNames).toArray(String[]::new);
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] row = FeatureTable.checkedRow(rows.get(r), r, featureNames);
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, preprocessing.apply(row)));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = probabilities(predictions.get(r));
        }
        return out;
    }

    /**
     * Which features pushed the model towards {@code label} in {@code rows}: Tribuo's per-example excuse (for the
     * linear models, {@code weight x value} per feature) averaged over the rows, largest magnitude first.
     *
     * @param rows  rows as for {@link #predictProba}, at least one
     * @param label one of {@link #classes()}
     * @param limit how many features to return, &ge; 1
     * @return the contributions, or empty when the algorithm gives no per-example excuse (kNN, trees, ensembles)
     * @throws IllegalArgumentException for an unknown label, no rows, or rows as {@link #predictProba} refuses
     */
    public Optional<List<FeatureContribution>> contributions(List<double[]> rows, String label, int limit) {
        if (!classes.contains(label)) {
            throw new IllegalArgumentException("'" + label + "' is not one of the model's classes " + classes);
        }
        if (rows.isEmpty() || limit < 1) {
            throw new IllegalArgumentException("contributions need at least one row and a limit >= 1, got "
                    + rows.size() + " rows, limit " + limit);
        }
        List<String> names = preprocessing.outputNames(featureNames);
        String[] nameArray = names.toArray(String[]::new);
        Map<String, Integer> column = new java.util.HashMap<>();
        for (int i = 0; i < nameArray.length; i++) {
            column.put(nameArray[i], i);
        }
        Map<String, double[]> sums = new java.util.HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            double[] seen = preprocessing.apply(FeatureTable.checkedRow(rows.get(r), r, featureNames));
            Optional<org.tribuo.Excuse<Label>> excuse = model.getExcuse(
                    new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, nameArray, seen));
            if (excuse.isEmpty()) {
                return Optional.empty();
            }
            for (var pair : excuse.get().excuse(label)) {
                Integer i = column.get(pair.getA());
                double[] s = sums.computeIfAbsent(pair.getA(), k -> new double[2]);
                s[0] += i != null ? seen[i] : 0;
                s[1] += pair.getB();
            }
        }
        int n = rows.size();
        return Optional.of(sums.entrySet().stream()
                .map(e -> new FeatureContribution(e.getKey(), e.getValue()[0] / n, e.getValue()[1] / n))
                .sorted(java.util.Comparator.comparingDouble((FeatureContribution c) -> -Math.abs(c.contribution()))
                        .thenComparing(FeatureContribution::feature))
                .limit(limit).toList());
    }

    private double[] probabilities(Prediction<Label> prediction) {
        Map<String, Label> scores = prediction.getOutputScores();
        int n = classes.size();
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            Label label = scores.get(classes.get(k));
            s[k] = label == null ? Double.NEGATIVE_INFINITY : label.getScore();
        }
        if (prediction.hasProbabilities()) {
            for (int k = 0; k < n; k++) {
                s[k] = Double.isFinite(s[k]) ? Math.max(0, s[k]) : 0;
            }
            return normalised(s);
        }
        switch (config.algorithm()) {
            case SGD_HINGE, SGD_PERCEPTRON -> {
                return softmax(s);
            }
            case SGD_MODIFIED_HUBER -> {
                for (int k = 0; k < n; k++) {
                    s[k] = Double.isFinite(s[k]) ? (Math.max(-1, Math.min(1, s[k])) + 1) / 2 : 0;
                }
                return normalised(s);
            }
            default -> {
                // a distribution already that Tribuo does not flag as one: kNN's vote shares
                for (int k = 0; k < n; k++) {
                    s[k] = Double.isFinite(s[k]) ? Math.max(0, s[k]) : 0;
                }
                return normalised(s);
            }
        }
    }

    private static double[] softmax(double[] s) {
        int n = s.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        for (int k = 0; k < n; k++) {
            s[k] = Double.isFinite(s[k]) ? Math.exp(s[k] - max) : 0;
        }
        return normalised(s);
    }

    private static double[] normalised(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = sum > 0 ? Math.min(1, p[k] / sum) : 1.0 / p.length;
        }
        return p;
    }

    /**
     * Writes {@code model.tribuo} (Tribuo's protobuf serialisation, {@code Model.serializeToFile}) and
     * {@code classical.json} (format tag and version, feature names, classes, the configuration, scaling, PCA,
     * training seconds) into {@code dir}, created when missing.
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(TRIBUO_FILE + ".tmp");
        model.serializeToFile(tmp);
        Files.move(tmp, dir.resolve(TRIBUO_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Optional<PcaJson> pca = preprocessing.pca().map(p -> new PcaJson(p.mean(), p.components(), p.variances(),
                preprocessing.components()));
        ModelJson.write(dir.resolve(SIDECAR), new Sidecar(FORMAT, FORMAT_VERSION, featureNames, classes,
                ConfigJson.of(config), config.key(), preprocessing.center(), preprocessing.scale(), pca.orElse(null),
                trainingSeconds, TRIBUO_FILE));
    }

    /**
     * Reads a folder written by {@link #save}.
     *
     * @throws BadInputException naming the folder when it holds no {@code classical.json} of this format, when the
     *                           Tribuo file is missing or unreadable, or when the two disagree
     */
    public static ClassicalModel load(Path dir) {
        Path sidecarFile = dir.resolve(SIDECAR);
        if (!Files.isRegularFile(sidecarFile)) {
            throw new BadInputException(dir, "not a classical model folder: " + SIDECAR
                    + " is missing (ClassicalModel.save writes it)");
        }
        Sidecar s;
        try {
            s = ModelJson.mapper().readValue(sidecarFile.toFile(), Sidecar.class);
        } catch (IOException e) {
            throw new BadInputException(sidecarFile, "not a classical model description: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(s.format())) {
            throw new BadInputException(sidecarFile, "format is '" + s.format() + "', expected '" + FORMAT
                    + "': this folder was not written by ClassicalModel.save");
        }
        if (s.formatVersion() != FORMAT_VERSION) {
            throw new BadInputException(sidecarFile, "format version " + s.formatVersion()
                    + " is not supported (this code reads version " + FORMAT_VERSION + ")");
        }
        Path tribuoFile = dir.resolve(s.tribuoModel() == null ? TRIBUO_FILE : s.tribuoModel());
        Model<?> raw;
        try {
            raw = Model.deserializeFromFile(tribuoFile);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(tribuoFile, "not a readable Tribuo model: " + e.getMessage(), e);
        }
        if (!raw.validate(Label.class)) {
            throw new BadInputException(tribuoFile, "the Tribuo model is not a classifier");
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        TreeSet<String> domain = new TreeSet<>();
        model.getOutputIDInfo().getDomain().forEach(l -> domain.add(l.getLabel()));
        if (!domain.equals(new TreeSet<>(s.classes()))) {
            throw new BadInputException(tribuoFile, "the Tribuo model's classes " + domain
                    + " differ from " + SIDECAR + "'s " + s.classes());
        }
        if (s.classes().size() != domain.size()) {
            throw new BadInputException(dir, "the model outputs " + domain.size() + " classes but " + SIDECAR
                    + " lists " + s.classes().size() + " (some twice): the model folder is damaged; train it again");
        }
        int width = s.featureNames().size();
        int centered = s.center() == null ? 0 : s.center().length;
        int scaled = s.scale() == null ? 0 : s.scale().length;
        if (centered != width || scaled != width) {
            throw new BadInputException(sidecarFile, "lists " + width + " features but centres " + centered
                    + " and scales " + scaled + " columns: the model folder is damaged; train it again");
        }
        ClassicalConfig config = s.config().toConfig();
        Optional<Pca> pca = Optional.ofNullable(s.pca()).map(p -> new Pca(p.mean(), p.components(), p.variances()));
        int components = s.pca() == null ? s.featureNames().size() : s.pca().kept();
        Preprocessing prep = new Preprocessing(s.center(), s.scale(), pca, components);
        return new ClassicalModel(config, s.featureNames(), s.classes(), prep, model, s.trainingSeconds());
    }

    /** The JSON sidecar. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sidecar(String format, int formatVersion, List<String> featureNames, List<String> classes,
                   ConfigJson config, String configKey, double[] center, double[] scale, PcaJson pca,
                   double trainingSeconds, String tribuoModel) {
    }

    /** PCA in the sidecar: mean, components [component][feature], variances, the number kept. */
    record PcaJson(double[] mean, double[][] components, double[] variances, int kept) {
    }

    /** {@link ClassicalConfig} in the sidecar, optional values as nulls. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfigJson(String algorithm, long seed, String scaling, Double pcaVariance, int neighbours, int sgdEpochs,
                      double sgdLearningRate, int boostingRounds, int boostingTreeDepth, int trees, Integer treeDepth,
                      Double treeFeatureFraction, double logisticC) {

        static ConfigJson of(ClassicalConfig c) {
            return new ConfigJson(c.algorithm().cliName(), c.seed(), c.scaling().name(),
                    c.pcaVariance().isPresent() ? c.pcaVariance().getAsDouble() : null, c.neighbours(),
                    c.sgdEpochs(), c.sgdLearningRate(), c.boostingRounds(), c.boostingTreeDepth(), c.trees(),
                    c.treeDepth().isPresent() ? c.treeDepth().getAsInt() : null,
                    c.treeFeatureFraction().isPresent() ? c.treeFeatureFraction().getAsDouble() : null, c.logisticC());
        }

        ClassicalConfig toConfig() {
            return new ClassicalConfig(ClassicalAlgorithm.parse(algorithm), seed, Scaling.valueOf(scaling),
                    pcaVariance == null ? OptionalDouble.empty() : OptionalDouble.of(pcaVariance), neighbours,
                    sgdEpochs, sgdLearningRate, boostingRounds, boostingTreeDepth, trees,
                    treeDepth == null ? OptionalInt.empty() : OptionalInt.of(treeDepth),
                    treeFeatureFraction == null ? OptionalDouble.empty() : OptionalDouble.of(treeFeatureFraction),
                    logisticC);
        }
    }
}
