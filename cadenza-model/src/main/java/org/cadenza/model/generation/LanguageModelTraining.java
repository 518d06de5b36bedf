package org.cadenza.model.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.cadenza.model.train.BatchStep;
import org.cadenza.model.train.BestEpoch;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.LoopSettings;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.Trainee;
import org.cadenza.model.train.TrainingLoop;
import org.cadenza.model.train.TrainingOutcome;
import org.cadenza.model.train.TrainingResult;
import org.cadenza.model.train.TrainingSupport;
import org.cadenza.model.train.Validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Trains a {@link TokenLstm} by next-token cross-entropy on random {@link Crops} of the training pieces, with a
 * checkpoint per epoch and resume. After each epoch the validation pieces are scored with the strided
 * {@linkplain Crops#evaluationWindows evaluation windows}: their negative log-likelihood per token ({@code val_loss},
 * nats) chooses the best epoch and stops the run after {@code patience} epochs without improvement.
 * {@code train_acc} and {@code val_acc} are next-token accuracies (the most probable token is the right one).
 *
 * <p>Folder layout as {@link ClassifierTraining}: {@code config.json}, {@code history.csv},
 * {@code checkpoint/state.json}, {@code checkpoint/epoch-NNNN.params}, {@code checkpoint/optimizer-NNNN.bin}.
 * Rerunning with the same folder and configuration resumes after the last finished epoch with the same crops and
 * learning rate as an uninterrupted run.
 */
public final class LanguageModelTraining {

    /** Crops per forward pass when scoring. */
    public static final int SCORE_BATCH = 32;

    private LanguageModelTraining() {
    }

    /**
     * @param dir         the folder trained in
     * @param config      the configuration
     * @param vocabulary  tokens in the vocabulary
     * @param history     one record per finished epoch
     * @param bestEpoch   the epoch with the lowest validation loss
     * @param bestWeights its parameter file
     * @param status      how the run ended
     */
    public record Result(Path dir, LanguageModelConfig config, int vocabulary, List<EpochRecord> history,
                         int bestEpoch, Path bestWeights, TrainingResult.Status status) implements TrainingOutcome {
    }

    /**
     * Trains, or resumes the run in {@code dir}; a finished run returns its result without training.
     *
     * @param train      training pieces (at least one)
     * @param val        validation pieces (at least one)
     * @param cfg        network and training
     * @param vocabulary tokens in the vocabulary
     * @param dir        the folder (created)
     * @param listener   progress; may ask to stop
     */
    public static Result train(List<TokenPiece> train, List<TokenPiece> val, LanguageModelConfig cfg, int vocabulary,
                               Path dir, TrainingListener listener) {
        if (train.isEmpty() || val.isEmpty()) {
            throw new IllegalArgumentException("language-model training needs training and validation pieces, got "
                    + train.size() + " and " + val.size());
        }
        LoopSettings settings = new LoopSettings("cadenza-token-lstm", "language-model training", cfg.epochs(),
                cfg.seed(), cfg.maxLearningRate(), 0.1, TrainingConfig.Anneal.COSINE, cfg.patience(),
                BestEpoch.VAL_LOSS);
        TrainingLoop.Outcome out = TrainingLoop.fit(dir, cfg, LanguageModelConfig.class, settings,
                new Lstm(train, val, cfg, vocabulary), listener);
        return new Result(dir, cfg, vocabulary, out.state().history(), out.state().bestEpoch(), out.bestWeights(dir),
                out.status());
    }

    /** Optimisation steps per epoch. */
    public static int batchesPerEpoch(List<TokenPiece> train, LanguageModelConfig cfg) {
        long tokens = cfg.tokensPerEpoch() > 0 ? cfg.tokensPerEpoch()
                : Crops.cumulativeLengths(train)[train.size() - 1];
        long crops = (tokens + cfg.contextLength() - 1) / cfg.contextLength();
        return (int) Math.max(1, (crops + cfg.batchSize() - 1) / cfg.batchSize());
    }

    /**
     * The language model's part of the loop: random crops (length-weighted, optionally composer-balanced), AdamW with
     * gradient clipping, validation by the strided evaluation windows.
     */
    private static final class Lstm implements Trainee {

        private final List<TokenPiece> train;
        private final List<TokenPiece> val;
        private final LanguageModelConfig cfg;
        private final int vocabulary;
        private final double[] cumulative;
        private Random rng;

        Lstm(List<TokenPiece> train, List<TokenPiece> val, LanguageModelConfig cfg, int vocabulary) {
            this.train = train;
            this.val = val;
            this.cfg = cfg;
            this.vocabulary = vocabulary;
            this.cumulative = Crops.cumulativeWeights(train, cfg.balanceComposers());
        }

        @Override
        public int batchesPerEpoch() {
            return LanguageModelTraining.batchesPerEpoch(train, cfg);
        }

