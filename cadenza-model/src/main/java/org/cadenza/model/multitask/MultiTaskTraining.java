package org.cadenza.model.multitask;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import org.cadenza.model.train.BatchStep;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.LoopSettings;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingLoop;
import org.cadenza.model.train.TrainingOutcome;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.model.train.TrainingSupport;
import org.cadenza.model.train.Validation;
import org.cadenza.model.train.WindowTrainee;

import java.nio.file.Path;
import java.util.List;

/**
 * Trains a {@link MultiTaskNetwork}: the loss is the composer's cross-entropy (with both heads) plus
 * {@code instrumentWeight} times the instruments' {@link SigmoidCrossEntropy}. Checkpoints, resume, the one-cycle
 * schedule and early stopping are {@link TrainingLoop}'s, as for {@link ClassifierTraining}; the run folder has the
 * same layout. In the history, {@code train_acc} and {@code val_acc} are the windows' instrument exact-match ratios at a 0.5
 * threshold (the tuned thresholds come later, from validation).
 */
public final class MultiTaskTraining {

    private MultiTaskTraining() {
    }

    /**
     * @param dir         the run folder
     * @param config      the configuration
     * @param labels      the instrument families, index = output column
     * @param history     one record per finished epoch
     * @param bestEpoch   the best epoch
     * @param bestWeights its parameter file
     * @param status      how the run ended
     */
    public record Result(Path dir, MultiTaskConfig config, List<String> labels, List<EpochRecord> history,
                         int bestEpoch, Path bestWeights, TrainingResult.Status status) implements TrainingOutcome {
    }

    /**
     * Trains, or resumes the run in {@code dir}; a finished run returns its result without training.
     *
     * @param train training windows with composer and targets
     * @param val   validation windows, same shape, classes and labels, at least one
     */
    public static Result train(MultiLabelWindows train, MultiLabelWindows val, MultiTaskConfig cfg, Path dir,
                               TrainingListener listener) {
        TrainingSupport.checkCompatible(train, val, "validation");
        if (!train.labelNames().equals(val.labelNames())) {
            throw new IllegalArgumentException("training labels " + train.labelNames() + " differ from validation's "
                    + val.labelNames());
        }
        if (val.size() == 0) {
            throw new IllegalArgumentException("no validation windows: early stopping needs some");
        }
        TrainingLoop.Outcome out = TrainingLoop.fit(dir, cfg, MultiTaskConfig.class,
                LoopSettings.of(cfg.training(), "cadenza-multitask"), new MultiTask(train, val, cfg), listener);
        return new Result(dir, cfg, train.labelNames(), out.state().history(), out.state().bestEpoch(),
                out.bestWeights(dir), out.status());
    }

    /** The multi-task part of the loop: shuffled windows, SpecAugment, composer cross-entropy + instruments' BCE. */
    private static final class MultiTask extends WindowTrainee<MultiLabelWindows> {

        private final MultiLabelWindows val;
        private final MultiTaskConfig cfg;

        MultiTask(MultiLabelWindows train, MultiLabelWindows val, MultiTaskConfig cfg) {
            super(train, cfg.training());
            this.val = val;
            this.cfg = cfg;
        }

        @Override
        public Block network() {
            return MultiTaskNetwork.build(config.architecture(), cfg.heads(), train.classes().size(),
                    train.labelNames().size());
        }

        @Override
        public BatchStep trainBatch(Trainer trainer, int batch) {
            int from = from(batch);
            int to = to(batch);
            double loss;
            int exact;
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray x = batch(bm, from, to);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDList y = trainer.forward(new NDList(x));
                    NDArray l = loss(y, train, order(), from, to, cfg, bm);
                    gc.backward(l);
                    loss = l.getFloat();
                    exact = exactMatches(instruments(y), train, order(), from, to);
                }
                trainer.step();
            }
            return new BatchStep(loss, loss * (to - from), exact, to - from, to - from);
        }

        @Override
        public Validation validate(Trainer trainer) {
            return validate(trainer, val, (bm, x, order, from, to) -> {
                NDList y = trainer.evaluate(new NDList(x));
                return new BatchScore(loss(y, val, order, from, to, cfg, bm).getFloat(),
                        exactMatches(instruments(y), val, order, from, to));
            });
        }
    }

    /** The total loss of a batch: composer cross-entropy (both heads) + weight x instruments' BCE. */
    private static NDArray loss(NDList y, MultiLabelWindows w, int[] order, int from, int to, MultiTaskConfig cfg,
                                NDManager m) {
        NDArray bce = SigmoidCrossEntropy.mean(instruments(y), targets(m, w, order, from, to))
                .mul((float) cfg.instrumentWeight());
        if (cfg.heads() == Heads.INSTRUMENTS) {
            return bce;
        }
        return TrainingSupport.crossEntropy(y.get(0), TrainingSupport.labels(w, order, from, to), null).add(bce);
    }

    /** @return the instrument logits of a forward pass */
    static NDArray instruments(NDList y) {
        return y.get(y.size() - 1);
    }

    private static NDArray targets(NDManager m, MultiLabelWindows w, int[] order, int from, int to) {
        int labels = w.labelNames().size();
        float[] t = new float[(to - from) * labels];
        for (int k = from; k < to; k++) {
            System.arraycopy(w.targets(order[k]), 0, t, (k - from) * labels, labels);
        }
        return m.create(t, new Shape(to - from, labels));
    }

    /** @return how many windows have every family right at the 0.5 threshold (logit 0) */
    private static int exactMatches(NDArray logits, MultiLabelWindows w, int[] order, int from, int to) {
        int labels = w.labelNames().size();
        float[] l = logits.toFloatArray();
        int hits = 0;
        for (int k = from; k < to; k++) {
            float[] t = w.targets(order[k]);
            boolean all = true;
            for (int j = 0; j < labels && all; j++) {
                all = (l[(k - from) * labels + j] >= 0) == (t[j] > 0.5f);
            }
            hits += all ? 1 : 0;
        }
        return hits;
    }
}
