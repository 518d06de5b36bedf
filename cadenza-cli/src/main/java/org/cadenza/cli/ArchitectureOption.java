package org.cadenza.cli;

import org.cadenza.model.Architecture;
import picocli.CommandLine.Option;

/** {@code --model}: which kind of network a command trains, with one default everywhere. */
public final class ArchitectureOption {

    @Option(names = "--model", defaultValue = "small")
    Architecture model;

    /** @return the network asked for */
    public Architecture value() {
        return model;
    }
}
