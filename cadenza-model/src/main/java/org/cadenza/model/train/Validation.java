package org.cadenza.model.train;

/**
 * A model's figures on held-out data after an epoch, recorded as {@link EpochRecord#valLoss()} and
 * {@link EpochRecord#valAccuracy()}.
 *
 * @param loss     validation loss (nats, or what the training documents)
 * @param accuracy validation accuracy, 0..1
 */
public record Validation(double loss, double accuracy) {
}
