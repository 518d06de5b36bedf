package org.cadenza.model.embedding;

import java.util.List;
import java.util.Objects;

import org.cadenza.model.Architecture;

/**
 * How an embedding network is built and trained. Defaults are those of {@link #builder()}.
 *
 * @param objective          triplet or softmax; default {@link Objective#TRIPLET}
 * @param mining             triplet mining (triplet objective only); default {@link Mining#BATCH_HARD}
 * @param margin             triplet margin in distance units (unit embeddings: distances in [0, 2]); default 0.2
 * @param marginKind         hinge with that margin, or the soft margin; default {@link MarginKind#HINGE}
 * @param dimensions         embedding size; default 64
 * @param trunk              {@code "mlp"} (feature vectors) or a CNN {@link Architecture} name in lower case
 *                           ({@code small}, {@code resnet}, {@code mobilenet}; piano-roll or spectrogram windows);
 *                           default {@code mlp}
 * @param hidden             hidden layer sizes of the MLP trunk; default [256, 256]
 * @param dropout            dropout after each MLP hidden layer, in [0, 1); default 0.2
 * @param composersPerBatch  P, classes per batch; default 8
 * @param windowsPerComposer K, windows per class per batch (spread over pieces); default 8
 * @param epochs             maximum epochs; default 40
 * @param patience           stop after this many epochs without a better validation accuracy (0 = never); default 10
 * @param maxLearningRate    AdamW's peak learning rate (one-cycle schedule, cosine decay); default 1e-3
 * @param weightDecay        AdamW's decoupled weight decay; default 1e-4
 * @param softmaxScale       scale of the unit embedding before the classifier (softmax objective); default 16
 * @param seed               batches, initialisation and dropout; default 42
 */
public record EmbeddingConfig(Objective objective, Mining mining, double margin, MarginKind marginKind,
                              int dimensions, String trunk,
                              List<Integer> hidden, double dropout, int composersPerBatch, int windowsPerComposer,
                              int epochs, int patience, double maxLearningRate, double weightDecay,
                              double softmaxScale, long seed) {

    /** The MLP trunk's name. */
    public static final String MLP = "mlp";

    public EmbeddingConfig {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(mining, "mining");
        // configurations saved before the soft margin existed have no marginKind: they used the hinge
        marginKind = marginKind == null ? MarginKind.HINGE : marginKind;
        Objects.requireNonNull(trunk, "trunk");
        hidden = List.copyOf(hidden);
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be finite and >= 0, got " + margin);
        }
        if (dimensions < 2) {
            throw new IllegalArgumentException("an embedding needs at least 2 dimensions, got " + dimensions);
        }
        if (!trunk.equals(MLP)) {
            architectureOf(trunk);
        }
        if (composersPerBatch < 2 || windowsPerComposer < 2) {
            throw new IllegalArgumentException("batches need at least 2 composers x 2 windows, got "
                    + composersPerBatch + " x " + windowsPerComposer);
        }
        if (epochs < 1 || patience < 0) {
            throw new IllegalArgumentException("epochs must be >= 1 and patience >= 0, got " + epochs + ", "
                    + patience);
        }
        if (!(maxLearningRate > 0) || !(weightDecay >= 0) || !(softmaxScale > 0)) {
            throw new IllegalArgumentException("learning rate and softmax scale must be > 0 and weight decay >= 0");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** @return the CNN trunk; throws for the MLP trunk */
    public Architecture architecture() {
        return architectureOf(trunk);
    }

    private static Architecture architectureOf(String trunk) {
        try {
            return Architecture.valueOf(trunk.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown trunk '" + trunk + "'; use mlp, small, resnet or mobilenet", e);
        }
    }

    /** @return true for the MLP trunk (feature vectors) */
    public boolean hasMlpTrunk() {
        return trunk.equals(MLP);
    }

    /** @return a builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        return new Builder().optObjective(objective).optMining(mining).optMargin(margin).optMarginKind(marginKind)
                .optDimensions(dimensions)
                .optTrunk(trunk).optHidden(hidden).optDropout(dropout).optComposersPerBatch(composersPerBatch)
                .optWindowsPerComposer(windowsPerComposer).optEpochs(epochs).optPatience(patience)
                .optMaxLearningRate(maxLearningRate).optWeightDecay(weightDecay).optSoftmaxScale(softmaxScale)
                .optSeed(seed);
    }

    /** Builder; every field has a default. */
    public static final class Builder {
        private Objective objective = Objective.TRIPLET;
        private Mining mining = Mining.BATCH_HARD;
        private double margin = 0.2;
        private MarginKind marginKind = MarginKind.HINGE;
        private int dimensions = 64;
        private String trunk = MLP;
        private List<Integer> hidden = List.of(256, 256);
        private double dropout = 0.2;
        private int composersPerBatch = 8;
        private int windowsPerComposer = 8;
        private int epochs = 40;
        private int patience = 10;
        private double maxLearningRate = 1e-3;
        private double weightDecay = 1e-4;
        private double softmaxScale = 16;
        private long seed = 42;

        public Builder optObjective(Objective v) { objective = v; return this; }
        public Builder optMining(Mining v) { mining = v; return this; }
        public Builder optMargin(double v) { margin = v; return this; }
        public Builder optMarginKind(MarginKind v) { marginKind = v; return this; }
        public Builder optDimensions(int v) { dimensions = v; return this; }
        public Builder optTrunk(String v) { trunk = v.toLowerCase(java.util.Locale.ROOT); return this; }
        public Builder optHidden(List<Integer> v) { hidden = v; return this; }
        public Builder optDropout(double v) { dropout = v; return this; }
        public Builder optComposersPerBatch(int v) { composersPerBatch = v; return this; }
        public Builder optWindowsPerComposer(int v) { windowsPerComposer = v; return this; }
        public Builder optEpochs(int v) { epochs = v; return this; }
        public Builder optPatience(int v) { patience = v; return this; }
        public Builder optMaxLearningRate(double v) { maxLearningRate = v; return this; }
        public Builder optWeightDecay(double v) { weightDecay = v; return this; }
        public Builder optSoftmaxScale(double v) { softmaxScale = v; return this; }
        public Builder optSeed(long v) { seed = v; return this; }

        /** @return the configuration */
        public EmbeddingConfig build() {
            return new EmbeddingConfig(objective, mining, margin, marginKind, dimensions, trunk, hidden, dropout,
                    composersPerBatch, windowsPerComposer, epochs, patience, maxLearningRate, weightDecay,
                    softmaxScale, seed);
        }
    }
}
