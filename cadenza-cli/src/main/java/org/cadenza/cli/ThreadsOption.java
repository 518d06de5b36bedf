package org.cadenza.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: the same default (one per core) in every command. */
public final class ThreadsOption {

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N")
    int threads;

    /** @return the threads asked for, one per core for 0 */
    public int resolve() {
        return Threads.resolve(threads);
    }
}
