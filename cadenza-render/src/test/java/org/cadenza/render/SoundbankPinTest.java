package org.cadenza.render;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default soundfont follows the search path; pinned settings keep their bank and their key. */
class SoundbankPinTest {

    @AfterEach
    void defaultSearchBack() {
        System.clearProperty(Soundbanks.SEARCH_PATH_PROPERTY);
    }

    @Test
    void pinnedSettingsKeepTheirBankWhenASoundfontIsInstalled(@TempDir Path tmp) throws Exception {
        Path late = tmp.resolve("Late.sf2");
        System.setProperty(Soundbanks.SEARCH_PATH_PROPERTY, late.toString());
        RenderSettings pinned = RenderSettings.DEFAULTS.pinned();
        assertEquals(Optional.of(Soundbanks.JDK_BANK), pinned.soundfont());
        assertEquals(RenderSettings.DEFAULTS.key(), pinned.key(), "pinning changes no key");
        assertEquals(Soundbanks.JDK_EMERGENCY, RenderSettings.soundbankOfKey(pinned.key()));

        Files.write(late, new byte[] {1, 2, 3, 4});
        assertEquals(Optional.of(late), Soundbanks.defaultSoundfont());
        assertEquals(Optional.empty(), Soundbanks.resolve(pinned.soundfont()), "still the JDK's bank");
        assertTrue(RenderSettings.DEFAULTS.key().contains("soundfont=Late.sf2:4"), RenderSettings.DEFAULTS.key());
        assertEquals(RenderSettings.DEFAULTS.key(), pinned.keyWithSoundbank("Late.sf2:4"));

        UsedSoundbank used = UsedSoundbank.of(Optional.empty());
        assertEquals(Optional.of(late), used.file());
        assertEquals("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", used.sha256().orElseThrow());
        assertEquals(Optional.empty(), used.unavailableReason());
        Files.write(late, new byte[] {1, 2, 3, 4, 5});
        assertTrue(used.unavailableReason().orElseThrow().contains("other content"));
        assertEquals("the JDK's built-in bank", UsedSoundbank.jdk().describe());
    }

    @Test
    void anEmptySearchPathMeansTheJdkBank() {
        System.setProperty(Soundbanks.SEARCH_PATH_PROPERTY, "");
        assertEquals(Optional.empty(), Soundbanks.defaultSoundfont());
    }
}
