package org.cadenza.model.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Seed 004's network over event tokens: a learned token embedding, stacked LSTM layers (dropout between them), a
 * dense layer, dropout and a linear output layer giving one logit per vocabulary token (the softmax is in the loss and
 * in sampling).
 *
 * <p>Input: {@code NDList(tokens, condition)} with {@code tokens} of shape {@code (batch, time)} and {@code condition}
 * of shape {@code (batch, 1)} (token ids as float32 or int; the condition is the crop's first token, {@code BOS} or
 * {@code COMPOSER(name)}), or {@code NDList(tokens, condition, h, c)} to continue from a state. With
 * {@link LanguageModelConfig#conditionEveryStep()} the condition's embedding is added to every step's input;
 * otherwise the condition is only known from the first token of the crop. Output: {@code NDList(logits (batch, time,
 * vocabulary), h, c)} with {@code h} and {@code c} of shape {@code (layers, batch, hidden)}: the state after the last
 * step, for sampling one token at a time.
 */
public final class TokenLstm extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int vocabulary;
    private final LanguageModelConfig cfg;
    private final IdEmbedding embedding;
    private final LSTM lstm;
    private final Linear dense;
    private final Dropout dropout;
    private final Linear output;

    /**
     * @param cfg        the sizes
     * @param vocabulary tokens in the vocabulary (the output size)
     */
    public TokenLstm(LanguageModelConfig cfg, int vocabulary) {
        super(VERSION);
        if (vocabulary < 2) {
            throw new IllegalArgumentException("a vocabulary needs at least 2 tokens, got " + vocabulary);
        }
        this.cfg = cfg;
        this.vocabulary = vocabulary;
        embedding = addChildBlock("embedding", new IdEmbedding.Builder().setDictionarySize(vocabulary)
                .setEmbeddingSize(cfg.embeddingSize()).build());
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(cfg.hiddenSize()).setNumLayers(cfg.layers())
                .optDropRate((float) cfg.dropout()).optBatchFirst(true).optReturnState(true).build());
        dense = addChildBlock("dense", Linear.builder().setUnits(cfg.denseSize()).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate((float) cfg.dropout()).build());
        output = addChildBlock("output", Linear.builder().setUnits(vocabulary).build());
    }

    /** Tokens in the vocabulary. */
    public int vocabulary() {
        return vocabulary;
    }

    /** The configuration the block was built with. */
    public LanguageModelConfig config() {
        return cfg;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray tokens = inputs.get(0);
        long batch = tokens.getShape().get(0);
        long time = tokens.getShape().get(1);
        if (inputs.size() != 2 && inputs.size() != 4) {
            throw new IllegalArgumentException("expected (tokens, condition) or (tokens, condition, h, c), got "
                    + inputs.size() + " arrays");
        }
        NDArray emb = embedding.forward(ps, new NDList(tokens.toType(DataType.INT64, false)), training).head();
        if (cfg.conditionEveryStep()) {
            NDArray cond = embedding.forward(ps, new NDList(inputs.get(1).toType(DataType.INT64, false)), training)
                    .head();
            emb = emb.add(cond);
        }
        NDList lstmIn = inputs.size() == 4 ? new NDList(emb, inputs.get(2), inputs.get(3)) : new NDList(emb);
        NDList lstmOut = lstm.forward(ps, lstmIn, training, params);
        NDArray hidden = lstmOut.get(0).reshape(batch * time, cfg.hiddenSize());
        NDArray d = dense.forward(ps, new NDList(hidden), training).head();
        d = dropout.forward(ps, new NDList(d), training).head();
        NDArray logits = output.forward(ps, new NDList(d), training).head().reshape(batch, time, vocabulary);
        return new NDList(logits, lstmOut.get(1), lstmOut.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1);
        Shape state = new Shape(cfg.layers(), batch, cfg.hiddenSize());
        return new Shape[] {new Shape(batch, time, vocabulary), state, state};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long time = inputShapes[0].get(1);
        embedding.initialize(manager, dataType, new Shape(batch, time));
        Shape embShape = new Shape(batch, time, cfg.embeddingSize());
        lstm.initialize(manager, dataType, embShape);
        dense.initialize(manager, dataType, new Shape(batch * time, cfg.hiddenSize()));
        dropout.initialize(manager, dataType, new Shape(batch * time, cfg.denseSize()));
        output.initialize(manager, dataType, new Shape(batch * time, cfg.denseSize()));
    }
}
