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
}
