package org.cadenza.io.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void sameRateReturnsTheClipItself() {
        AudioClip clip = AudioClip.mono(Signals.sine(1000, 22_050, 0.1, 0.5), 22_050);
        assertSame(clip, Resampler.resample(clip, 22_050));
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(clip, 0));
    }

    @Test
    void keepsA1kHzSineAt1kHz() {
        AudioClip in = AudioClip.mono(Signals.sine(1000, 44_100, 1.0, 0.5), 44_100);
        AudioClip out = Resampler.resample(in, 22_050);
        assertEquals(22_050, out.sampleRate());
        assertEquals(22_050, out.frames());
        int n = 4410; // 5 Hz bins
        assertEquals(1000.0, Signals.dominantHz(out.samples(), 4000, n, 22_050), 1e-9);
        // amplitude kept: mean square of a 0.5 sine is 0.125
        assertEquals(0.125, Signals.energy(out.samples(), 1000, 21_000), 0.002);
    }

    @Test
    void upsamplingKeepsFrequencyAndChannels() {
        float[] st = Signals.stereo(Signals.sine(1000, 22_050, 0.5, 0.5), Signals.sine(3000, 22_050, 0.5, 0.5));
        AudioClip out = Resampler.resample(new AudioClip(st, 22_050, 2), 48_000);
        assertEquals(2, out.channels());
        assertEquals(24_000, out.frames());
        float[] left = new float[out.frames()];
        float[] right = new float[out.frames()];
        for (int i = 0; i < out.frames(); i++) {
            left[i] = out.samples()[2 * i];
            right[i] = out.samples()[2 * i + 1];
        }
        assertEquals(1000.0, Signals.dominantHz(left, 2000, 4800, 48_000), 1e-9);
        assertEquals(3000.0, Signals.dominantHz(right, 2000, 4800, 48_000), 1e-9);
    }

    @Test
    void removesA15kHzSineWhenHalvingTheRate() {
        AudioClip in = AudioClip.mono(Signals.sine(15_000, 44_100, 1.0, 0.5), 44_100);
        AudioClip out = Resampler.resample(in, 22_050);
        double before = Signals.energy(in.samples(), 0, in.frames());
        // skip the edges, where the filter starts and stops
        double after = Signals.energy(out.samples(), 500, out.frames() - 500);
        double db = 10 * Math.log10(after / before);
        System.out.printf("15 kHz sine, 44100 -> 22050 Hz: attenuated by %.1f dB%n", -db);
        assertTrue(db < -40, "attenuation only " + (-db) + " dB");
    }
}
