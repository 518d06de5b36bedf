package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundbanksTest {

    @TempDir
    Path tmp;

    @Test
    void randomBytesAreAClearBadInput() throws Exception {
        Path sf2 = tmp.resolve("noise.sf2");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(sf2, noise);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new MidiRenderer(RenderSettings.builder().optSoundfont(sf2).build()));
        assertEquals(sf2.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().contains("noise.sf2"), e.getMessage());
        assertTrue(e.problem().contains("soundfont"), e.problem());
    }

    @Test
    void aTruncatedSoundfontIsAClearBadInput() throws Exception {
        // a RIFF/sfbk header that promises far more than the file holds
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("RIFF".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x00, 0x00});
        b.write("sfbkLIST".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {0x10, 0x00, 0x00, 0x00});
        b.write("INFOifil".getBytes(StandardCharsets.US_ASCII));
        Path sf2 = tmp.resolve("truncated.sf2");
        Files.write(sf2, b.toByteArray());
        BadInputException e = assertThrows(BadInputException.class, () -> Soundbanks.load(Optional.of(sf2)));
        assertTrue(e.getMessage().contains("truncated.sf2"), e.getMessage());
    }

    @Test
    void aMissingSoundfontIsAClearBadInput() {
        Path sf2 = tmp.resolve("nowhere.sf2");
        BadInputException e = assertThrows(BadInputException.class, () -> Soundbanks.load(Optional.of(sf2)));
        assertTrue(e.problem().startsWith("soundfont not found"), e.problem());
        assertThrows(BadInputException.class, () -> RenderSettings.builder().optSoundfont(sf2).build().key());
    }

    @Test
    void aSoundbankIsLoadedOncePerProcess() {
        Soundbanks.LoadedSoundbank first = Soundbanks.load(Optional.empty());
        assertSame(first, Soundbanks.load(Optional.empty()));
        assertSame(first.soundbank(), new MidiRenderer(RenderSettings.DEFAULTS).soundbank().soundbank());
        if (first.file().isPresent()) {
            assertSame(first, Soundbanks.load(first.file()));
        }
    }

    @Test
    void theDefaultIsFluidR3ThenTimGm6mbThenTheJdkBank() {
        Optional<Path> def = Soundbanks.defaultSoundfont();
        if (Files.isRegularFile(Soundbanks.FLUID_R3_GM)) {
            assertEquals(Optional.of(Soundbanks.FLUID_R3_GM), def);
        } else if (Files.isRegularFile(Soundbanks.TIMGM6MB)) {
            assertEquals(Optional.of(Soundbanks.TIMGM6MB), def);
        } else {
            assertEquals(Optional.empty(), def);
        }
        assertEquals(Soundbanks.JDK_EMERGENCY, Soundbanks.identity(Optional.empty()));
    }
}
