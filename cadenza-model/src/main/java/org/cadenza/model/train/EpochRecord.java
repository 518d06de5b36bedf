package org.cadenza.model.train;

/**
 * One line of the learning curves ({@code history.csv}).
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training cross-entropy over the epoch (nats; with augmentation, in training mode)
 * @param trainAccuracy share of training windows classified right during the epoch, 0..1
 * @param valLoss mean validation cross-entropy (nats, unweighted), NaN without validation windows
 * @param valAccuracy share of validation windows classified right, 0..1, NaN without validation windows
 * @param learningRate learning rate at the epoch's last step
 * @param seconds wall-clock seconds the epoch took (training + validation)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                          double learningRate, double seconds) {

    /** CSV header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "epoch,train_loss,train_acc,val_loss,val_acc,lr,seconds";

    /** @return one CSV line, without line end */
    public String toCsv() {
        return epoch + "," + trainLoss + "," + trainAccuracy + "," + valLoss + "," + valAccuracy + ","
                + learningRate + "," + seconds;
    }
}
