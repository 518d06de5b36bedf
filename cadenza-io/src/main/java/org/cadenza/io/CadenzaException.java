package org.cadenza.io;

/**
 * Root of Cadenza's small exception hierarchy. Unchecked, always keeps its cause.
 *
 * <ul>
 *   <li>{@link BadInputException}: a user file (or archive entry) cannot be used; names the file and the problem.</li>
 *   <li>{@link ResourceLimitException}: an input exceeds a safety limit (size, entry count, duration, time).</li>
 *   <li>{@link CadenzaException} itself: everything else (workspace, environment, configuration).</li>
 * </ul>
 */
public class CadenzaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CadenzaException(String message) {
        super(message);
    }

    public CadenzaException(String message, Throwable cause) {
        super(message, cause);
    }
}
