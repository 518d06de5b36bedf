package org.cadenza.corpus;

import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.FeatureWindow;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.Windower;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One record for how windows are made: the sample rate comes from the render settings only. */
class WindowRecipeTest {

    private static final RenderSettings AT_16K = RenderSettings.builder().optSampleRate(16_000).build();

    @Test
    void featuresTakeTheirSampleRateFromTheRenderSettings() {
        WindowRecipe r = WindowRecipe.of(AT_16K, FeatureParams.builder().optKind(FeatureKind.LOGMEL).optNMels(64),
                new WindowSpec(5.0, 2.5));
        assertEquals(16_000, r.features().sampleRate());
        assertEquals(16_000, r.sampleRate());
        assertEquals(8_000.0, r.features().fMax(), "fMax follows the rate (Nyquist)");
        assertEquals(64, r.features().nMels());

        WindowRecipe overridden = WindowRecipe.of(AT_16K, FeatureParams.builder().optSampleRate(44_100),
                WindowSpec.of(5.0));
        assertEquals(16_000, overridden.features().sampleRate(), "a rate set by hand is replaced by the render rate");
        assertEquals(16_000, WindowRecipe.featuresFor(AT_16K, FeatureParams.builder()).sampleRate());
    }

    @Test
    void aFeatureSampleRateOtherThanTheRenderRateIsRefused() {
        FeatureParams at22k = FeatureParams.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WindowRecipe(AT_16K, at22k, WindowSpec.of(5.0)));
        assertTrue(e.getMessage().contains("22050 Hz") && e.getMessage().contains("16000 Hz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WindowRecipe.requireSameRate(at22k, AT_16K));
        WindowRecipe ok = WindowRecipe.of(AT_16K, FeatureParams.builder(), WindowSpec.of(5.0));
        assertThrows(IllegalArgumentException.class, () -> ok.withRender(RenderSettings.DEFAULTS),
                "another render rate for the same features");
        assertThrows(NullPointerException.class, () -> new WindowRecipe(null, at22k, WindowSpec.of(5.0)));
    }

    @Test
    void windowAndHopFramesAreTheOneConversion() {
        WindowRecipe r = WindowRecipe.of(RenderSettings.DEFAULTS, FeatureParams.builder(), new WindowSpec(5.0, 2.5));
        assertEquals(215, r.windowFrames());
        assertEquals(108, r.hopFrames());
        assertEquals(r.features().framesFor(5.0), r.windowFrames());
        assertEquals(r.features().framesFor(2.5), r.hopFrames());
    }

    @Test
    void trainingCountsTheWindowsPredictionCuts() {
        // training lists windows from frame counts alone (WindowIndex); prediction cuts them (Windower)
        WindowRecipe r = WindowRecipe.of(RenderSettings.DEFAULTS, FeatureParams.builder(), new WindowSpec(3.0, 1.3));
        float[] x = new float[(int) (11.7 * r.sampleRate())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 330 * i / r.sampleRate()));
        }
        Spectrogram s = new FeatureExtractor(r.features()).compute(AudioClip.mono(x, r.sampleRate()));
        List<FeatureWindow> cut = Windower.windows(s, r.window());
        assertEquals(WindowIndex.windowCount(s.frames(), r.features(), r.window()), cut.size());
        for (FeatureWindow w : cut) {
            assertEquals(r.windowFrames(), w.spectrogram().frames());
            assertEquals(WindowIndex.frameTimeSeconds(w.index() * r.hopFrames(), r.features()), w.startSeconds(), 0.0);
        }
    }
}
