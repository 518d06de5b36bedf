package org.cadenza.model.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.cadenza.model.LabeledWindows;
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
import java.util.Map;
import java.util.function.Function;

/**
 * Trains an {@link EmbeddingNetwork} on windows labelled by composer, with a checkpoint per epoch and resume.
 *
 * <p>Each epoch draws {@link PkBatches} (P composers x K windows spread over their pieces). With the triplet
 * objective every batch is embedded, its triplets are {@linkplain TripletMining mined} from the batch's own distances
 * and the {@link TripletLoss} is minimised; with the softmax objective the classifier head's cross-entropy is. After
 * each epoch the training windows are embedded, their pieces give the composer {@link Anchors}, and every validation
 * piece is assigned to its nearest anchor: the validation accuracy chooses the best epoch (ties: the smaller mean
 * distance of validation pieces to their own composer's anchor, recorded as {@code val_loss}). For the triplet
 * objective {@code train_acc} in the history is the fraction of mined triplets already satisfied by the margin.
 *
 * <p>Folder layout: {@code config.json}, {@code history.csv}, {@code checkpoint/state.json},
 * {@code checkpoint/epoch-NNNN.params} (last and best) and {@code checkpoint/optimizer-NNNN.bin}. Rerunning with
 * the same folder and configuration resumes after the last finished epoch, with the same batches and learning rate
 * as an uninterrupted run.
 */
public final class EmbeddingTraining {

    /** Windows per forward pass when embedding. */
    public static final int EMBED_BATCH = 64;

    private EmbeddingTraining() {
    }

    /**
     * @param dir         the folder trained in
     * @param config      the configuration
     * @param history     one record per finished epoch
     * @param bestEpoch   the epoch with the best validation accuracy
     * @param bestWeights its parameter file
     * @param status      how the run ended
     */
    public record Result(Path dir, EmbeddingConfig config, List<EpochRecord> history, int bestEpoch,
                         Path bestWeights, TrainingResult.Status status) implements TrainingOutcome {
    }

    /**
     * Trains, or resumes the run in {@code dir}; a finished run returns its result without training.
     *
     * @param train    training windows with their pieces (at least 2 composers with 2 windows)
     * @param val      validation windows of the same composers, input shape and classes
     * @param cfg      network and training
     * @param dir      the folder (created)
     * @param listener progress; may ask to stop
     */
    public static Result train(EmbeddingWindows train, EmbeddingWindows val, EmbeddingConfig cfg, Path dir,
                               TrainingListener listener) {
        TrainingSupport.checkCompatible(train.windows(), val.windows(), "validation");
        if (val.size() == 0) {
            throw new IllegalArgumentException("no validation windows: choosing the best epoch needs some");
        }
        LoopSettings settings = new LoopSettings("cadenza-embedding", "embedding training", cfg.epochs(), cfg.seed(),
                cfg.maxLearningRate(), 0.3, TrainingConfig.Anneal.COSINE, cfg.patience(),
                BestEpoch.VAL_ACCURACY_THEN_LOSS);
        TrainingLoop.Outcome out = TrainingLoop.fit(dir, cfg, EmbeddingConfig.class, settings,
                new Embedding(train, val, cfg), listener);
        return new Result(dir, cfg, out.state().history(), out.state().bestEpoch(), out.bestWeights(dir),
                out.status());
    }

    /**
     * The embedding's part of the loop: P x K batches, a triplet or softmax step (batches without a triplet are
     * skipped), validation by nearest composer anchor ({@code val_acc}) and distance to the own anchor
     * ({@code val_loss}).
     */
    private static final class Embedding implements Trainee {

        private final EmbeddingWindows train;
        private final EmbeddingWindows val;
        private final EmbeddingConfig cfg;
        private final PkBatches sampler;
        private final int batches;
        private List<int[]> plan;

        Embedding(EmbeddingWindows train, EmbeddingWindows val, EmbeddingConfig cfg) {
            this.train = train;
            this.val = val;
            this.cfg = cfg;
            this.sampler = new PkBatches(train.labels(), train.pieceNumbers());
            this.batches = sampler.batchesPerEpoch(cfg.composersPerBatch(), cfg.windowsPerComposer());
        }

        @Override
        public int batchesPerEpoch() {
            return batches;
        }

        @Override
        public Block network() {
            return EmbeddingNetwork.build(cfg, train.windows().classes().size());
        }

        @Override
        public Shape[] inputShapes() {
            return new Shape[] {TrainingSupport.inputShape(train.windows(), 1)};
        }

        @Override
        public Optimizer optimizer(Tracker learningRate, int beginNumUpdate) {
            return Optimizer.adamW().optLearningRateTracker(learningRate).optWeightDecays((float) cfg.weightDecay())
                    .optBeginNumUpdate(beginNumUpdate).build();
        }

