package org.cadenza.model.classical;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Training over data that does not fit in memory, one {@link FeatureTable} chunk at a time (seed 002 used
 * scikit-learn's {@code partial_fit}).
 * <p>
 * <b>What Tribuo 4.3.2 offers.</b> It declares an {@code org.tribuo.IncrementalTrainer} interface
 * ({@code incrementalTrain(Dataset, Model)}), but no trainer in 4.3.2 implements it, and no trainer takes an
 * initial model or an iterable dataset: every {@code train} call starts from fresh parameters over one in-memory
 * {@code Dataset}. So this class trains <b>one model per chunk</b> with the configured trainer and combines them
 * with Tribuo's ensemble machinery: a {@link WeightedEnsembleModel}, each member weighted by its chunk's share of
 * the rows. Members whose scores are a distribution (kNN, log loss, AdaBoost, forests, logistic regression) are
 * combined by a {@link FullyWeightedVotingCombiner}, the weighted mean of their distributions (soft voting). The
 * hinge, perceptron and modified Huber members are combined by a {@link VotingCombiner} (weighted hard votes):
 * {@code FullyWeightedVotingCombiner} divides by the sum of all the members' scores, which for linear scores can be
 * negative or near zero and flips or blows up the result (tested: chance accuracy with hinge members).
 * One chunk gives that chunk's model alone.
 * <p>
 * <b>Scaling and PCA</b> need statistics of all the training rows, so training is two passes over the chunks: the
 * first accumulates running means and variances (and the covariance when PCA is asked for, d x d doubles) in a
 * {@link ColumnStatistics}; the second trains. Only one chunk is held at a time (plus the trained members).
 * Every chunk must hold every class (Tribuo's ensemble requires equal label domains): shuffle the rows across the
 * chunks.
 */
public final class IncrementalTraining {

    private IncrementalTraining() {
    }

    /**
     * Both passes: {@code chunks.iterator()} is called twice (statistics, then training), so the iterable must give
     * the same chunks again, e.g. by re-reading them from disk.
     */
    public static ClassicalModel train(Iterable<FeatureTable> chunks, ClassicalConfig config) {
        boolean needsStatistics = config.scaling() != Scaling.NONE || config.pcaVariance().isPresent();
        if (!needsStatistics) {
            return train(chunks.iterator(), config);
        }
        ColumnStatistics stats = statistics(chunks.iterator(), config);
        return train(chunks.iterator(), config, stats);
    }

    /**
     * The first pass.
     *
     * @return the running statistics of every row of every chunk, with covariance when the configuration asks for
     *     PCA
     * @throws IllegalArgumentException when there is no chunk or the chunks' columns differ
     */
    public static ColumnStatistics statistics(Iterator<FeatureTable> chunks, ClassicalConfig config) {
        if (!chunks.hasNext()) {
            throw new IllegalArgumentException("incremental training needs at least one chunk, got none");
        }
        FeatureTable first = chunks.next();
        ColumnStatistics stats = new ColumnStatistics(first.width(), config.pcaVariance().isPresent());
        first.rows().forEach(stats::add);
        int index = 1;
        while (chunks.hasNext()) {
            FeatureTable chunk = chunks.next();
            checkColumns(first.featureNames(), chunk, index++);
            chunk.rows().forEach(stats::add);
        }
        return stats;
    }

    /**
     * One pass without scaling or PCA.
     *
     * @throws IllegalArgumentException when the configuration asks for scaling or PCA, which need the statistics of
     *                                  a first pass ({@link #train(Iterator, ClassicalConfig, ColumnStatistics)})
     */
    public static ClassicalModel train(Iterator<FeatureTable> chunks, ClassicalConfig config) {
        if (config.scaling() != Scaling.NONE || config.pcaVariance().isPresent()) {
            throw new IllegalArgumentException("scaling " + config.scaling() + (config.pcaVariance().isPresent()
                    ? " and PCA need" : " needs") + " the statistics of a first pass over the chunks: call "
                    + "statistics(...) first and pass them, or train(Iterable, config)");
        }
        return trainPass(chunks, config, null);
    }

    /**
     * The second pass: scaling (and PCA) from {@code statistics}, then one model per chunk.
     *
     * @param statistics the first pass's {@link #statistics}, over the same chunks
     */
    public static ClassicalModel train(Iterator<FeatureTable> chunks, ClassicalConfig config,
                                       ColumnStatistics statistics) {
        if (statistics.count() < 1) {
            throw new IllegalArgumentException("the statistics hold no rows: were they made over these chunks?");
        }
        return trainPass(chunks, config, statistics);
    }

    private static ClassicalModel trainPass(Iterator<FeatureTable> chunks, ClassicalConfig config,
                                            ColumnStatistics statistics) {
        long start = System.nanoTime();
        if (!chunks.hasNext()) {
            throw new IllegalArgumentException("incremental training needs at least one chunk, got none");
        }
        Preprocessing prep = null;
        Trainer<Label> trainer = null;
        List<String> featureNames = null;
        List<String> classes = null;
        List<Model<Label>> members = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int index = 0;
        while (chunks.hasNext()) {
            FeatureTable chunk = chunks.next();
            if (featureNames == null) {
                featureNames = chunk.featureNames();
                if (statistics != null && statistics.width() != chunk.width()) {
                    throw new IllegalArgumentException("the statistics have " + statistics.width()
                            + " columns but chunk 0 has " + chunk.width());
                }
                prep = statistics == null
                        ? Preprocessing.fromStatistics(new ColumnStatistics(chunk.width(), false), config)
                        : Preprocessing.fromStatistics(statistics, config);
                trainer = ClassicalModel.trainer(config, prep.outputWidth());
            } else {
                checkColumns(featureNames, chunk, index);
            }
            List<String> chunkClasses;
            try {
                chunkClasses = ClassicalModel.checkClasses(chunk.labels());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("chunk " + index + ": " + e.getMessage(), e);
            }
            if (classes == null) {
                classes = chunkClasses;
            } else if (!classes.equals(chunkClasses)) {
                throw new IllegalArgumentException("chunk " + index + " has classes " + chunkClasses
                        + " but chunk 0 has " + classes + ": every chunk needs every class (shuffle the rows across "
                        + "the chunks)");
            }
            members.add(trainer.train(ClassicalModel.dataset(chunk, prep)));
            sizes.add(chunk.size());
            index++;
        }
        Model<Label> model;
        if (members.size() == 1) {
            model = members.get(0);
        } else {
            float total = sizes.stream().mapToInt(Integer::intValue).sum();
            float[] weights = new float[sizes.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = sizes.get(i) / total;
            }
            EnsembleCombiner<Label> combiner = ClassicalModel.linearScores(config.algorithm())
                    ? new VotingCombiner() : new FullyWeightedVotingCombiner();
            model = WeightedEnsembleModel.createEnsembleFromExistingModels("incremental-ensemble", members,
                    combiner, weights);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ClassicalModel(config, featureNames, List.copyOf(new TreeSet<>(classes)), prep, model, seconds);
    }

    private static void checkColumns(List<String> expected, FeatureTable chunk, int index) {
        if (!expected.equals(chunk.featureNames())) {
            throw new IllegalArgumentException("chunk " + index + " has columns " + chunk.featureNames()
                    + " but the first chunk has " + expected + " (every chunk needs the same columns in order)");
        }
    }
}
