package org.cadenza.model.generation;

/**
 * How a token language model is built and trained: seed 004's design (stacked LSTM layers with dropout, a dense
 * layer, dropout, a softmax over the vocabulary) over the event tokens of {@code docs/TOKENS.md}. Defaults are those
 * of {@link #defaults()}; seed 004 used 3 layers of 512 units, our CPU default is 3 layers of 256.
 *
 * @param embeddingSize   size of the learned token embedding; default 128
 * @param hiddenSize      LSTM units per layer; default 256
 * @param layers          stacked LSTM layers; default 3
 * @param denseSize       the dense layer between the LSTM and the output layer; default 256
 * @param dropout         dropout between LSTM layers and after the dense layer, in [0, 1); default 0.3
 * @param contextLength   tokens per training crop, the conditioning token included: the longest context the model
 *                        is trained with, evaluated with and sampled with; default 256
 * @param batchSize       crops per optimisation step; default 32
 * @param tokensPerEpoch  training tokens drawn per epoch (random crops, length-weighted over the pieces; 0 = as many
 *                        as the training pieces hold); default 0
 * @param epochs          maximum epochs; default 20
 * @param patience        stop after this many epochs without a lower validation loss (0 = never); default 4
 * @param maxLearningRate AdamW's peak learning rate (one-cycle schedule, cosine decay); default 2e-3
 * @param weightDecay     AdamW's decoupled weight decay; default 1e-4
 * @param clipGradient    element-wise gradient clipping for the LSTM (0 = none); default 1.0
 * @param seed            crops, initialisation and dropout; default 42
 * @param conditionEveryStep whether the conditioning token's embedding is also added to every input step (a model of
 *                        several composers then keeps the composer in view beyond the first token), not only fed
 *                        first; default false (configurations saved before it existed read as false)
 * @param balanceComposers whether training crops draw a composer uniformly first (then a piece, length-weighted),
 *                        rather than pieces length-weighted over all composers; default false
 */
public record LanguageModelConfig(int embeddingSize, int hiddenSize, int layers, int denseSize, double dropout,
                                  int contextLength, int batchSize, long tokensPerEpoch, int epochs, int patience,
                                  double maxLearningRate, double weightDecay, double clipGradient, long seed,
                                  boolean conditionEveryStep, boolean balanceComposers) {

    public LanguageModelConfig {
        if (embeddingSize < 1 || hiddenSize < 1 || layers < 1 || denseSize < 1) {
            throw new IllegalArgumentException("embedding, hidden and dense sizes and layers must be >= 1, got "
                    + embeddingSize + ", " + hiddenSize + ", " + denseSize + ", " + layers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (contextLength < 4) {
            throw new IllegalArgumentException("the context must be at least 4 tokens, got " + contextLength);
        }
        if (batchSize < 1 || tokensPerEpoch < 0) {
            throw new IllegalArgumentException("batch size must be >= 1 and tokens per epoch >= 0, got " + batchSize
                    + ", " + tokensPerEpoch);
        }
        if (epochs < 1 || patience < 0) {
            throw new IllegalArgumentException("epochs must be >= 1 and patience >= 0, got " + epochs + ", "
                    + patience);
        }
        if (!(maxLearningRate > 0) || !(weightDecay >= 0) || !(clipGradient >= 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, weight decay and clipping >= 0");
        }
    }

    /** The defaults listed above. */
    public static LanguageModelConfig defaults() {
        return new LanguageModelConfig(128, 256, 3, 256, 0.3, 256, 32, 0, 20, 4, 2e-3, 1e-4, 1.0, 42, false, false);
    }

    /** @return a copy with another number of epochs */
    public LanguageModelConfig withEpochs(int n) {
        return new LanguageModelConfig(embeddingSize, hiddenSize, layers, denseSize, dropout, contextLength, batchSize,
                tokensPerEpoch, n, patience, maxLearningRate, weightDecay, clipGradient, seed,
                conditionEveryStep, balanceComposers);
    }

    /** @return a copy with another network size */
    public LanguageModelConfig withSize(int embedding, int hidden, int nLayers, int dense) {
        return new LanguageModelConfig(embedding, hidden, nLayers, dense, dropout, contextLength, batchSize,
                tokensPerEpoch, epochs, patience, maxLearningRate, weightDecay, clipGradient, seed,
                conditionEveryStep, balanceComposers);
    }

    /** @return a copy with other training settings */
    public LanguageModelConfig withTraining(int context, int batch, long tokens, int nEpochs, int nPatience,
                                            double lr, long newSeed) {
        return new LanguageModelConfig(embeddingSize, hiddenSize, layers, denseSize, dropout, context, batch, tokens,
                nEpochs, nPatience, lr, weightDecay, clipGradient, newSeed,
                conditionEveryStep, balanceComposers);
    }

    /** @return a copy that adds the conditioning token to every step, or only feeds it first */
    public LanguageModelConfig withConditionEveryStep(boolean every) {
        return new LanguageModelConfig(embeddingSize, hiddenSize, layers, denseSize, dropout, contextLength, batchSize,
                tokensPerEpoch, epochs, patience, maxLearningRate, weightDecay, clipGradient, seed, every,
                balanceComposers);
    }

    /** @return a copy that draws composers uniformly, or pieces length-weighted */
    public LanguageModelConfig withBalanceComposers(boolean balance) {
        return new LanguageModelConfig(embeddingSize, hiddenSize, layers, denseSize, dropout, contextLength, batchSize,
                tokensPerEpoch, epochs, patience, maxLearningRate, weightDecay, clipGradient, seed,
                conditionEveryStep, balance);
    }

    /** @return a copy with another dropout */
    public LanguageModelConfig withDropout(double d) {
        return new LanguageModelConfig(embeddingSize, hiddenSize, layers, denseSize, d, contextLength, batchSize,
                tokensPerEpoch, epochs, patience, maxLearningRate, weightDecay, clipGradient, seed,
                conditionEveryStep, balanceComposers);
    }
}