        @Override
        public void beginEpoch(int epoch) {
            plan = sampler.epoch(cfg.composersPerBatch(), cfg.windowsPerComposer(), batches,
                    TrainingSupport.random(cfg.seed(), epoch, 1));
        }

        @Override
        public BatchStep trainBatch(Trainer trainer, int batch) {
            int[] items = plan.get(batch);
            int[] labels = TrainingSupport.labels(train.windows(), items, 0, items.length);
            double[] step = step(trainer, train.windows(), items, labels, cfg);
            return step == null ? BatchStep.skipped(items.length)
                    : new BatchStep(step[0], step[0], step[1], 1, items.length);
        }

        @Override
        public Validation validate(Trainer trainer) {
            double[] v = EmbeddingTraining.validate(x -> trainer.evaluate(x), trainer.getManager(), train, val);
            return new Validation(v[1], v[0]);
        }
    }

    /** One optimisation step; @return {loss, accuracy or satisfied fraction}, or null when the batch had no triplet */
    private static double[] step(Trainer trainer, LabeledWindows tw, int[] items, int[] labels, EmbeddingConfig cfg) {
        double[] out;
        try (NDManager bm = trainer.getManager().newSubManager()) {
            NDArray x = TrainingSupport.batch(bm, tw, items, 0, items.length, null, null);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList y = trainer.forward(new NDList(x));
                NDArray emb = y.get(0);
                NDArray loss;
                if (cfg.objective() == Objective.SOFTMAX) {
                    NDArray logits = y.get(1);
                    loss = TrainingSupport.crossEntropy(logits, labels, null);
                    out = new double[] {0, TrainingSupport.correct(logits, labels) / (double) labels.length};
                } else {
                    float[][] d = TripletMining.distances(rows(emb));
                    List<Triplet> triplets = TripletMining.mine(d, labels, cfg.mining());
                    if (triplets.isEmpty()) {
                        return null;
                    }
                    loss = TripletLoss.loss(emb, triplets, cfg.margin(), cfg.marginKind());
                    out = new double[] {0, 1 - TripletLoss.activeFraction(d, triplets,
                            cfg.marginKind() == MarginKind.SOFT ? 0 : cfg.margin())};
                }
                gc.backward(loss);
                out[0] = loss.getFloat();
            }
            trainer.step();
        }
        return out;
    }

    /**
     * Embeds the training windows into composer anchors and scores the validation pieces against them.
     *
     * @return {nearest-anchor accuracy of validation pieces, their mean distance to their own composer's anchor}
     */
    static double[] validate(Function<NDList, NDList> forward, NDManager manager, EmbeddingWindows train,
                             EmbeddingWindows val) {
        Anchors anchors = Anchors.of(train.pieceEmbeddings(embed(forward, manager, train.windows())),
                train.composerOfPiece());
        Map<String, float[]> pieces = val.pieceEmbeddings(embed(forward, manager, val.windows()));
        Map<String, String> composerOf = val.composerOfPiece();
        int hits = 0;
        double own = 0;
        int withOwn = 0;
        for (Map.Entry<String, float[]> e : pieces.entrySet()) {
            String truth = composerOf.get(e.getKey());
            List<Anchors.Ranked> ranked = anchors.rank(e.getValue());
            if (ranked.get(0).composer().equals(truth)) {
                hits++;
            }
            float[] a = anchors.composers().get(truth);
            if (a != null) {
                own += Anchors.distance(e.getValue(), a);
                withOwn++;
            }
        }
        return new double[] {hits / (double) pieces.size(), withOwn == 0 ? Double.NaN : own / withOwn};
    }

    /**
     * Embeds every window in batches of {@value #EMBED_BATCH}, in inference mode.
     *
     * @param forward the network's forward pass (inference)
     * @return one unit vector per window
     */
    public static float[][] embed(Function<NDList, NDList> forward, NDManager manager, LabeledWindows windows) {
        int n = windows.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += EMBED_BATCH) {
            int to = Math.min(n, from + EMBED_BATCH);
            try (NDManager bm = manager.newSubManager()) {
                NDArray x = TrainingSupport.batch(bm, windows, order, from, to, null, null);
                float[][] rows = rows(forward.apply(new NDList(x)).get(0));
                System.arraycopy(rows, 0, out, from, rows.length);
            }
        }
        return out;
    }

    /** @return a {@code (n, dim)} array as Java rows */
    static float[][] rows(NDArray a) {
        int n = Math.toIntExact(a.getShape().get(0));
        int dim = Math.toIntExact(a.getShape().get(1));
        float[] flat = a.toFloatArray();
        float[][] out = new float[n][dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * dim, out[i], 0, dim);
        }
        return out;
    }

    /** @return the parameter file of a finished epoch */
    public static Path weightsFile(Path dir, int epoch) {
        return ClassifierTraining.weightsFile(dir, epoch);
    }
}
