package org.cadenza.model.embedding;

import org.cadenza.model.Architecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingConfigTest {

    @Test
    void trunksAreTheMlpOrACnn() {
        assertTrue(EmbeddingConfig.builder().build().hasMlpTrunk());
        EmbeddingConfig cnn = EmbeddingConfig.builder().optTrunk("Small").build();
        assertFalse(cnn.hasMlpTrunk());
        assertEquals(Architecture.SMALL, cnn.architecture());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddingConfig.builder().optTrunk("transformer").build());
        assertTrue(e.getMessage().contains("use mlp, small, resnet or mobilenet"), e.getMessage());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder().optMargin(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder().optDimensions(1).build());
        assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder().optComposersPerBatch(1).build());
        assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder().optDropout(1).build());
    }
}
