package org.cadenza.model.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneCycleTrackerTest {

    @Test
    void warmsUpToPeakThenDecaysToTheFloor() {
        OneCycleTracker t = new OneCycleTracker(0.01, 100, 0.3, TrainingConfig.Anneal.COSINE);
        assertEquals(0.01 / 25, t.valueAt(0), 1e-12);
        assertEquals(0.01, t.valueAt(30), 1e-12);
        assertEquals(0.01 / 25 / 1e4, t.valueAt(99), 1e-12);
        assertTrue(t.valueAt(15) > t.valueAt(5) && t.valueAt(15) < t.valueAt(30));
        assertTrue(t.valueAt(60) < t.valueAt(40));
        // DJL passes 1-based update counts
        assertEquals((float) t.valueAt(0), t.getNewValue(1));
        OneCycleTracker lin = new OneCycleTracker(1, 11, 0, TrainingConfig.Anneal.LINEAR);
        assertEquals(1, lin.valueAt(0), 1e-12);
        assertEquals((1 + 1 / 25.0 / 1e4) / 2, lin.valueAt(5), 1e-9);
    }

    @Test
    void configDefaultsAreTheDocumentedOnesAndSurviveJson() throws Exception {
        TrainingConfig c = TrainingConfig.builder().build();
        assertEquals(42, c.seed());
        assertEquals(TrainingConfig.OptimizerKind.ADAMW, c.optimizer());
        assertEquals(32, c.batchSize());
        assertEquals(1e-3, c.maxLearningRate());
        assertEquals(SpecAugment.DEFAULT, c.specAugment());
        var mapper = org.cadenza.model.ModelJson.mapper();
        assertEquals(c, mapper.readValue(mapper.writeValueAsString(c), TrainingConfig.class));
        assertEquals(c, c.toBuilder().build());
    }
}
