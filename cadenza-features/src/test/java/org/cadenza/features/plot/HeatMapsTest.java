package org.cadenza.features.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.pianoroll.PianoRoll;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What both heat-map plots share: the refusal of nothing to draw, and the max-pooling of long inputs. */
class HeatMapsTest {

    @TempDir
    Path dir;

    @Test
    void poolingKeepsShortInputsAndPoolsLongOnesIntoAtMostTheCellsAllowed() {
        assertEquals(new HeatMaps.Pooling(1, 1), HeatMaps.Pooling.of(1, 600));
        assertEquals(new HeatMaps.Pooling(1, 600), HeatMaps.Pooling.of(600, 600));
        assertEquals(new HeatMaps.Pooling(2, 301), HeatMaps.Pooling.of(601, 600));
        assertEquals(new HeatMaps.Pooling(2, 600), HeatMaps.Pooling.of(1200, 600));
        assertEquals(new HeatMaps.Pooling(3, 401), HeatMaps.Pooling.of(1201, 600));
        // STFT bins into at most 256 rows; about 10 frequency labels
        assertEquals(new HeatMaps.Pooling(5, 205), HeatMaps.Pooling.of(1025, 256));
        assertEquals(new HeatMaps.Pooling(13, 10), HeatMaps.Pooling.of(128, 10));
    }

    @Test
    void theRefusalsNameThePlotAndWhatItWasGiven() {
        PianoRoll empty = PianoRoll.of(List.of(), 0, PianoRollParams.defaults());
        assertEquals("PianoRollPlot: the roll has no frames, nothing to draw",
                assertThrows(IllegalArgumentException.class,
                        () -> PianoRollPlot.writePng(empty, dir.resolve("e.png"), "empty")).getMessage());
        Spectrogram none = new Spectrogram(new float[0][], FeatureParams.defaults());
        assertEquals("SpectrogramPlot: the spectrogram has no frames, nothing to draw",
                assertThrows(IllegalArgumentException.class,
                        () -> SpectrogramPlot.writePng(none, dir.resolve("n.png"), "none")).getMessage());
        Spectrogram one = new Spectrogram(new float[1][FeatureParams.defaults().bins()], FeatureParams.defaults());
        assertEquals("SpectrogramPlot: picture must be at least 200 x 150 pixels, got 199 x 150",
                assertThrows(IllegalArgumentException.class,
                        () -> SpectrogramPlot.writePng(one, dir.resolve("s.png"), "small", 199, 150)).getMessage());
    }
}
