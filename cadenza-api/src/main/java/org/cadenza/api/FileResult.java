package org.cadenza.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a batch ({@link Cadenza#analyzeAll}): its analysis, or the one problem that stopped it.
 *
 * @param file     the file
 * @param analysis the answer, when the file could be read
 * @param problem  what was wrong with the file (e.g. "not a MIDI file"), when it could not
 */
public record FileResult(Path file, Optional<Analysis> analysis, Optional<String> problem) {

    public FileResult {
        Objects.requireNonNull(file, "file");
        if (analysis.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException(file + ": a file result has an analysis or a problem, not both");
        }
    }

    /** @return a result with an answer */
    public static FileResult of(Analysis analysis) {
        return new FileResult(analysis.file(), Optional.of(analysis), Optional.empty());
    }

    /** @return a result for a file that could not be analysed */
    public static FileResult failed(Path file, String problem) {
        return new FileResult(file, Optional.empty(), Optional.of(problem));
    }

    /** @return whether the file was analysed */
    public boolean ok() {
        return analysis.isPresent();
    }
}
