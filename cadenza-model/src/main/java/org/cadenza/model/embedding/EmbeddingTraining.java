package org.cadenza.model.embedding;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import org.cadenza.io.CadenzaException;
import org.cadenza.model.LabeledWindows;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
                         Path bestWeights, TrainingResult.Status status) {
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
        TrainingState state = ClassifierTraining.startOrResume(dir, cfg, EmbeddingConfig.class);
        if (!TrainingState.RUNNING.equals(state.status())) {
            return result(dir, cfg, state, TrainingResult.Status.valueOf(state.status()));
        }
        return run(train, val, cfg, dir, listener, state);
    }

    private static Result run(EmbeddingWindows train, EmbeddingWindows val, EmbeddingConfig cfg, Path dir,
                              TrainingListener listener, TrainingState start) {
        LabeledWindows tw = train.windows();
        int classes = tw.classes().size();
        PkBatches sampler = new PkBatches(train.labels(), train.pieceNumbers());
        int batches = sampler.batchesPerEpoch(cfg.composersPerBatch(), cfg.windowsPerComposer());
        int resumedAfter = start.epochsDone();
        OneCycleTracker tracker = new OneCycleTracker(cfg.maxLearningRate(), (long) cfg.epochs() * batches, 0.3,
                TrainingConfig.Anneal.COSINE);
        TrainingState state = start;
        TrainingSupport.seedEngine(cfg.seed(), 0);
        try (Model model = Model.newInstance("cadenza-embedding")) {
            Block block = EmbeddingNetwork.build(cfg, classes);
            model.setBlock(block);
            if (resumedAfter > 0) {
                block.initialize(model.getNDManager(), DataType.FLOAT32, TrainingSupport.inputShape(tw, 1));
                ClassifierTraining.loadParameters(block, model.getNDManager(), weightsFile(dir, resumedAfter));
            }
            Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(tracker)
                    .optWeightDecays((float) cfg.weightDecay()).optBeginNumUpdate(resumedAfter * batches).build();
            try (Trainer trainer = TrainingSupport.newTrainer(model, optimizer)) {
                trainer.initialize(TrainingSupport.inputShape(tw, 1));
                OptimizerState.resume(optimizer, block, trainer, dir, resumedAfter);
                listener.onStart(resumedAfter + 1, cfg.epochs(), batches);
                for (int epoch = resumedAfter + 1; epoch <= cfg.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    TrainingSupport.seedEngine(cfg.seed(), epoch);
                    Random rng = TrainingSupport.random(cfg.seed(), epoch, 1);
                    List<int[]> plan = sampler.epoch(cfg.composersPerBatch(), cfg.windowsPerComposer(), batches, rng);
                    double lossSum = 0;
                    double hitSum = 0;
                    int used = 0;
                    for (int b = 0; b < plan.size(); b++) {
                        int[] items = plan.get(b);
                        int[] labels = TrainingSupport.labels(tw, items, 0, items.length);
                        double[] step = step(trainer, tw, items, labels, cfg);
                        if (step != null) {
                            if (!Double.isFinite(step[0])) {
                                throw new CadenzaException("embedding training diverged: loss " + step[0]
                                        + " at epoch " + epoch + ", batch " + (b + 1) + "; lower the learning rate "
                                        + "(now max " + cfg.maxLearningRate() + ")");
                            }
                            lossSum += step[0];
                            hitSum += step[1];
                            used++;
                        }
                        double secs = (System.nanoTime() - t0) / 1e9;
                        listener.onBatch(new BatchEvent(epoch, cfg.epochs(), b + 1, batches,
                                step == null ? 0 : step[0], used == 0 ? 0 : lossSum / used,
                                used == 0 ? 0 : hitSum / used, (b + 1) * items.length / secs));
                        if (listener.stopRequested()) {
                            return result(dir, cfg, state, TrainingResult.Status.INTERRUPTED);
                        }
                    }
                    double[] v = validate(x -> trainer.evaluate(x), trainer.getManager(), train, val);
                    double lr = tracker.valueAt((long) epoch * batches - 1);
                    EpochRecord rec = new EpochRecord(epoch, used == 0 ? 0 : lossSum / used,
                            used == 0 ? 0 : hitSum / used, v[1], v[0], lr, (System.nanoTime() - t0) / 1e9);
                    boolean improved = state.bestEpoch() == 0 || v[0] > state.bestScore()
                            || (v[0] == state.bestScore() && v[1] < bestDistance(state));
                    ClassifierTraining.saveParameters(block, weightsFile(dir, epoch));
                    OptimizerState.save(optimizer, block, ClassifierTraining.optimizerFile(dir, epoch));
                    state = state.next(rec, improved, v[0], cfg.patience(), cfg.epochs());
                    ClassifierTraining.commit(dir, state);
                    listener.onEpoch(rec, improved);
                    if (!TrainingState.RUNNING.equals(state.status())) {
                        return result(dir, cfg, state, TrainingResult.Status.valueOf(state.status()));
                    }
                    if (listener.stopRequested()) {
                        return result(dir, cfg, state, TrainingResult.Status.INTERRUPTED);
                    }
                }
            }
        }
        throw new IllegalStateException("unreachable: the last epoch always completes the run");
    }

    private static double bestDistance(TrainingState state) {
        return state.history().stream().filter(r -> r.epoch() == state.bestEpoch()).findFirst()
                .map(EpochRecord::valLoss).orElse(Double.POSITIVE_INFINITY);
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

    private static Result result(Path dir, EmbeddingConfig cfg, TrainingState state, TrainingResult.Status status) {
        Path best = state.bestEpoch() > 0 ? weightsFile(dir, state.bestEpoch()) : null;
        return new Result(dir, cfg, state.history(), state.bestEpoch(), best, status);
    }
}
