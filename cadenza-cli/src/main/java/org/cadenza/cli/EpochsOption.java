package org.cadenza.cli;

import picocli.CommandLine.Option;

/**
 * {@code --epochs N}: passes over the training windows at most, in every command that trains a network; each command
 * gives its default where it mixes it in, e.g. {@code @Mixin EpochsOption epochs = new EpochsOption(10);} (shown by
 * --help).
 */
public final class EpochsOption {

    @Option(names = "--epochs", paramLabel = "N")
    int epochs;

    /** For picocli; the commands give their default with {@link #EpochsOption(int)}. */
    EpochsOption() {
        this(10);
    }

    /** @param epochs epochs at most, by default */
    EpochsOption(int epochs) {
        this.epochs = epochs;
    }

    /** @return epochs at most */
    int value() {
        return epochs;
    }
}
