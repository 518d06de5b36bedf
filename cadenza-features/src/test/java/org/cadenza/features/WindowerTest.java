package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class WindowerTest {

    private static Spectrogram frames(int n) {
        float[][] d = new float[n][20];
        for (int t = 0; t < n; t++) {
            d[t][0] = t;
        }
        return new Spectrogram(d, FeatureParams.defaults().withKind(FeatureKind.MFCC));
    }

    @Test
    void parsesDurations() {
        assertEquals(new WindowSpec(5, 5), WindowSpec.parse("5s"));
        assertEquals(new WindowSpec(3, 3), WindowSpec.parse("3s"));
        assertEquals(0.5, WindowSpec.parseSeconds("500ms"), 1e-12);
        assertEquals(new WindowSpec(5, 2.5), WindowSpec.parse("5s/2500ms"));
        assertEquals(new WindowSpec(5, 2.5), WindowSpec.parse(new WindowSpec(5, 2.5).toString()));
    }

    @Test
    void fixedLengthWindowsWithHopDropTheLastPartialOne() {
        // 1 s = 22050/512 = 43.07 frames -> 43; hop 0.5 s -> 22 frames
        Spectrogram s = frames(200);
        List<FeatureWindow> ws = Windower.windows(s, new WindowSpec(1.0, 0.5));
        int win = 43;
        int hop = 22;
        assertEquals((200 - win) / hop + 1, ws.size());
        for (int k = 0; k < ws.size(); k++) {
            FeatureWindow w = ws.get(k);
            assertEquals(k, w.index());
            assertEquals(win, w.spectrogram().frames());
            assertEquals(k * hop, w.spectrogram().data()[0][0]);
            assertEquals(k * hop * 512 / 22_050.0, w.startSeconds(), 1e-9);
        }
        FeatureWindow last = ws.get(ws.size() - 1);
        assertTrue(last.spectrogram().data()[win - 1][0] < 200);
        assertTrue((ws.size()) * hop + win > 200, "a further window would not fit");
        assertSame(s.params(), last.spectrogram().params());
    }

    @Test
    void clipShorterThanAWindowGivesNoWindows() {
        assertEquals(List.of(), Windower.windows(frames(42), WindowSpec.of(1.0)));
        assertEquals(1, Windower.windows(frames(43), WindowSpec.of(1.0)).size());
    }
}
