package org.cadenza.corpus;

import org.cadenza.io.CadenzaException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Another job holds the workspace's lock for the same kind of work (e.g. another {@code ingest} is running on it):
 * nothing was done; rerun when the other one has finished.
 */
public class WorkspaceBusyException extends CadenzaException {
    private static final long serialVersionUID = 1L;

    private final transient Path workspace;
    private final transient Instant since;

    /**
     * @param workspace the workspace folder
     * @param job       what holds the lock, e.g. {@code "ingest"}
     * @param since     when the holder took the lock, when known
     */
    public WorkspaceBusyException(Path workspace, String job, Optional<Instant> since) {
        super("another " + job + " is running on " + workspace + since.map(t -> " since " + t).orElse("")
                + "; wait for it to finish");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.since = since.orElse(null);
    }

    /** The workspace folder. */
    public Path workspace() {
        return workspace;
    }

    /** When the running job took the lock, when known. */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }
}
