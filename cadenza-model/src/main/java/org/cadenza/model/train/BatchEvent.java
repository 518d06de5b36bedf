package org.cadenza.model.train;

/**
 * Progress within an epoch, sent after every mini-batch.
 *
 * @param epoch 1-based epoch
 * @param epochs maximum number of epochs
 * @param batch 1-based batch within the epoch
 * @param batches batches per epoch
 * @param loss this batch's loss (nats)
 * @param runningLoss mean loss over the epoch so far
 * @param runningAccuracy training accuracy over the epoch so far, 0..1
 * @param windowsPerSecond training throughput over the epoch so far
 */
public record BatchEvent(int epoch, int epochs, int batch, int batches, double loss, double runningLoss,
                         double runningAccuracy, double windowsPerSecond) {
}
