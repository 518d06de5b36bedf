package org.cadenza.model.train;

/**
 * What one optimisation step reports to {@link TrainingLoop}: the epoch's training loss is
 * {@code sum(weightedLoss) / sum(weight)} and its training accuracy {@code sum(hits) / sum(weight)} (0 when no step
 * had weight).
 *
 * @param loss         this batch's loss (nats), shown in progress and checked for divergence
 * @param weightedLoss its share of the epoch's loss sum (for a classifier: loss x windows)
 * @param hits         its share of the epoch's accuracy sum (for a classifier: windows classified right)
 * @param weight       its share of the epoch's denominator (windows, scored tokens, or 1 per batch)
 * @param items        windows or crops in the batch, for the throughput shown in progress
 */
public record BatchStep(double loss, double weightedLoss, double hits, double weight, int items) {

    /** A batch that had nothing to learn from (no triplet): no step was taken and it counts for nothing. */
    public static BatchStep skipped(int items) {
        return new BatchStep(0, 0, 0, 0, items);
    }
}
