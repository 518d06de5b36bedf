package org.cadenza.model.train;

import java.util.List;

/**
 * The optimizer-independent part of a checkpoint ({@code checkpoint/state.json}), written after each epoch once that
 * epoch's weights are on disk; it is the commit point of the epoch.
 *
 * @param epochsDone finished epochs
 * @param bestEpoch 1-based best epoch so far (0 before the first)
 * @param bestScore best value of the stop metric so far (loss: lower is better; accuracy: higher)
 * @param epochsWithoutImprovement epochs since the best one
 * @param history one record per finished epoch
 * @param status RUNNING while epochs remain, else the final {@link TrainingResult.Status} name
 */
public record TrainingState(int epochsDone, int bestEpoch, double bestScore, int epochsWithoutImprovement,
                            List<EpochRecord> history, String status) {

    public static final String RUNNING = "RUNNING";

    public TrainingState {
        history = List.copyOf(history);
    }
}
