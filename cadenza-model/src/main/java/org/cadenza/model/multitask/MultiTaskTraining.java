package org.cadenza.model.multitask;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.train.BatchEvent;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.OneCycleTracker;
import org.cadenza.model.train.OptimizerState;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.model.train.TrainingState;
import org.cadenza.model.train.TrainingSupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link MultiTaskNetwork}: the loss is the composer's cross-entropy (with both heads) plus
 * {@code instrumentWeight} times the instruments' {@link SigmoidCrossEntropy}. Checkpoints, resume, the one-cycle
 * schedule, SpecAugment and early stopping work as in {@link ClassifierTraining}; the run folder has the same layout.
 * In the history, {@code train_acc} and {@code val_acc} are the windows' instrument exact-match ratios at a 0.5
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
                         int bestEpoch, Path bestWeights, TrainingResult.Status status) {
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
        TrainingState state = ClassifierTraining.startOrResume(dir, cfg, MultiTaskConfig.class);
        if (!TrainingState.RUNNING.equals(state.status())) {
            return result(dir, cfg, train.labelNames(), state, TrainingResult.Status.valueOf(state.status()));
        }
        TrainingConfig tc = cfg.training();
        int n = train.size();
        int bs = tc.batchSize();
        int batches = (n + bs - 1) / bs;
        int resumedAfter = state.epochsDone();
        OneCycleTracker tracker = new OneCycleTracker(tc.maxLearningRate(), (long) tc.epochs() * batches,
                tc.warmupFraction(), tc.anneal());
        TrainingSupport.seedEngine(tc.seed(), 0);
        try (Model model = Model.newInstance("cadenza-multitask")) {
            Block block = MultiTaskNetwork.build(tc.architecture(), cfg.heads(), train.classes().size(),
                    train.labelNames().size());
            model.setBlock(block);
            if (resumedAfter > 0) {
                block.initialize(model.getNDManager(), DataType.FLOAT32, TrainingSupport.inputShape(train, 1));
                ClassifierTraining.loadParameters(block, model.getNDManager(),
                        ClassifierTraining.weightsFile(dir, resumedAfter));
            }
            Optimizer optimizer = TrainingSupport.optimizer(tc, tracker, resumedAfter * batches);
            try (Trainer trainer = TrainingSupport.newTrainer(model, optimizer)) {
                trainer.initialize(TrainingSupport.inputShape(train, 1));
                OptimizerState.resume(optimizer, block, trainer, dir, resumedAfter);
                listener.onStart(resumedAfter + 1, tc.epochs(), batches);
                for (int epoch = resumedAfter + 1; epoch <= tc.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    TrainingSupport.seedEngine(tc.seed(), epoch);
                    int[] order = TrainingSupport.permutation(n, TrainingSupport.random(tc.seed(), epoch, 1));
                    Random maskRng = TrainingSupport.random(tc.seed(), epoch, 2);
                    double lossSum = 0;
                    int exact = 0;
                    int seen = 0;
                    for (int b = 0; b < batches; b++) {
                        int from = b * bs;
                        int to = Math.min(n, from + bs);
                        double[] step;
                        try (NDManager bm = trainer.getManager().newSubManager()) {
                            NDArray x = TrainingSupport.batch(bm, train, order, from, to, tc.specAugment(), maskRng);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDList y = trainer.forward(new NDList(x));
                                NDArray loss = loss(y, train, order, from, to, cfg, bm);
                                gc.backward(loss);
                                step = new double[] {loss.getFloat(), exactMatches(instruments(y), train, order, from,
                                        to)};
                            }
                            trainer.step();
                        }
                        if (!Double.isFinite(step[0])) {
                            throw new CadenzaException("training diverged: loss " + step[0] + " at epoch " + epoch
                                    + ", batch " + (b + 1) + "; lower the learning rate (now max "
                                    + tc.maxLearningRate() + ")");
                        }
                        lossSum += step[0] * (to - from);
                        exact += (int) step[1];
                        seen += to - from;
                        listener.onBatch(new BatchEvent(epoch, tc.epochs(), b + 1, batches, step[0], lossSum / seen,
                                exact / (double) seen, seen / ((System.nanoTime() - t0) / 1e9)));
                        if (listener.stopRequested()) {
                            return result(dir, cfg, train.labelNames(), state, TrainingResult.Status.INTERRUPTED);
                        }
                    }
                    double[] v = evaluate(trainer, val, cfg, bs);
                    EpochRecord rec = new EpochRecord(epoch, lossSum / seen, exact / (double) seen, v[0], v[1],
                            tracker.valueAt((long) epoch * batches - 1), (System.nanoTime() - t0) / 1e9);
                    boolean byLoss = tc.stopMetric() == TrainingConfig.StopMetric.VAL_LOSS;
                    double score = byLoss ? v[0] : v[1];
                    boolean improved = state.bestEpoch() == 0
                            || (byLoss ? score < state.bestScore() : score > state.bestScore());
                    ClassifierTraining.saveParameters(block, ClassifierTraining.weightsFile(dir, epoch));
                    OptimizerState.save(optimizer, block, ClassifierTraining.optimizerFile(dir, epoch));
                    state = state.next(rec, improved, score, tc.patience(), tc.epochs());
                    ClassifierTraining.commit(dir, state);
                    listener.onEpoch(rec, improved);
                    if (!TrainingState.RUNNING.equals(state.status())) {
                        return result(dir, cfg, train.labelNames(), state,
                                TrainingResult.Status.valueOf(state.status()));
                    }
                    if (listener.stopRequested()) {
                        return result(dir, cfg, train.labelNames(), state, TrainingResult.Status.INTERRUPTED);
                    }
                }
            }
        }
        throw new IllegalStateException("unreachable: the last epoch always completes the run");
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

    /** @return {mean total loss, exact-match ratio at 0.5} over {@code windows}, inference mode */
    private static double[] evaluate(Trainer trainer, MultiLabelWindows windows, MultiTaskConfig cfg, int bs) {
        int n = windows.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lossSum = 0;
        int exact = 0;
        for (int from = 0; from < n; from += bs) {
            int to = Math.min(n, from + bs);
            try (NDManager bm = trainer.getManager().newSubManager()) {
                NDArray x = TrainingSupport.batch(bm, windows, order, from, to, null, null);
                NDList y = trainer.evaluate(new NDList(x));
                lossSum += loss(y, windows, order, from, to, cfg, bm).getFloat() * (to - from);
                exact += exactMatches(instruments(y), windows, order, from, to);
            }
        }
        return new double[] {lossSum / n, exact / (double) n};
    }

    private static Result result(Path dir, MultiTaskConfig cfg, List<String> labels, TrainingState state,
                                 TrainingResult.Status status) {
        Path best = state.bestEpoch() > 0 ? ClassifierTraining.weightsFile(dir, state.bestEpoch()) : null;
        return new Result(dir, cfg, labels, state.history(), state.bestEpoch(), best, status);
    }
}
