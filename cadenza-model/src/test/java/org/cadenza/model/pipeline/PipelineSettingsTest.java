package org.cadenza.model.pipeline;

import org.cadenza.corpus.WindowRecipe;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's pipeline holds one window recipe: the sample rate is the render rate, stored once. */
class PipelineSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void featuresAtAnotherRateThanTheRenderAreRefused() {
        RenderSettings at16k = RenderSettings.builder().optSampleRate(16_000).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PipelineSettings(at16k, FeatureParams.defaults(), WindowSpec.of(5.0), 1));
        assertTrue(e.getMessage().contains("differs from the render rate"), e.getMessage());
    }

    @Test
    void aSavedPipelineLoadsWithTheRateFromItsRenderSettings() {
        RenderSettings at16k = RenderSettings.builder().optSampleRate(16_000).optStartAtFirstNote(true).build();
        PipelineSettings p = new PipelineSettings(WindowRecipe.of(at16k,
                FeatureParams.builder().optKind(FeatureKind.LOGMEL).optNMels(96), new WindowSpec(4.0, 2.0)), 3);
        p.save(tmp);
        PipelineSettings back = PipelineSettings.load(tmp);
        assertEquals(p, back);
        assertEquals(16_000, back.features().sampleRate());
        assertEquals(back.render().sampleRate(), back.recipe().sampleRate());
        assertEquals(p.inputContract(), back.inputContract());
        assertEquals(3, back.stack());
        assertEquals(back.recipe(), back.withStack(1).recipe());
    }
}
