package org.cadenza.model.bundle;

import org.cadenza.model.Architecture;
import org.cadenza.model.train.TrainingConfig;

import java.util.List;

/**
 * The contents of a bundle's {@code model.json}: everything needed to use the weights correctly and to know where
 * they came from.
 *
 * @param formatVersion bundle format, {@link ModelBundle#FORMAT_VERSION}
 * @param classes class labels, index = output unit
 * @param architecture network
 * @param inputShape {@code [channels, mels, frames]} of one input item
 * @param input how input windows must be made (feature, window and render keys)
 * @param seed training seed
 * @param dataHash caller-given hash of the training data (e.g. of the split and the file hashes)
 * @param codeVersion Cadenza version that trained the model
 * @param training the full training configuration
 * @param bestEpoch epoch whose weights these are
 * @param valLoss validation loss at that epoch (nats)
 * @param valAccuracy validation window accuracy at that epoch, 0..1
 * @param created creation time, ISO-8601 UTC
 * @param members networks in the bundle (an ensemble averages their class probabilities), &ge; 1; member {@code k}
 *     was trained with seed {@code seed + k - 1}; {@code bestEpoch}, {@code valLoss} and {@code valAccuracy} are
 *     member 1's. Read as 1 from bundles written before ensembles existed.
 */
public record ModelContract(int formatVersion, List<String> classes, Architecture architecture, int[] inputShape,
                            InputContract input, long seed, String dataHash, String codeVersion,
                            TrainingConfig training, int bestEpoch, double valLoss, double valAccuracy,
                            String created, int members) {

    public ModelContract {
        if (members == 0) {
            members = 1;
        }
        if (members < 1) {
            throw new IllegalArgumentException("a bundle holds at least one network, got " + members);
        }
        classes = List.copyOf(classes);
        inputShape = inputShape.clone();
    }
}
