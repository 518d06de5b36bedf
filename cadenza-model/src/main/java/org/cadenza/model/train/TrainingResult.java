package org.cadenza.model.train;

import org.cadenza.model.Architecture;

import java.nio.file.Path;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param runDir the run folder
 * @param classes class labels, index = class number
 * @param inputShape {@code [channels, mels, frames]}
 * @param config the configuration used
 * @param history one record per finished epoch, from epoch 1 (including epochs of earlier, interrupted runs)
 * @param bestEpoch 1-based epoch whose weights are kept in {@link #bestWeights()}
 * @param bestWeights DJL parameter file of the best epoch
 * @param status why the run ended
 * @param resumedAfterEpoch epochs already finished when this call started (0 for a fresh run)
 */
public record TrainingResult(Path runDir, List<String> classes, int[] inputShape, TrainingConfig config,
                             List<EpochRecord> history, int bestEpoch, Path bestWeights, Status status,
                             int resumedAfterEpoch) implements TrainingOutcome {

    /** Why training ended. */
    public enum Status {
        /** All configured epochs ran. */
        COMPLETED,
        /** Validation stopped improving for {@code patience} epochs. */
        STOPPED_EARLY,
        /** The listener asked to stop; rerun with the same run folder to resume. */
        INTERRUPTED
    }

    /** @return the architecture trained */
    public Architecture architecture() {
        return config.architecture();
    }

    /** @return the best epoch's record; throws when no epoch has finished (an interruption during epoch 1) */
    public EpochRecord best() {
        if (bestEpoch < 1) {
            throw new IllegalStateException(runDir + ": no epoch has finished yet");
        }
        return history.get(bestEpoch - 1);
    }
}
