package org.cadenza.corpus.catalog;

import org.cadenza.io.Parameters;
import java.time.Instant;
import java.util.Optional;

/**
 * A finished product of a job, recorded only after its file was atomically moved into place.
 *
 * @param sha256    SHA-256 (lower-case hex) of the source file the artifact was made from
 * @param stage     {@link Stage#RENDER} or {@link Stage#FEATURES}
 * @param paramsKey the parameters that made it: {@code RenderSettings.key()} or {@code FeatureParams.key()}
 * @param sourceKey what the stage read: for features, the {@code RenderSettings.key()} of the audio it was computed
 *                  from; empty for renders
 * @param path      the artifact file, relative to the workspace folder
 * @param frames    number of spectrogram frames (features), empty for renders
 * @param seconds   duration of the (rendered) audio, in seconds
 * @param created   when the row was written
 */
public record Artifact(String sha256, Stage stage, String paramsKey, String sourceKey, String path,
                       Optional<Integer> frames, double seconds, Instant created) {

    public Artifact {
        Parameters.nonNull("sha256, stage, paramsKey, sourceKey, path, frames, created",
                sha256, stage, paramsKey, sourceKey, path, frames, created);
        if (stage == Stage.INGEST) {
            throw new IllegalArgumentException("ingest produces no artifacts");
        }
    }
}
