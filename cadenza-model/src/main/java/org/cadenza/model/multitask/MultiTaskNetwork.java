package org.cadenza.model.multitask;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.cadenza.model.Architecture;
import org.cadenza.model.nets.Networks;

import java.util.Arrays;

/**
 * The classifier's trunk ({@link Networks#trunk}) with an instrument head of one logit per family, and with
 * {@link Heads#COMPOSER_AND_INSTRUMENTS} a composer head beside it. Output: {@code (instrumentLogits)} or
 * {@code (composerLogits, instrumentLogits)}.
 */
public final class MultiTaskNetwork {

    private MultiTaskNetwork() {
    }

    /**
     * @param architecture the trunk
     * @param heads        which outputs
     * @param classes      composer classes (with the composer head, &ge; 2)
     * @param labels       instrument families, &ge; 1
     * @return an uninitialised block
     */
    public static Block build(Architecture architecture, Heads heads, int classes, int labels) {
        if (labels < 1) {
            throw new IllegalArgumentException("the instrument head needs at least one family");
        }
        SequentialBlock net = Networks.trunk(architecture);
        Block instruments = Linear.builder().setUnits(labels).build();
        if (heads == Heads.INSTRUMENTS) {
            return net.add(instruments);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("the composer head needs at least 2 classes, got " + classes);
        }
        return net.add(new ParallelBlock(
                list -> new NDList(list.get(0).singletonOrThrow(), list.get(1).singletonOrThrow()),
                Arrays.asList(Linear.builder().setUnits(classes).build(), instruments)));
    }
}
