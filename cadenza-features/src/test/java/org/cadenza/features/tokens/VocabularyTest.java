package org.cadenza.features.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void defaultSizeAndLayout() {
        Vocabulary v = new Vocabulary(TokenizerParams.defaults(), List.of());
        assertEquals(3 + 88 + 32 + 100 + 501, v.size());
        assertEquals(724, v.size());
        assertEquals("PAD", v.describe(0));
        assertEquals("BOS", v.describe(1));
        assertEquals("EOS", v.describe(2));
        assertEquals("NOTE(21)", v.describe(3));
        assertEquals("NOTE(108)", v.describe(90));
        assertEquals("VELOCITY(0)", v.describe(91));
        assertEquals("VELOCITY(31)", v.describe(122));
        assertEquals("TIME_SHIFT(1)", v.describe(123));
        assertEquals("TIME_SHIFT(100)", v.describe(222));
        assertEquals("DURATION(0)", v.describe(223));
        assertEquals("DURATION(500)", v.describe(723));
        assertNull(v.range(Vocabulary.Kind.COMPOSER));
        assertThrows(IllegalArgumentException.class, () -> v.describe(724));
        assertThrows(IllegalArgumentException.class, () -> v.describe(-1));
    }

    @Test
    void composerTokensComeLastAndKeepTheOtherIds() {
        Vocabulary plain = new Vocabulary(TokenizerParams.defaults(), List.of());
        Vocabulary v = new Vocabulary(TokenizerParams.defaults(), List.of("bach", "chopin", "liszt"));
        assertEquals(727, v.size());
        assertEquals("COMPOSER(bach)", v.describe(724));
        assertEquals("COMPOSER(liszt)", v.describe(726));
        assertEquals(725, v.composer("chopin"));
        assertEquals(Vocabulary.Kind.COMPOSER, v.kind(725));
        assertEquals(1, v.value(725));
        for (int id = 0; id < plain.size(); id++) {
            assertEquals(plain.describe(id), v.describe(id));
        }
        assertTrue(v.key().endsWith(";composers=bach,chopin,liszt"), v.key());
        assertThrows(IllegalArgumentException.class, () -> v.composer("mozart"));
        assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(TokenizerParams.defaults(), List.of("bach", "bach")));
        assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(TokenizerParams.defaults(), List.of("a(b)")));
    }

    @Test
    void describeAndIdAreInverse() {
        Vocabulary v = new Vocabulary(TokenizerParams.builder().optAllPitches().optVelocityBins(8).build(),
                List.of("chopin"));
        assertEquals(3 + 128 + 8 + 100 + 501 + 1, v.size());
        HashSet<String> seen = new HashSet<>();
        for (int id = 0; id < v.size(); id++) {
            String s = v.describe(id);
            assertTrue(seen.add(s), "duplicate text " + s);
            assertEquals(id, v.id(s), s);
        }
        assertEquals(v.size(), v.all().size());
        assertThrows(IllegalArgumentException.class, () -> v.id("NOTE"));
        assertThrows(IllegalArgumentException.class, () -> v.id("CHORD(3)"));
        assertThrows(IllegalArgumentException.class, () -> v.id("TIME_SHIFT(0)"));
        assertThrows(IllegalArgumentException.class, () -> v.id("BOS(1)"));
    }

    @Test
    void paramsKeyDefaultsAndVelocityBins() {
        TokenizerParams p = TokenizerParams.defaults();
        assertEquals("tokens-v1;vocab=midi-like;step_s=0.01;max_shift_steps=100;max_duration_steps=500;"
                + "velocity_bins=32;pitch=21-108", p.key());
        for (int bins = 1; bins <= 127; bins++) {
            TokenizerParams q = TokenizerParams.builder().optVelocityBins(bins).build();
            int last = -1;
            for (int vel = 1; vel <= 127; vel++) {
                int b = q.velocityBin(vel);
                assertTrue(b == last || b == last + 1, "bins are contiguous");
                last = b;
            }
            assertEquals(bins - 1, last);
            for (int b = 0; b < bins; b++) {
                assertEquals(b, q.velocityBin(q.velocityOf(b)), bins + " bins, bin " + b);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TokenizerParams.builder().optStepSeconds(0).build());
        assertThrows(IllegalArgumentException.class, () -> TokenizerParams.builder().optPitchRange(60, 59).build());
        assertThrows(IllegalArgumentException.class, () -> TokenizerParams.builder().optVelocityBins(0).build());
        assertThrows(IllegalArgumentException.class, () -> TokenizerParams.builder().optMaxShiftSteps(0).build());
    }
}
