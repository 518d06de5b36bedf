package org.cadenza.model.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.cadenza.model.nets.Networks;

import java.util.Arrays;

/**
 * The embedding network: the classifier's trunk ({@link Networks#trunk} for windows of spectrograms or piano rolls,
 * {@link Networks#mlp} for feature vectors), a linear head of {@code dimensions} units and an L2 normalisation, so
 * that embeddings are unit vectors and Euclidean distances lie in [0, 2]. The softmax objective adds a linear
 * classifier (no bias) on the embedding times {@link EmbeddingConfig#softmaxScale()}; its output is then
 * {@code (embedding, logits)}, otherwise {@code (embedding)}.
 */
public final class EmbeddingNetwork {

    private EmbeddingNetwork() {
    }

    /**
     * @param cfg     trunk, size and objective
     * @param classes classes of the softmax head (ignored for triplets), &ge; 2
     * @return an uninitialised block
     */
    public static Block build(EmbeddingConfig cfg, int classes) {
        SequentialBlock net = cfg.hasMlpTrunk()
                ? Networks.mlp(cfg.hidden().stream().mapToInt(Integer::intValue).toArray(), (float) cfg.dropout())
                : Networks.trunk(cfg.architecture());
        net.add(Linear.builder().setUnits(cfg.dimensions()).build());
        net.add(new LambdaBlock(list -> new NDList(normalise(list.singletonOrThrow())), "l2normalise"));
        if (cfg.objective() == Objective.SOFTMAX) {
            if (classes < 2) {
                throw new IllegalArgumentException("the softmax objective needs at least 2 classes, got " + classes);
            }
            float scale = (float) cfg.softmaxScale();
            SequentialBlock head = new SequentialBlock()
                    .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().mul(scale)), "scale"))
                    .add(Linear.builder().setUnits(classes).optBias(false).build());
            net.add(new ParallelBlock(
                    list -> new NDList(list.get(0).singletonOrThrow(), list.get(1).singletonOrThrow()),
                    Arrays.asList(Blocks.identityBlock(), head)));
        }
        return net;
    }

    /** @return rows divided by their L2 norm (a tiny epsilon keeps a zero row finite) */
    static NDArray normalise(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
    }
}
