package org.cadenza.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --out DIR}: the folder a command writes its files into (reports, tables, pictures, models). */
public final class OutFolderOption {

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path dir;

    /** @return the folder */
    public Path dir() {
        return dir;
    }
}
