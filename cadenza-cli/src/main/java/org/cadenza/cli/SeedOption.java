package org.cadenza.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed}: the one seed of every random choice a command makes (split, shuffling, initial weights, sampling),
 * with one default in every command: the same seed and the same data give the same result.
 */
public final class SeedOption {

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N")
    long seed;

    /** @return the seed asked for */
    public long value() {
        return seed;
    }
}
