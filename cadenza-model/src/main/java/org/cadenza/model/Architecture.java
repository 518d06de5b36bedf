package org.cadenza.model;

/** The networks the classifier can use; all take input {@code (batch, channels, mels, frames)} and are trained from scratch. */
public enum Architecture {
    /** ResNet-style: stem (input / 4), four stages of basic residual blocks (conv-BN-ReLU x2 + shortcut), global average pool. */
    RESNET,
    /** MobileNet-style: stem (input / 4), depthwise-separable convolutions (3x3 depthwise + 1x1 pointwise), global average pool. */
    MOBILENET,
    /** Small fast CNN: four conv-BN-ReLU-maxpool blocks (16-32-64-128 channels, first conv stride 2), global average pool. */
    SMALL
}
