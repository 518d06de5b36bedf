package org.cadenza.model.multitask;

/** Which outputs the network has. */
public enum Heads {
    /** Only the instrument families (sigmoid outputs, binary cross-entropy). */
    INSTRUMENTS,
    /** The composer (softmax, cross-entropy) and the instrument families, one trunk (multi-task learning). */
    COMPOSER_AND_INSTRUMENTS
}
