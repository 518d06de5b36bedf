package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Test;

/** Properties that follow from the definitions, independent of librosa. */
class KnownSpectraTest {

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void sineAtBinCentrePeaksAtThatBinWithHannAmplitude() {
        FeatureParams p = FeatureParams.builder().optKind(FeatureKind.STFT).build();
        int bin = 93;
        double hz = bin * 22_050.0 / 2048;
        double amp = 0.5;
        Spectrogram s = new FeatureExtractor(p).compute(TestSignals.sine(hz, amp, 1.0, 22_050));
        float[] mid = s.data()[s.frames() / 2];
        assertEquals(bin, argmax(mid));
        assertEquals(hz, s.binFrequencyHz(bin), 1e-9);
        // periodic Hann sums to N/2: |X[k]| = amp * N/4 for a bin-centred sine; neighbours get half of that
        double expected = Math.pow(amp * 2048 / 4.0, 2);
        assertEquals(expected, mid[bin], expected * 1e-4);
        assertEquals(expected / 4, mid[bin - 1], expected * 1e-4);
        assertEquals(expected / 4, mid[bin + 1], expected * 1e-4);
        assertTrue(mid[bin + 3] < expected * 1e-6, "Hann leakage two bins further must vanish: " + mid[bin + 3]);
    }

    @Test
    void parsevalWindowedEnergyEqualsSpectrumEnergy() {
        FeatureParams p = FeatureParams.builder().optKind(FeatureKind.STFT).optNFft(1024).optHopLength(256).build();
        AudioClip clip = TestSignals.byName("noise");
        Spectrogram s = new FeatureExtractor(p).compute(clip);
        double[] w = FeatureExtractor.paddedHann(1024, 1024);
        int t = 10;
        int start = t * 256 - 512;
        double timeEnergy = 0;
        for (int i = 0; i < 1024; i++) {
            double x = clip.samples()[start + i] * w[i];
            timeEnergy += x * x;
        }
        float[] row = s.data()[t];
        // one-sided spectrum: DC and Nyquist once, every other bin twice; sum |X|^2 = N * sum x^2
        double specEnergy = row[0] + row[512];
        for (int k = 1; k < 512; k++) {
            specEnergy += 2 * row[k];
        }
        assertEquals(timeEnergy, specEnergy / 1024, timeEnergy * 1e-6);
    }

    @Test
    void melScalesAtOneKilohertz() {
        assertEquals(15.0, MelScale.SLANEY.hzToMel(1000), 1e-12);
        assertEquals(999.9855, MelScale.HTK.hzToMel(1000), 1e-4);
        for (MelScale m : MelScale.values()) {
            for (double hz : new double[] {0, 440, 1000, 4321, 11_025}) {
                assertEquals(hz, m.melToHz(m.hzToMel(hz)), 1e-9 * (1 + hz), m + " round trip " + hz);
            }
        }
    }

    @Test
    void melFiltersPeakAtTheirCentresAndAreSparse() {
        FeatureParams p = FeatureParams.builder().optMelNorm(MelNorm.NONE).build();
        MelFilterbank fb = MelFilterbank.of(p);
        double[] centres = MelFilterbank.bandCentresHz(p);
        double binHz = 22_050.0 / 2048;
        for (int m = 0; m < fb.nMels(); m++) {
            double[] w = fb.weights(m);
            int peak = 0;
            for (int k = 1; k < w.length; k++) {
                if (w[k] > w[peak]) {
                    peak = k;
                }
            }
            assertTrue(w[peak] <= 1.0 + 1e-12, "unnormalised triangles peak at <= 1");
            assertEquals(centres[m], (fb.start(m) + peak) * binHz, binHz, "filter " + m + " peaks near its centre");
        }
        // neighbouring triangles overlap by half: about 2 weights per STFT bin, far below the dense 128 x 1025
        assertTrue(fb.nonZeroCount() <= 2 * 1025 + 2 * 128, "non-zeros " + fb.nonZeroCount());
        double[][] dense = fb.toDense();
        double[] spectrum = new double[1025];
        for (int k = 0; k < spectrum.length; k++) {
            spectrum[k] = Math.cos(k) + 2;
        }
        double[] sparse = new double[128];
        fb.apply(spectrum, sparse);
        for (int m = 0; m < 128; m++) {
            double d = 0;
            for (int k = 0; k < 1025; k++) {
                d += dense[m][k] * spectrum[k];
            }
            assertEquals(d, sparse[m], 1e-12);
        }
    }

