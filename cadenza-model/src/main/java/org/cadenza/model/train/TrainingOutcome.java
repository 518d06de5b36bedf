package org.cadenza.model.train;

import java.util.List;

/**
 * How a training run went, as every trainer reports it (classifier, multi-task, embedding, language model): the
 * epochs' figures, the epoch whose weights are kept and why the run ended.
 */
public interface TrainingOutcome {

    /** @return one record per finished epoch, from epoch 1 (including epochs of earlier, interrupted runs) */
    List<EpochRecord> history();

    /** @return 1-based epoch whose weights are kept */
    int bestEpoch();

    /** @return why the run ended */
    TrainingResult.Status status();
}
