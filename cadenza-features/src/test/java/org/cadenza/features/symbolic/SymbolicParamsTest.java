package org.cadenza.features.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymbolicParamsTest {

    @Test
    void defaultsAndTheirKey() {
        SymbolicParams p = SymbolicParams.defaults();
        assertEquals(0.030, p.chordToleranceSeconds());
        assertEquals(10, p.durationBins());
        assertEquals(10, p.ioiBins());
        assertEquals(0.0625, p.firstBinEdgeSeconds());
        assertEquals(SkylineMode.ONSET, p.skyline());
        assertEquals(ChordNotes.STRUCK, p.chordNotes());
        assertEquals("symbolic-v1;chord_tolerance_s=0.03;duration_bins=10;ioi_bins=10;first_bin_edge_s=0.0625;"
                + "skyline=ONSET;chord_notes=STRUCK;key_profiles=krumhansl-kessler;melodic_intervals=abs-0-12-over;"
                + "register=octaves-0-8;std=population", p.key());
        assertTrue(p.key().startsWith("symbolic-v" + SymbolicParams.VERSION + ";"));
    }

    @Test
    void everyParameterChangesTheKey() {
        String base = SymbolicParams.defaults().key();
        assertNotEquals(base, SymbolicParams.builder().optChordToleranceSeconds(0.05).build().key());
        assertNotEquals(base, SymbolicParams.builder().optDurationBins(8).build().key());
        assertNotEquals(base, SymbolicParams.builder().optIoiBins(8).build().key());
        assertNotEquals(base, SymbolicParams.builder().optFirstBinEdgeSeconds(0.125).build().key());
        assertNotEquals(base, SymbolicParams.builder().optSkyline(SkylineMode.SOUNDING).build().key());
        assertNotEquals(base, SymbolicParams.builder().optChordNotes(ChordNotes.SOUNDING).build().key());
    }

    @Test
    void badValuesNameTheParameter() {
        assertMessage(() -> SymbolicParams.builder().optChordToleranceSeconds(-0.01).build(), "chordToleranceSeconds");
        assertMessage(() -> SymbolicParams.builder().optChordToleranceSeconds(Double.NaN).build(),
                "chordToleranceSeconds");
        assertMessage(() -> SymbolicParams.builder().optDurationBins(1).build(), "durationBins");
        assertMessage(() -> SymbolicParams.builder().optIoiBins(33).build(), "ioiBins");
        assertMessage(() -> SymbolicParams.builder().optFirstBinEdgeSeconds(0).build(), "firstBinEdgeSeconds");
        assertThrows(NullPointerException.class, () -> SymbolicParams.builder().optSkyline(null));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String name) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(name), x.getMessage());
    }
}
