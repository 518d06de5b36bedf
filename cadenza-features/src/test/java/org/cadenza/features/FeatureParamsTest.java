package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeatureParamsTest {

    @Test
    void defaultsAreLibrosas() {
        FeatureParams p = FeatureParams.defaults();
        assertEquals(FeatureKind.LOGMEL, p.kind());
        assertEquals(22_050, p.sampleRate());
        assertEquals(2048, p.nFft());
        assertEquals(512, p.hopLength());
        assertEquals(2048, p.winLength());
        assertTrue(p.center());
        assertEquals(2.0, p.power());
        assertEquals(128, p.nMels());
        assertEquals(0.0, p.fMin());
        assertEquals(11_025.0, p.fMax());
        assertEquals(MelScale.SLANEY, p.melScale());
        assertEquals(MelNorm.SLANEY, p.melNorm());
        assertEquals(1.0, p.ref());
        assertEquals(1e-10, p.amin());
        assertEquals(80.0, p.topDb().getAsDouble());
        assertEquals(20, p.nMfcc());
    }

    @Test
    void keyNamesEveryParameterAndChangesWithEach() {
        FeatureParams base = FeatureParams.defaults();
        FeatureParams[] variants = {
            base.withKind(FeatureKind.MFCC), base.toBuilder().optSampleRate(16_000).build(),
            base.toBuilder().optNFft(1024).build(), base.toBuilder().optHopLength(256).build(),
            base.toBuilder().optWinLength(1024).build(), base.toBuilder().optCenter(false).build(),
            base.toBuilder().optPower(1).build(), base.toBuilder().optNMels(64).build(),
            base.toBuilder().optFMin(30).build(), base.toBuilder().optFMax(8000).build(),
            base.toBuilder().optMelScale(MelScale.HTK).build(), base.toBuilder().optMelNorm(MelNorm.NONE).build(),
            base.toBuilder().optRef(2).build(), base.toBuilder().optAmin(1e-5).build(),
            base.toBuilder().optTopDb(60).build(), base.toBuilder().optNoTopDb().build(),
            base.toBuilder().optNMfcc(13).build(),
        };
        Set<String> keys = new HashSet<>();
        keys.add(base.key());
        for (FeatureParams v : variants) {
            assertNotEquals(base, v);
            assertTrue(keys.add(v.key()), "duplicate key " + v.key());
        }
        assertEquals(base.key(), FeatureParams.builder().build().key());
        assertTrue(base.key().contains("top_db=80.0") && base.key().contains("fmax=11025.0"), base.key());
    }

    @Test
    void derivedDefaultsFollowTheBuilder() {
        FeatureParams p = FeatureParams.defaults().toBuilder().optSampleRate(16_000).optNFft(1024).build();
        assertEquals(8000.0, p.fMax());
        assertEquals(1024, p.winLength());
        FeatureParams q = FeatureParams.builder().optFMax(5000).optWinLength(1000).build();
        assertEquals(q, q.toBuilder().build());
    }

    @Test
    void frameCountMatchesLibrosa() {
        FeatureParams p = FeatureParams.defaults();
        assertEquals(1 + 22_050 / 512, p.frameCount(22_050));
        assertEquals(1, p.frameCount(0));
        FeatureParams nc = p.toBuilder().optCenter(false).build();
        assertEquals(0, nc.frameCount(2047));
        assertEquals(1, nc.frameCount(2048));
    }
}
