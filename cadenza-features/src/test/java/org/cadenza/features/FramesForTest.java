package org.cadenza.features;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one seconds-to-frames conversion: the documented values, its rounding, and that the Windower uses it. */
class FramesForTest {

    @Test
    void theDocumentedValuesAtTheDefaults() {
        FeatureParams p = FeatureParams.defaults(); // 22,050 Hz, hop 512: 23.22 ms a frame
        assertEquals(215, p.framesFor(5.0));   // 215.33
        assertEquals(108, p.framesFor(2.5));   // 107.67
        assertEquals(43, p.framesFor(1.0));    // 43.07
        assertEquals(1, p.framesFor(0.010));   // 0.43, raised to 1
        assertEquals(1292, p.framesFor(30.0)); // 1291.99
    }

    @Test
    void itRoundsSecondsTimesRateOverHopHalfUp() {
        // 16 kHz, hop 400: 25 ms a frame, so seconds / 0.025 lands on halves exactly
        FeatureParams p = FeatureParams.builder().optSampleRate(16_000).optHopLength(400).build();
        assertEquals(200, p.framesFor(5.0));
        assertEquals(3, p.framesFor(0.0625));   // 2.5 -> 3 (half up)
        assertEquals(2, p.framesFor(0.06));     // 2.4 -> 2
        assertEquals(1, p.framesFor(0.0125));   // 0.5 -> 1
        assertEquals(1, p.framesFor(1e-9));     // at least one frame
    }

    @Test
    void itRefusesDurationsThatAreNotFiniteAndPositive() {
        FeatureParams p = FeatureParams.defaults();
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.framesFor(bad));
            assertEquals(true, e.getMessage().contains("seconds"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> p.framesFor(1e12), "more than 2^31 frames");
    }

    @Test
    void theWindowerCutsWindowsOfThatManyFramesThatManyFramesApart() {
        FeatureParams p = FeatureParams.defaults();
        AudioClip clip = TestSignals.sine(440, 0.5, 12.0, 22_050);
        Spectrogram s = new FeatureExtractor(p).compute(clip);
        List<FeatureWindow> w = Windower.windows(s, new WindowSpec(5.0, 2.5));
        int win = p.framesFor(5.0);
        int hop = p.framesFor(2.5);
        assertEquals(1 + (s.frames() - win) / hop, w.size());
        for (FeatureWindow x : w) {
            assertEquals(win, x.spectrogram().frames());
            assertEquals(x.index() * hop * p.secondsPerFrame(), x.startSeconds(), 1e-9);
        }
    }
}
