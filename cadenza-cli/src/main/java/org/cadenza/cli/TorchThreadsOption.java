package org.cadenza.cli;

import org.cadenza.model.ModelRuntime;
import picocli.CommandLine.Option;

/**
 * {@code --torch-threads}: PyTorch's threads for the networks' operations, the same option in every command that runs
 * a network. 0 (the default) lets the command choose, as its help says: one thread for small networks and for
 * classifier training (fastest on a busy 2-core machine), every core of {@code --threads} for the LSTMs and CNN
 * embeddings.
 */
public final class TorchThreadsOption {

    @Option(names = "--torch-threads", defaultValue = "0", paramLabel = "N")
    int torchThreads;

    /** Sets PyTorch's threads to the number asked for, else to {@code automatic}; @return the number set */
    public int apply(int automatic) {
        int n = torchThreads > 0 ? torchThreads : Math.max(1, automatic);
        ModelRuntime.setThreads(n);
        return n;
    }
}
