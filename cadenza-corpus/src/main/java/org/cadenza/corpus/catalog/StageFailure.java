package org.cadenza.corpus.catalog;

import org.cadenza.io.Parameters;
import java.time.Instant;

/**
 * A valid-looking file that failed at a job stage (e.g. a MIDI file the synthesizer could not render in time).
 * Unlike quarantine this does not change the file's status; the job retries it on its next run.
 *
 * @param sha256    the source file's SHA-256
 * @param stage     the stage that failed
 * @param paramsKey the stage's parameter key
 * @param sourceKey what the stage read (see {@link Artifact#sourceKey()})
 * @param reason    why
 * @param runId     the run that failed
 * @param time      when
 */
public record StageFailure(String sha256, Stage stage, String paramsKey, String sourceKey, String reason, long runId,
                           Instant time) {

    public StageFailure {
        Parameters.nonNull("sha256, stage, paramsKey, sourceKey, reason, time",
                sha256, stage, paramsKey, sourceKey, reason, time);
    }
}
