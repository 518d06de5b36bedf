package org.cadenza.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.cadenza.corpus.dataset.SplitSource;
import picocli.CommandLine.Option;

/** {@code --split-file CSV [--split-root DIR]}: a fixed split instead of a random one by piece (train, train-style). */
public final class SplitFileOptions {

    @Option(names = "--split-file", paramLabel = "CSV")
    Path file;

    @Option(names = "--split-root", paramLabel = "DIR")
    Path root;

    /** @return the file's split, its paths relative to --split-root (default: the file's folder); empty without one */
    Optional<SplitSource> source() {
        return file == null ? Optional.empty() : Optional.of(new SplitSource.FromFile(file,
                root == null ? file.toAbsolutePath().getParent() : root));
    }
}
