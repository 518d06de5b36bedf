package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cadenza.io.midi.MidiLimits;
import org.junit.jupiter.api.Test;

/** The one message of a quantity that must be finite and above zero, with and without a unit. */
class ParametersFinitePositiveTest {

    @Test
    void aFinitePositiveValueIsReturned() {
        assertEquals(0.5, Parameters.finitePositive("temperature", 0.5, ""));
        assertEquals(Double.MIN_VALUE, Parameters.finitePositive("maxSeconds", Double.MIN_VALUE, "s"));
    }

    @Test
    void zeroNegativeInfiniteAndNanAreRefused() {
        for (double bad : new double[] {0, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Parameters.finitePositive("temperature", bad, ""));
            assertEquals("temperature must be finite and > 0, got " + bad, e.getMessage());
        }
    }

    @Test
    void theUnitFollowsTheBoundAsTheCallersWroteIt() {
        assertEquals("maxAudioSeconds must be finite and > 0 s, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> Parameters.finitePositive("maxAudioSeconds", 0, "s")).getMessage());
        assertEquals("maxSeconds must be finite and > 0 s, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> new MidiLimits(-1, 1, 4, 10)).getMessage());
        assertEquals("minBpm must be finite and > 0 BPM, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new MidiLimits(1, 1, Double.NaN, 10)).getMessage());
    }
}