        @Override
        public Block network() {
            return new TokenLstm(cfg, vocabulary);
        }

        @Override
        public Shape[] inputShapes() {
            return new Shape[] {new Shape(1, cfg.contextLength()), new Shape(1, 1)};
        }

        @Override
        public Optimizer optimizer(Tracker learningRate, int beginNumUpdate) {
            AdamW.Builder ob = Optimizer.adamW().optLearningRateTracker(learningRate)
                    .optWeightDecays((float) cfg.weightDecay()).optBeginNumUpdate(beginNumUpdate);
            if (cfg.clipGradient() > 0) {
                ob.optClipGrad((float) cfg.clipGradient());
            }
            return ob.build();
        }

        @Override
        public void beginEpoch(int epoch) {
            rng = TrainingSupport.random(cfg.seed(), epoch, 1);
        }

        @Override
        public BatchStep trainBatch(Trainer trainer, int batch) {
            Crops.Batch crops = Crops.random(train, cumulative, cfg.batchSize(), cfg.contextLength(), rng);
            double[] step = step(trainer, crops);
            int scored = crops.scored();
            return new BatchStep(step[0], step[0] * scored, step[1], scored, cfg.batchSize());
        }

        @Override
        public Validation validate(Trainer trainer) {
            Score v = score(x -> trainer.evaluate(x), trainer.getManager(), val, cfg.contextLength());
            return new Validation(v.nll(), v.accuracy());
        }
    }

    /** One optimisation step; @return {mean loss over the scored targets, right next-token guesses} */
    private static double[] step(Trainer trainer, Crops.Batch batch) {
        double[] out = new double[2];
        try (NDManager bm = trainer.getManager().newSubManager()) {
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(inputs(bm, batch)).get(0);
                NDArray[] lossAndHits = maskedCrossEntropy(logits, batch);
                gc.backward(lossAndHits[0]);
                out[0] = lossAndHits[0].getFloat();
                out[1] = lossAndHits[1].getFloat();
            }
            trainer.step();
        }
        return out;
    }

    /** The network's input for a batch: {@code (tokens, condition)}. */
    static NDList inputs(NDManager m, Crops.Batch batch) {
        return new NDList(m.create(batch.inputs(), new Shape(batch.rows(), batch.length())),
                m.create(batch.conditions(), new Shape(batch.rows(), 1)));
    }

    /**
     * @return {mean negative log-likelihood over the scored targets (nats), number of scored targets whose most
     *         probable token is right, summed negative log-likelihood}
     */
    static NDArray[] maskedCrossEntropy(NDArray logits, Crops.Batch batch) {
        NDManager m = logits.getManager();
        long v = logits.getShape().get(2);
        NDArray flat = logits.reshape(-1, v);
        NDArray target = m.create(batch.targets()).toType(DataType.INT64, false).reshape(-1, 1);
        NDArray logp = flat.logSoftmax(1).gather(target, 1).reshape(-1);
        NDArray w = m.create(batch.weights());
        NDArray nllSum = logp.mul(w).sum().neg();
        NDArray mean = nllSum.div(Math.max(1, batch.scored()));
        NDArray hits = flat.argMax(1).eq(target.reshape(-1)).toType(DataType.FLOAT32, false).mul(w).sum();
        return new NDArray[] {mean, hits, nllSum};
    }

    /**
     * Held-out scores.
     *
     * @param nll      negative log-likelihood per token, nats
     * @param accuracy share of tokens whose most probable prediction is right
     * @param tokens   tokens scored
     */
    public record Score(double nll, double accuracy, long tokens) {

        /** {@code exp(nll)}. */
        public double perplexity() {
            return Math.exp(nll);
        }

        /** Bits per token. */
        public double bitsPerToken() {
            return nll / Math.log(2);
        }
    }

    /**
     * Scores every token of {@code pieces} once with the strided evaluation windows.
     *
     * @param forward the network's forward pass in inference mode
     */
    public static Score score(Function<NDList, NDList> forward, NDManager manager, List<TokenPiece> pieces,
                              int contextLength) {
        List<Crops.Window> windows = Crops.evaluationWindows(pieces, contextLength);
        double nll = 0;
        double hits = 0;
        long tokens = 0;
        for (int from = 0; from < windows.size(); from += SCORE_BATCH) {
            int to = Math.min(windows.size(), from + SCORE_BATCH);
            Crops.Batch batch = Crops.of(pieces, windows, from, to, contextLength);
            try (NDManager bm = manager.newSubManager()) {
                NDArray[] r = maskedCrossEntropy(forward.apply(inputs(bm, batch)).get(0), batch);
                nll += r[2].getFloat();
                hits += r[1].getFloat();
                tokens += batch.scored();
            }
        }
        return new Score(nll / Math.max(1, tokens), hits / Math.max(1, tokens), tokens);
    }
}
