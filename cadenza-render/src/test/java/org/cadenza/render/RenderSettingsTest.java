package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheDocumentedOnes() {
        RenderSettings d = RenderSettings.DEFAULTS;
        assertEquals(Optional.empty(), d.soundfont());
        assertEquals(ProgramPolicy.ORIGINAL, d.program());
        assertEquals(22_050, d.sampleRate());
        assertEquals(-60.0, d.trimThresholdDb());
        assertEquals(0.001, d.trimThresholdAmplitude(), 1e-12);
        assertEquals(Duration.ofSeconds(300), d.timeLimit());
        assertEquals(3 * 3600.0, d.maxSeconds());
        assertEquals(Set.of(), d.effects());
        assertFalse(d.startAtFirstNote());
        assertEquals(OptionalDouble.empty(), d.excerptSeconds());
        assertEquals(OptionalLong.empty(), d.excerptFrames());
        assertEquals(Augmentation.NONE, d.augmentation());
    }

    /**
     * The default key is pinned: workspaces (e.g. a fully rendered corpus) find their audio by it, so options added
     * later must leave it exactly as it was.
     */
    @Test
    void theDefaultKeyIsUnchangedByTheExcerptAndAugmentationOptions() {
        String soundfont = Soundbanks.identity(Soundbanks.resolve(Optional.empty()));
        assertEquals("gervill-1;soundfont=" + soundfont + ";program=original;rate=22050;trim=-60.0dB;keep=0.1s;"
                + "release=4.0s;interp=linear;poly=128;effects=none;control=100.0Hz;mono-float",
                RenderSettings.DEFAULTS.key());
        RenderSettings piano = RenderSettings.builder().optProgram(ProgramPolicy.parse("piano")).build();
        assertEquals(piano.key(), piano.toBuilder().optStartAtFirstNote(false).optExcerptSeconds(OptionalDouble.empty())
                .optAugmentation(new Augmentation(0, 1.0)).build().key());

        String excerpt = RenderSettings.DEFAULTS.toBuilder().optStartAtFirstNote(true).optExcerptSeconds(180)
                .optAugmentation(new Augmentation(2, 1.1)).build().key();
        assertEquals(RenderSettings.DEFAULTS.key() + ";start=first-note;excerpt=180.0s;augment=transpose=+2,tempo=1.1",
                excerpt);
    }

    @Test
    void toBuilderKeepsEveryParameter() {
        RenderSettings s = RenderSettings.builder().optProgram(ProgramPolicy.parse("organ")).optSampleRate(16_000)
                .optEffects(EnumSet.of(Effect.CHORUS)).optStartAtFirstNote(true).optExcerptSeconds(30)
                .optAugmentation(Augmentation.tempo(0.9)).optMaxPolyphony(64).build();
        assertEquals(s, s.toBuilder().build());
        assertEquals(OptionalLong.of(30 * 16_000), s.excerptFrames());
    }

    @Test
    void keyNamesTheSoundfontFileAndSize() throws Exception {
        Path sf2 = tmp.resolve("My Font.sf2");
        Files.write(sf2, new byte[1234]);
        String key = RenderSettings.builder().optSoundfont(sf2).build().key();
        assertTrue(key.contains("soundfont=My Font.sf2:1234"), key);
        assertTrue(key.startsWith(RenderSettings.KEY_VERSION + ";"), key);
    }

    @Test
    void everyAudibleParameterChangesTheKeyAndTheLimitsDoNot() throws Exception {
        Path sf2 = tmp.resolve("a.sf2");
        Files.write(sf2, new byte[10]);
        RenderSettings base = RenderSettings.builder().optSoundfont(sf2).build();
        List<RenderSettings> variants = List.of(
                base.toBuilder().optProgram(ProgramPolicy.parse("piano")).build(),
                base.toBuilder().optProgram(ProgramPolicy.parse("organ")).build(),
                base.toBuilder().optSampleRate(16_000).build(),
                base.toBuilder().optTrimThresholdDb(-50).build(),
                base.toBuilder().optInterpolation(Interpolation.SINC).build(),
                base.toBuilder().optMaxPolyphony(32).build(),
                base.toBuilder().optEffects(EnumSet.of(Effect.REVERB)).build(),
                base.toBuilder().optEffects(EnumSet.of(Effect.REVERB, Effect.CHORUS)).build(),
                base.toBuilder().optSoundfont(Optional.empty()).build(),
                base.toBuilder().optStartAtFirstNote(true).build(),
                base.toBuilder().optExcerptSeconds(180).build(),
                base.toBuilder().optExcerptSeconds(60).build(),
                base.toBuilder().optStartAtFirstNote(true).optExcerptSeconds(180).build(),
                base.toBuilder().optAugmentation(Augmentation.transpose(2)).build(),
                base.toBuilder().optAugmentation(Augmentation.transpose(-2)).build(),
                base.toBuilder().optAugmentation(Augmentation.tempo(1.1)).build());
        for (RenderSettings v : variants) {
            assertNotEquals(base.key(), v.key(), v.toString());
        }
        assertEquals(variants.size(), variants.stream().map(RenderSettings::key).distinct().count());
        assertEquals(base.key(), base.toBuilder().optTimeLimit(Duration.ofSeconds(5)).optMaxSeconds(60).build().key());
        assertEquals(base.key(), RenderSettings.builder().optSoundfont(sf2).build().key());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optSampleRate(100).build());
        assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optTrimThresholdDb(0).build());
        assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optTrimThresholdDb(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optTimeLimit(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optMaxSeconds(-1).build());
        assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optMaxPolyphony(0).build());
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> RenderSettings.builder().optExcerptSeconds(bad).build());
        }
    }

    @Test
    void effectsAreImmutable() {
        RenderSettings s = RenderSettings.builder().optEffects(EnumSet.of(Effect.CHORUS)).build();
        assertThrows(UnsupportedOperationException.class, () -> s.effects().add(Effect.REVERB));
    }
}
