package org.cadenza.cli;

import picocli.CommandLine.Option;

/** {@code --top N}: how many of the most likely answers to list per file (who, predict, identify). */
public final class TopOption {

    @Option(names = "--top", paramLabel = "N")
    int top;

    /** For picocli; the commands give their default with {@link #TopOption(int)}. */
    TopOption() {
        this(5);
    }

    /** @param top how many to list by default */
    TopOption(int top) {
        this.top = top;
    }

    /** @return how many to list */
    int value() {
        return top;
    }
}
