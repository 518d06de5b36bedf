package org.cadenza.model.train;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import org.cadenza.io.CadenzaException;

import java.nio.file.Path;
import java.util.List;

/**
 * The one epoch loop every Cadenza training runs (classifier, multi-task, embedding, language model), after DJL's
 * {@code EasyTrain.fit} with {@code TrainingListener}s: a {@link Trainee} supplies the network, optimizer, batches
 * and validation; the loop seeds PyTorch, follows the one-cycle schedule ({@link OneCycleTracker}), records each
 * epoch ({@link EpochRecord}) and hands it to its listeners, in this order:
 * <ol>
 *   <li>{@link ExactResume}: a resumed run starts from the last checkpoint's weights and optimizer moments;</li>
 *   <li>{@link EarlyStopping}: the {@link BestEpoch} choice marks the best epoch, {@code patience} epochs without
 *       improvement end the run, the last epoch completes it;</li>
 *   <li>{@link Checkpointing}: the epoch's weights and optimizer state, then {@code checkpoint/state.json} (the
 *       commit point) and {@code history.csv}; only the last and the best weights are kept;</li>
 *   <li>{@link Progress}: the caller's {@link TrainingListener}, which may ask to stop.</li>
 * </ol>
 *
 * <p>Run folder: {@code config.json}, {@code history.csv}, {@code checkpoint/state.json},
 * {@code checkpoint/epoch-NNNN.params}, {@code checkpoint/optimizer-NNNN.bin} (see {@link ClassifierTraining}).
 * Rerunning with the same folder and configuration resumes after the last finished epoch; an epoch interrupted or
 * killed half-way is redone from its start with the same seeds, shuffles and learning-rate steps, so the history is
 * the uninterrupted run's. A finished run is returned without training; a folder made with another configuration is
 * refused.
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /**
     * How a call of {@link #fit} ended.
     *
     * @param state             the run's state: history, best epoch
     * @param status            why it ended
     * @param resumedAfterEpoch epochs already finished when the call started
     */
    public record Outcome(TrainingState state, TrainingResult.Status status, int resumedAfterEpoch) {

        /** @return the best epoch's parameter file in {@code runDir}, or {@code null} before any epoch finished */
        public Path bestWeights(Path runDir) {
            return state.bestEpoch() > 0 ? ClassifierTraining.weightsFile(runDir, state.bestEpoch()) : null;
        }
    }

    /**
     * Trains, or resumes the run in {@code runDir}.
     *
     * @param runDir     the run folder, created when missing
     * @param config     the training's configuration record, written to {@code config.json} and compared on resume
     * @param configType its class
     * @param settings   epochs, seed, schedule, patience and best-epoch choice
     * @param trainee    network, optimizer, batches and validation
     * @param progress   progress; may ask to stop ({@link TrainingListener#NONE} for none)
     * @throws CadenzaException when the loss stops being finite, or the folder holds another configuration
     */
    public static <C> Outcome fit(Path runDir, C config, Class<C> configType, LoopSettings settings,
                                  Trainee trainee, TrainingListener progress) {
        TrainingState start = ClassifierTraining.startOrResume(runDir, config, configType);
        if (!TrainingState.RUNNING.equals(start.status())) {
            return new Outcome(start, TrainingResult.Status.valueOf(start.status()), start.epochsDone());
        }
        int batches = trainee.batchesPerEpoch();
        OneCycleTracker schedule = new OneCycleTracker(settings.maxLearningRate(), (long) settings.epochs() * batches,
                settings.warmupFraction(), settings.anneal());
        LoopContext c = new LoopContext(runDir, settings, trainee, start, batches);
        List<LoopListener> listeners = List.of(new ExactResume(), new EarlyStopping(), new Checkpointing(),
                new Progress(progress));
        TrainingSupport.seedEngine(settings.seed(), 0);
        try (Model model = Model.newInstance(settings.modelName())) {
            Block block = trainee.network();
            model.setBlock(block);
            c.model = model;
            c.block = block;
            listeners.forEach(l -> l.onNetwork(c));
            Optimizer optimizer = trainee.optimizer(schedule, c.resumedAfter() * batches);
            try (Trainer trainer = TrainingSupport.newTrainer(model, optimizer)) {
                trainer.initialize(trainee.inputShapes());
                c.optimizer = optimizer;
                c.trainer = trainer;
                listeners.forEach(l -> l.onTrainingBegin(c));
                for (int epoch = c.resumedAfter() + 1; epoch <= settings.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    TrainingSupport.seedEngine(settings.seed(), epoch);
                    trainee.beginEpoch(epoch);
                    double lossSum = 0;
                    double hitSum = 0;
                    double weight = 0;
                    long items = 0;
                    for (int b = 0; b < batches; b++) {
                        BatchStep step = trainee.trainBatch(trainer, b);
                        if (!Double.isFinite(step.loss())) {
                            throw new CadenzaException(settings.subject() + " diverged: loss " + step.loss()
                                    + " at epoch " + epoch + ", batch " + (b + 1) + "; lower the learning rate (now max "
                                    + settings.maxLearningRate() + ")");
                        }
                        lossSum += step.weightedLoss();
                        hitSum += step.hits();
                        weight += step.weight();
                        items += step.items();
                        BatchEvent event = new BatchEvent(epoch, settings.epochs(), b + 1, batches, step.loss(),
                                weight == 0 ? 0 : lossSum / weight, weight == 0 ? 0 : hitSum / weight,
                                items / ((System.nanoTime() - t0) / 1e9));
                        listeners.forEach(l -> l.onBatch(c, event));
                        if (stopRequested(listeners)) {
                            return c.outcome(TrainingResult.Status.INTERRUPTED);
                        }
                    }
                    Validation v = trainee.validate(trainer);
                    EpochRecord rec = new EpochRecord(epoch, weight == 0 ? 0 : lossSum / weight,
                            weight == 0 ? 0 : hitSum / weight, v.loss(), v.accuracy(),
                            schedule.valueAt((long) epoch * batches - 1), (System.nanoTime() - t0) / 1e9);
                    listeners.forEach(l -> l.onEpochEnd(c, rec));
                    if (!TrainingState.RUNNING.equals(c.state().status())) {
                        return c.outcome(TrainingResult.Status.valueOf(c.state().status()));
                    }
                    if (stopRequested(listeners)) {
                        return c.outcome(TrainingResult.Status.INTERRUPTED);
                    }
                }
            }
        }
        throw new IllegalStateException("unreachable: the last epoch always completes the run");
    }

    private static boolean stopRequested(List<LoopListener> listeners) {
        for (LoopListener l : listeners) {
            if (l.stopRequested()) {
                return true;
            }
        }
        return false;
    }
}
