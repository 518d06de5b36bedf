package org.cadenza.model.train;

import org.cadenza.io.Parameters;
import org.cadenza.model.Architecture;


/**
 * Everything that decides a training run. Build with {@link #builder()}; every field has a documented default.
 *
 * @param architecture network, default {@link Architecture#RESNET}
 * @param optimizer {@link OptimizerKind#ADAMW} (default) or {@link OptimizerKind#SGD} with momentum
 * @param maxLearningRate peak learning rate of the one-cycle schedule, default 1e-3 (try 0.05 for SGD)
 * @param weightDecay decoupled (AdamW) or L2 (SGD) weight decay, default 1e-4
 * @param momentum SGD momentum, default 0.9 (ignored by AdamW, whose betas are DJL's 0.9 / 0.999)
 * @param batchSize windows per mini-batch, default 32
 * @param epochs maximum number of epochs, default 30
 * @param warmupFraction share of all steps spent warming up from {@code maxLearningRate / 25} to the peak,
 *     default 0.3 (one-cycle); the rest anneals to {@code maxLearningRate / 25 / 1e4}
 * @param anneal shape of the decay after warm-up, default {@link Anneal#COSINE}
 * @param stopMetric what early stopping and the best checkpoint follow, default {@link StopMetric#VAL_LOSS};
 *     {@link StopMetric#LAST_EPOCH} keeps the last epoch and never stops early
 * @param patience epochs without improvement before stopping early; 0 disables early stopping; default 5
 * @param seed seed for initialisation, shuffling, augmentation and PyTorch's RNG, default {@link #DEFAULT_SEED}
 * @param specAugment masks applied to training batches, default {@link SpecAugment#DEFAULT}
 * @param classWeights weight the loss by inverse class frequency (mean weight 1), default false
 * @param ensembleMembers networks trained (seeds {@code seed}, {@code seed + 1}, ...) whose class probabilities are
 *     averaged at prediction time, default 1 (a single network); read as 1 when a stored configuration lacks it
 */
public record TrainingConfig(Architecture architecture, OptimizerKind optimizer, double maxLearningRate,
                             double weightDecay, double momentum, int batchSize, int epochs, double warmupFraction,
                             Anneal anneal, StopMetric stopMetric, int patience, long seed, SpecAugment specAugment,
                             boolean classWeights, int ensembleMembers) {

    /** The one documented default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Optimizers. */
    public enum OptimizerKind { ADAMW, SGD }

    /** Decay after warm-up. */
    public enum Anneal { COSINE, LINEAR }

    /**
     * What early stopping and the kept epoch follow (see {@link BestEpoch}): the lowest validation loss, the highest
     * validation accuracy, or the last epoch (early stopping off: {@code patience} is then ignored).
     */
    public enum StopMetric { VAL_LOSS, VAL_ACCURACY, LAST_EPOCH }

    public TrainingConfig {
        Parameters.nonNull("architecture, optimizer, anneal, stopMetric, specAugment",
                architecture, optimizer, anneal, stopMetric, specAugment);
        if (!(maxLearningRate > 0) || !Double.isFinite(maxLearningRate)) {
            throw new IllegalArgumentException("maxLearningRate must be > 0, got " + maxLearningRate);
        }
        if (weightDecay < 0 || momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("weightDecay must be >= 0 and momentum in [0, 1): " + weightDecay
                    + ", " + momentum);
        }
        if (batchSize < 1 || epochs < 1 || patience < 0) {
            throw new IllegalArgumentException("batchSize and epochs must be >= 1, patience >= 0: " + batchSize
                    + ", " + epochs + ", " + patience);
        }
        if (ensembleMembers == 0) {
            ensembleMembers = 1; // configurations stored before ensembles existed
        }
        if (ensembleMembers < 1) {
            throw new IllegalArgumentException("ensembleMembers must be >= 1, got " + ensembleMembers);
        }
        if (warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("warmupFraction must be in [0, 1), got " + warmupFraction);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration of ensemble member {@code k} (1-based): seed {@code seed + k - 1}, one network.
     *
     * @throws IllegalArgumentException when {@code k} is not in 1..{@link #ensembleMembers()}
     */
    public TrainingConfig member(int k) {
        if (k < 1 || k > ensembleMembers) {
            throw new IllegalArgumentException("ensemble member " + k + " of " + ensembleMembers);
        }
        return toBuilder().optSeed(seed + k - 1).optEnsembleMembers(1).build();
    }

    /** @return a builder preset with this config's values */
    public Builder toBuilder() {
        return new Builder().optArchitecture(architecture).optOptimizer(optimizer).optMaxLearningRate(maxLearningRate)
                .optWeightDecay(weightDecay).optMomentum(momentum).optBatchSize(batchSize).optEpochs(epochs)
                .optWarmupFraction(warmupFraction).optAnneal(anneal).optStopMetric(stopMetric).optPatience(patience)
                .optSeed(seed).optSpecAugment(specAugment).optClassWeights(classWeights)
                .optEnsembleMembers(ensembleMembers);
    }

    /** Builder; every setting is optional ({@code optX}). */
    public static final class Builder {
        private Architecture architecture = Architecture.RESNET;
        private OptimizerKind optimizer = OptimizerKind.ADAMW;
        private double maxLearningRate = 1e-3;
        private double weightDecay = 1e-4;
        private double momentum = 0.9;
        private int batchSize = 32;
        private int epochs = 30;
        private double warmupFraction = 0.3;
        private Anneal anneal = Anneal.COSINE;
        private StopMetric stopMetric = StopMetric.VAL_LOSS;
        private int patience = 5;
        private long seed = DEFAULT_SEED;
        private SpecAugment specAugment = SpecAugment.DEFAULT;
        private boolean classWeights;
        private int ensembleMembers = 1;

        public Builder optArchitecture(Architecture v) { architecture = v; return this; }
        public Builder optOptimizer(OptimizerKind v) { optimizer = v; return this; }
        public Builder optMaxLearningRate(double v) { maxLearningRate = v; return this; }
        public Builder optWeightDecay(double v) { weightDecay = v; return this; }
        public Builder optMomentum(double v) { momentum = v; return this; }
        public Builder optBatchSize(int v) { batchSize = v; return this; }
        public Builder optEpochs(int v) { epochs = v; return this; }
        public Builder optWarmupFraction(double v) { warmupFraction = v; return this; }
        public Builder optAnneal(Anneal v) { anneal = v; return this; }
        public Builder optStopMetric(StopMetric v) { stopMetric = v; return this; }
        public Builder optPatience(int v) { patience = v; return this; }
        public Builder optSeed(long v) { seed = v; return this; }
        public Builder optSpecAugment(SpecAugment v) { specAugment = v; return this; }
        public Builder optClassWeights(boolean v) { classWeights = v; return this; }
        public Builder optEnsembleMembers(int v) { ensembleMembers = v; return this; }

        public TrainingConfig build() {
            return new TrainingConfig(architecture, optimizer, maxLearningRate, weightDecay, momentum, batchSize,
                    epochs, warmupFraction, anneal, stopMetric, patience, seed, specAugment, classWeights,
                    ensembleMembers);
        }
    }
}
