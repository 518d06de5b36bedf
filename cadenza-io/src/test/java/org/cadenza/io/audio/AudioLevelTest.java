package org.cadenza.io.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioLevelTest {

    @Test
    void theRobustPeakOfASineIsItsAmplitudeAndIgnoresAFewClicks() {
        float[] s = Signals.sine(440, 22_050, 2.0, 0.5); // 44,100 samples: 0.01 % is 4 samples
        assertEquals(20 * Math.log10(0.5), AudioLevel.robustPeakDbfs(AudioClip.mono(s, 22_050)), 0.02);
        s[100] = 1f;
        s[200] = -1f;
        s[300] = 1f;
        assertEquals(20 * Math.log10(0.5), AudioLevel.robustPeakDbfs(AudioClip.mono(s, 22_050)), 0.02,
                "three clicks at full scale change nothing");
    }

    @Test
    void aGainMovesTheLevelByExactlyThatManyDb() {
        AudioClip clip = AudioClip.mono(Signals.sine(1000, 44_100, 1.0, 0.3), 44_100);
        double before = AudioLevel.robustPeakDbfs(clip);
        assertEquals(before - 12, AudioLevel.robustPeakDbfs(AudioLevel.gain(clip, -12)), 0.02);
        AudioClip normalised = AudioLevel.normalize(clip, -20);
        assertEquals(-20, AudioLevel.robustPeakDbfs(normalised), 0.02);
        assertEquals(clip.sampleRate(), normalised.sampleRate());
    }

    @Test
    void stereoChannelsAreMeasuredTogetherAndKept() {
        float[] left = Signals.sine(440, 22_050, 1.0, 0.5);
        float[] right = Signals.sine(440, 22_050, 1.0, 0.125);
        AudioClip st = new AudioClip(Signals.stereo(left, right), 22_050, 2);
        AudioClip n = AudioLevel.normalize(st, -6);
        assertEquals(2, n.channels());
        assertEquals(4.0, n.samples()[2 * 100] / n.samples()[2 * 100 + 1], 1e-4, "the balance is kept");
    }

    @Test
    void silenceStaysSilentAndBadTargetsAreRefused() {
        AudioClip zeros = AudioClip.mono(new float[1000], 22_050);
        assertEquals(AudioLevel.FLOOR_DBFS, AudioLevel.robustPeakDbfs(zeros), 0.0);
        assertSame(zeros, AudioLevel.normalize(zeros, -15));
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.normalize(zeros, 3));
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.normalize(zeros, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AudioLevel.gain(zeros, Double.POSITIVE_INFINITY));
    }
}
