package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
                base.toBuilder().optSoundfont(Optional.empty()).build());
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
    }

    @Test
    void effectsAreImmutable() {
        RenderSettings s = RenderSettings.builder().optEffects(EnumSet.of(Effect.CHORUS)).build();
        assertThrows(UnsupportedOperationException.class, () -> s.effects().add(Effect.REVERB));
    }
}
