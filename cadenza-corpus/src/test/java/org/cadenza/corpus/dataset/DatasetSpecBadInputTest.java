package org.cadenza.corpus.dataset;

import static org.cadenza.io.Refusals.refuses;

import java.util.List;
import java.util.Set;

import org.cadenza.render.Augmentation;
import org.junit.jupiter.api.Test;

/** Every refusal of a dataset specification names the record and what is wrong. */
class DatasetSpecBadInputTest {

    @Test
    void refusesTooFewPiecesAnEmptyWhitelistAndRepeatedAugmentations() {
        refuses(() -> DatasetSpec.builder().optMinPiecesPerClass(0).build(),
                "DatasetSpec: minPiecesPerClass must be >= 1, got 0");
        refuses(() -> DatasetSpec.builder().optClassWhitelist(Set.of()).build(),
                "DatasetSpec: an empty class whitelist keeps nothing");
        refuses(() -> DatasetSpec.builder().optTrainAugmentations(List.of(Augmentation.NONE)).build(),
                "DatasetSpec: training augmentations must differ from the original and from each other");
        refuses(() -> DatasetSpec.builder()
                        .optTrainAugmentations(List.of(Augmentation.transpose(2), Augmentation.transpose(2))).build(),
                "DatasetSpec: training augmentations must differ");
    }

    @Test
    void aSpecThatFitsOnValidationIsRefusedByTheRoutesThatChooseEpochsOnIt() {
        DatasetSpec refit = DatasetSpec.builder().optTrainOnValidation(true).build();
        refuses(() -> refit.requireHeldOutValidation("the piano-roll route"),
                "DatasetSpec: the piano-roll route chooses its epochs on the validation split, so it cannot also be fit"
                        + " on it");
        DatasetSpec.DEFAULTS.requireHeldOutValidation("the piano-roll route"); // held out: accepted
        org.junit.jupiter.api.Assertions.assertTrue(refit.key().endsWith(";fit=train+val"), refit.key());
        org.junit.jupiter.api.Assertions.assertFalse(DatasetSpec.DEFAULTS.key().contains("fit="),
                "the default key is the key of earlier runs");
    }
}
