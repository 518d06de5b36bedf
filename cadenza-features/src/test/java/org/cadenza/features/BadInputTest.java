package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.Test;

/** Refusals with messages that say what is wrong. */
class BadInputTest {

    @Test
    void refusesAClipAtAnotherSampleRateNamingBoth() {
        FeatureExtractor fx = new FeatureExtractor(FeatureParams.defaults());
        var e = assertThrows(IllegalArgumentException.class,
                () -> fx.compute(TestSignals.sine(440, 0.5, 0.5, 44_100)));
        assertTrue(e.getMessage().contains("44100") && e.getMessage().contains("22050"), e.getMessage());
    }

    @Test
    void refusesNonFiniteSamples() {
        float[] y = new float[4000];
        y[1234] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureExtractor(FeatureParams.defaults()).compute(AudioClip.mono(y, 22_050)));
        assertTrue(e.getMessage().contains("1234"), e.getMessage());
    }

    @Test
    void paramsValidationNamesTheParameter() {
        assertMessage(() -> FeatureParams.builder().optNFft(1001).build(), "nFft");
        assertMessage(() -> FeatureParams.builder().optHopLength(0).build(), "hopLength");
        assertMessage(() -> FeatureParams.builder().optWinLength(4096).build(), "winLength");
        assertMessage(() -> FeatureParams.builder().optFMax(20_000).build(), "Nyquist");
        assertMessage(() -> FeatureParams.builder().optFMin(500).optFMax(400).build(), "fMax");
        assertMessage(() -> FeatureParams.builder().optNMfcc(200).build(), "nMfcc");
        assertMessage(() -> FeatureParams.builder().optTopDb(-1).build(), "topDb");
        assertMessage(() -> FeatureParams.builder().optAmin(0).build(), "amin");
        assertMessage(() -> FeatureParams.builder().optPower(0).build(), "power");
        assertMessage(() -> FeatureParams.builder().optSampleRate(0).build(), "sampleRate");
    }

    @Test
    void windowSpecRejectsNonsense() {
        assertMessage(() -> WindowSpec.parse("5 minutes"), "5 minutes");
        assertMessage(() -> WindowSpec.parse("-3s"), "-3s");
        assertMessage(() -> new WindowSpec(0, 1), "windowSeconds");
        assertMessage(() -> new WindowSpec(1, Double.NaN), "hopSeconds");
    }

    @Test
    void spectrogramRejectsRowsOfTheWrongWidth() {
        assertMessage(() -> new Spectrogram(new float[][] {new float[128], new float[12]}, FeatureParams.defaults()),
                "frame 1");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable ex, String fragment) {
        var e = assertThrows(IllegalArgumentException.class, ex);
        assertTrue(e.getMessage().contains(fragment), "message should mention " + fragment + ": " + e.getMessage());
    }
}
