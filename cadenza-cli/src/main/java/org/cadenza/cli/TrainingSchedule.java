package org.cadenza.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long a network trains and how fast it learns: {@code --epochs}, {@code --patience} and {@code --lr}, the same
 * options in every command that trains a network; each command gives its own defaults where it mixes them in, e.g.
 * {@code @Mixin TrainingSchedule schedule = new TrainingSchedule(12, 4, 1e-3);} (shown by --help).
 */
public final class TrainingSchedule {

    @Mixin
    EpochsOption epochs;

    @Option(names = "--patience")
    int patience;

    @Option(names = "--lr")
    double lr;

    /** For picocli; the commands give their defaults with {@link #TrainingSchedule(int, int, double)}. */
    TrainingSchedule() {
        this(10, 5, 1e-3);
    }

    /**
     * @param epochs   epochs at most, by default
     * @param patience epochs without improvement before training stops, by default
     * @param lr       the peak learning rate, by default
     */
    TrainingSchedule(int epochs, int patience, double lr) {
        this.epochs = new EpochsOption(epochs);
        this.patience = patience;
        this.lr = lr;
    }
}
