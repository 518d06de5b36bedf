package org.cadenza.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --run DIR}: the folder a training writes, created on the first run and resumed by the next (embed,
 * instruments, train-style), or where lr-find writes its curve.
 */
public final class RunFolderOption {

    @Option(names = "--run", required = true, paramLabel = "DIR")
    Path dir;

    /** @return the run folder */
    public Path dir() {
        return dir;
    }
}
