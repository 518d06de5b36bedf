package org.cadenza.cli;

import picocli.CommandLine.Mixin;

/** {@code --threads} and {@code --torch-threads} together, for the commands that read many files and run networks. */
public final class ThreadOptions {

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

    /** @return the threads for reading files and computing: --threads, one per core for 0 */
    int resolve() {
        return threads.resolve();
    }

    /** Sets PyTorch's threads to --torch-threads, else to {@code automatic}; @return the number set */
    int torch(int automatic) {
        return torch.apply(automatic);
    }
}
