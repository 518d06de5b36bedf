package org.cadenza.model.train;

import org.cadenza.io.Parameters;


/**
 * The part of a training's configuration the {@link TrainingLoop} itself follows.
 *
 * @param modelName       name of the DJL model (for messages and logs), e.g. {@code "cadenza-classifier"}
 * @param subject         what diverges in the divergence message, e.g. {@code "training"}
 * @param epochs          the last epoch, &gt;= 1
 * @param seed            seeds PyTorch with (seed, 0) before the network is built and (seed, epoch) before each epoch
 * @param maxLearningRate peak of the one-cycle schedule ({@link OneCycleTracker}), &gt; 0
 * @param warmupFraction  share of all steps spent warming up, in [0, 1)
 * @param anneal          decay after warm-up
 * @param patience        epochs without improvement that stop the run early; 0 = never
 * @param bestEpoch       which epoch is kept and what early stopping follows
 */
public record LoopSettings(String modelName, String subject, int epochs, long seed, double maxLearningRate,
                           double warmupFraction, TrainingConfig.Anneal anneal, int patience, BestEpoch bestEpoch) {

    public LoopSettings {
        Parameters.nonNull("modelName, subject, anneal, bestEpoch", modelName, subject, anneal, bestEpoch);
        if (epochs < 1 || patience < 0 || !(maxLearningRate > 0) || warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("epochs must be >= 1, patience >= 0, the learning rate > 0 and the "
                    + "warm-up fraction in [0, 1): " + epochs + ", " + patience + ", " + maxLearningRate + ", "
                    + warmupFraction);
        }
    }

    /** The loop settings of a {@link TrainingConfig}: its epochs, seed, schedule, patience and stop metric. */
    public static LoopSettings of(TrainingConfig cfg, String modelName) {
        return new LoopSettings(modelName, "training", cfg.epochs(), cfg.seed(), cfg.maxLearningRate(),
                cfg.warmupFraction(), cfg.anneal(), cfg.patience(), BestEpoch.of(cfg.stopMetric()));
    }
}
