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

    /**
     * The state after a finished epoch: the best epoch moves when it improved, the patience count grows when it did
     * not, and the run stops early (patience &gt; 0 and exhausted before the last epoch) or completes.
     *
     * @param rec      the epoch's record
     * @param improved whether it beat the best so far
     * @param score    its value of the stop metric
     * @param patience epochs without improvement that stop the run, 0 = never
     * @param epochs   the run's last epoch
     */
    public TrainingState next(EpochRecord rec, boolean improved, double score, int patience, int epochs) {
        int epoch = rec.epoch();
        int without = improved ? 0 : epochsWithoutImprovement + 1;
        List<EpochRecord> h = new java.util.ArrayList<>(history);
        h.add(rec);
        String next = RUNNING;
        if (patience > 0 && without >= patience && epoch < epochs) {
            next = TrainingResult.Status.STOPPED_EARLY.name();
        } else if (epoch == epochs) {
            next = TrainingResult.Status.COMPLETED.name();
        }
        return new TrainingState(epoch, improved ? epoch : bestEpoch, improved ? score : bestScore, without, h, next);
    }
}
