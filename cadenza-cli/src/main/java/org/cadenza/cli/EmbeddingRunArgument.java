package org.cadenza.cli;

import java.nio.file.Path;

import picocli.CommandLine.Parameters;

/** {@code RUN}, the first argument of the commands that read an embedding model (identify, enrol, map). */
public final class EmbeddingRunArgument {

    @Parameters(index = "0", paramLabel = "RUN", descriptionKey = "embedding-run")
    Path run;

    /** @return the embedding run folder (or its model folder) */
    public Path dir() {
        return run;
    }
}
