package org.cadenza.corpus.catalog;

import org.cadenza.io.Parameters;
import java.time.Instant;

/**
 * One structured problem met by a run: a bad file at ingest, a file that failed to render or featurise.
 *
 * @param runId   the run that met it
 * @param stage   where
 * @param path    the file (as given by the user, or {@code archive.zip!member})
 * @param problem what went wrong, without the file name (a {@code BadInputException.problem()})
 * @param time    when
 */
public record Problem(long runId, Stage stage, String path, String problem, Instant time) {

    public Problem {
        Parameters.nonNull("stage, path, problem, time", stage, path, problem, time);
    }

    /** {@code path: problem}. */
    @Override
    public String toString() {
        return path + ": " + problem;
    }
}
