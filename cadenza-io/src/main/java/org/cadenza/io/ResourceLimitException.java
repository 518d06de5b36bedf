package org.cadenza.io;

import java.nio.file.Path;

/** An input exceeds a safety limit: too long, too large, too many archive entries, took too long. */
public class ResourceLimitException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitException(Path file, String problem) {
        super(file, problem);
    }

    public ResourceLimitException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
