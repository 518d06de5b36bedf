package org.cadenza.model.nets;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.cadenza.model.Architecture;

import java.util.Arrays;

/**
 * Builds the classifier networks as DJL blocks. Input {@code (batch, channels, mels, frames)} of log-mel values in
 * dB; output {@code (batch, classes)} logits (no softmax). Every network starts with a batch norm over the input
 * (learned input normalisation, so callers need not standardise) and ends with global average pooling, so any
 * window of at least 32 x 32 (mels x frames) works. Widths are sized for CPU inference (see the README for measured
 * milliseconds per 128 x 216 window).
 */
public final class Networks {

    private Networks() {
    }

    /**
     * @param architecture which network
     * @param classes number of output classes, at least 2
     * @return an uninitialised block (initialise with {@code (1, channels, mels, frames)})
     */
    public static Block build(Architecture architecture, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        return trunk(architecture).add(Linear.builder().setUnits(classes).build());
    }

    /**
     * The classifier's trunk: everything up to and including the global average pool, so its output is
     * {@code (batch, features)} (128 for SMALL, 256 for RESNET, 512 for MOBILENET). {@link #build} is this trunk plus
     * one linear layer, in the same block, so classifier weight files keep their layout; the embedding networks put
     * their own head on it.
     *
     * @param architecture which network
     * @return an uninitialised block whose children can still be added to
     */
    public static SequentialBlock trunk(Architecture architecture) {
        SequentialBlock net = new SequentialBlock().add(BatchNorm.builder().build());
        switch (architecture) {
            case SMALL -> small(net);
            case RESNET -> resnet(net);
            case MOBILENET -> mobilenet(net);
            default -> throw new IllegalArgumentException("unknown architecture " + architecture);
        }
        return net.add(Pool.globalAvgPool2dBlock());
    }

    /**
     * A multilayer perceptron trunk for feature vectors: the input {@code (batch, ...)} is flattened, then each hidden
     * layer is linear, batch norm, ReLU and dropout. Input should be standardised (z-scores).
     *
     * @param hidden  units per hidden layer, at least one layer, each &ge; 1
     * @param dropout dropout probability after each hidden layer, in [0, 1)
     * @return an uninitialised block with output {@code (batch, hidden[last])}
     */
    public static SequentialBlock mlp(int[] hidden, float dropout) {
        if (hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer of at least one unit, got "
                    + Arrays.toString(hidden));
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int h : hidden) {
            net.add(Linear.builder().setUnits(h).build()).add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
            if (dropout > 0) {
                net.add(Dropout.builder().optRate(dropout).build());
            }
        }
        return net;
    }

    /**
     * Four blocks conv3x3-BN-ReLU-maxpool2, 16-32-64-128 channels; the first conv has stride 2, so a 128 x 216
     * window is 8 x 13 before the pool (about 25 M multiply-adds per window).
     */
    private static void small(SequentialBlock net) {
        int stride = 2;
        for (int filters : new int[] {16, 32, 64, 128}) {
            net.add(conv(filters, 3, stride, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
            stride = 1;
        }
    }

    /**
     * Stem conv3x3 stride 2 (24 channels) + maxpool 2 (input / 4, as ResNet's stem), then one basic residual
     * block per stage: 32, 64 (s2), 128 (s2), 256 (s2); a 128 x 216 window is 4 x 7 before the pool.
     */
    private static void resnet(SequentialBlock net) {
        net.add(conv(24, 3, 2, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        net.add(residual(32, 1, true)).add(residual(64, 2, true)).add(residual(128, 2, true))
                .add(residual(256, 2, true));
    }

    private static Block residual(int filters, int stride, boolean projectShortcut) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(filters, 3, stride, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(filters, 3, 1, 1)).add(BatchNorm.builder().build());
        Block shortcut = projectShortcut
                ? new SequentialBlock().add(conv(filters, 1, stride, 0)).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(
                        list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                        Arrays.asList(main, shortcut)))
                .add(Activation.reluBlock());
    }

    /**
     * Stem conv3x3 stride 2 (32 channels) + maxpool 2, then depthwise-separable blocks 64, 128 (s2), 128,
     * 256 (s2), 256, 512 (s2).
     */
    private static void mobilenet(SequentialBlock net) {
        net.add(conv(32, 3, 2, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        int in = 32;
        int[][] plan = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}};
        for (int[] step : plan) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(step[1], step[1]))
                            .optPadding(new Shape(1, 1)).setFilters(in).optGroups(in).optBias(false).build())
                    .add(BatchNorm.builder().build()).add(Activation.reluBlock())
                    .add(conv(step[0], 1, 1, 0)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
            in = step[0];
        }
    }

    private static Block conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).setFilters(filters).optBias(false).build();
    }
}