    @Test
    void slaneyNormGivesEachFilterAreaOfOneOverHzSpacing() {
        MelFilterbank fb = MelFilterbank.of(FeatureParams.defaults());
        double[] edges = MelFilterbank.melFrequencies(130, 0, 11_025, MelScale.SLANEY);
        // triangle of height 2/(f_hi - f_lo) over [f_lo, f_hi]: area 1 in Hz; sampled every binHz (~10.8 Hz) the
        // Riemann sum is within a few % for filters wider than ~5 bins (m >= 40)
        double binHz = 22_050.0 / 2048;
        for (int m = 40; m < 128; m++) {
            double area = 0;
            for (double w : fb.weights(m)) {
                area += w * binHz;
            }
            assertEquals(1.0, area, 0.05, "filter " + m + " spanning " + edges[m] + ".." + edges[m + 2] + " Hz");
        }
    }

    @Test
    void logMelOfSilenceIsTheAminFloorAndFrameCountFollowsLibrosa() {
        Spectrogram s = new FeatureExtractor(FeatureParams.defaults()).compute(AudioClip.mono(new float[5000], 22_050));
        assertEquals(1 + 5000 / 512, s.frames());
        assertEquals(-100f, s.data()[3][17], 1e-4f); // 10 log10(1e-10)
    }

    @Test
    void stereoIsAveragedToMono() {
        AudioClip mono = TestSignals.byName("two_tone");
        float[] st = new float[mono.samples().length * 2];
        for (int i = 0; i < mono.samples().length; i++) {
            st[2 * i] = mono.samples()[i];
            st[2 * i + 1] = mono.samples()[i];
        }
        FeatureExtractor fx = new FeatureExtractor(FeatureParams.defaults());
        assertEquals(fx.compute(mono), fx.compute(new AudioClip(st, 22_050, 2)));
    }

    @Test
    void spectrogramAxesAndSlices() {
        Spectrogram s = new FeatureExtractor(FeatureParams.defaults()).compute(TestSignals.byName("chirp"));
        assertEquals(512 / 22_050.0, s.secondsPerFrame(), 1e-12);
        assertEquals(5 * 512 / 22_050.0, s.frameTimeSeconds(5), 1e-12);
        assertTrue(s.binFrequencyHz(0) > 0 && s.binFrequencyHz(127) < 11_025);
        Spectrogram sl = s.slice(2, 7);
        assertEquals(5, sl.frames());
        assertEquals(s.data()[2], sl.data()[0]);
        FeatureParams noCenter = FeatureParams.builder().optCenter(false).build();
        Spectrogram nc = new FeatureExtractor(noCenter).compute(TestSignals.byName("chirp"));
        assertEquals(1 + (6144 - 2048) / 512, nc.frames());
        assertEquals(1024 / 22_050.0, nc.frameTimeSeconds(0), 1e-12);
    }

    @Test
    void topDbIsClipRelativeAndOptional() {
        AudioClip clip = TestSignals.byName("sine_bin20");
        Spectrogram clipped = new FeatureExtractor(FeatureParams.defaults()).compute(clip);
        Spectrogram free = new FeatureExtractor(FeatureParams.builder().optNoTopDb().build()).compute(clip);
        float max = Float.NEGATIVE_INFINITY;
        float minClipped = Float.POSITIVE_INFINITY;
        float minFree = Float.POSITIVE_INFINITY;
        for (int t = 0; t < clipped.frames(); t++) {
            for (int b = 0; b < clipped.bins(); b++) {
                max = Math.max(max, clipped.data()[t][b]);
                minClipped = Math.min(minClipped, clipped.data()[t][b]);
                minFree = Math.min(minFree, free.data()[t][b]);
            }
        }
        assertEquals(max - 80f, minClipped, 1e-3f);
        assertTrue(minFree < max - 80f, "without topDb the floor is lower: " + minFree);
    }
}
