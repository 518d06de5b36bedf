package org.cadenza.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user's file cannot be used. The message always names the file and says what is wrong with it
 * (and, where known, where in the file), so that batch jobs can record it verbatim as a quarantine reason.
 */
public class BadInputException extends CadenzaException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public BadInputException(Path file, String problem) {
        this(file, problem, null);
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The offending file (for archive members: {@code archive.zip!member}). */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name; suitable for a quarantine table. */
    public String problem() {
        return problem;
    }
}
