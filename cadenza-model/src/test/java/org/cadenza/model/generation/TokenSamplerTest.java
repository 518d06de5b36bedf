package org.cadenza.model.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cadenza.features.tokens.TokenizerParams;
import org.cadenza.features.tokens.Vocabulary;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {

    private final Vocabulary vocab = new Vocabulary(TokenizerParams.defaults(), List.of("bach", "chopin"));

    private float[] flat() {
        return new float[vocab.size()];
    }

    @Test
    void neverDrawsSpecialOrComposerTokens() {
        float[] logits = flat();
        logits[Vocabulary.EOS] = 50;
        logits[vocab.composer("chopin")] = 50;
        logits[vocab.note(60)] = 1;
        TokenSampler s = new TokenSampler(vocab, SamplingSettings.defaults());
        double[] p = s.distribution(logits);
        assertEquals(0, p[Vocabulary.EOS]);
        assertEquals(0, p[Vocabulary.PAD]);
        assertEquals(0, p[vocab.composer("chopin")]);
        assertTrue(p[vocab.note(60)] > 0);
    }

    @Test
    void theGrammarAllowsOnlyADurationAfterANote() {
        TokenSampler s = new TokenSampler(vocab, new SamplingSettings(1, 0, 1, 1, true));
        s.observe(vocab.note(60));
        double[] p = s.distribution(flat());
        double durations = 0;
        for (int id = 0; id < p.length; id++) {
            if (p[id] > 0) {
                assertEquals(Vocabulary.Kind.DURATION, vocab.kind(id));
                durations += p[id];
            }
        }
        assertEquals(1, durations, 1e-9);
        s.observe(vocab.duration(10));
        assertEquals(0, s.distribution(flat())[vocab.duration(10)]);
        s.observe(vocab.velocity(3));
        double[] afterVelocity = s.distribution(flat());
        assertTrue(afterVelocity[vocab.note(60)] > 0);
        assertEquals(0, afterVelocity[vocab.timeShift(5)]);
    }

    @Test
    void topKAndTopPKeepTheMostProbableTokens() {
        float[] logits = flat();
        for (int i = 0; i < vocab.size(); i++) {
            logits[i] = -20;
        }
        logits[vocab.note(60)] = (float) Math.log(0.5);
        logits[vocab.note(62)] = (float) Math.log(0.3);
        logits[vocab.note(64)] = (float) Math.log(0.2);
        double[] k2 = new TokenSampler(vocab, new SamplingSettings(1, 2, 1, 1, false)).distribution(logits);
        assertEquals(0.5 / 0.8, k2[vocab.note(60)], 1e-6);
        assertEquals(0.3 / 0.8, k2[vocab.note(62)], 1e-6);
        assertEquals(0, k2[vocab.note(64)]);
        double[] p7 = new TokenSampler(vocab, new SamplingSettings(1, 0, 0.7, 1, false)).distribution(logits);
        assertEquals(0.5 / 0.8, p7[vocab.note(60)], 1e-6);
        assertEquals(0, p7[vocab.note(64)]);
        double[] p4 = new TokenSampler(vocab, new SamplingSettings(1, 0, 0.4, 1, false)).distribution(logits);
        assertEquals(1, p4[vocab.note(60)], 1e-9);
    }

    @Test
    void lowTemperatureSharpensAndTheSeedFixesTheDraws() {
        float[] logits = flat();
        logits[vocab.note(60)] = 1;
        logits[vocab.note(62)] = 0;
        double[] t1 = new TokenSampler(vocab, new SamplingSettings(1, 0, 1, 1, false)).distribution(logits);
        double[] t01 = new TokenSampler(vocab, new SamplingSettings(0.1, 0, 1, 1, false)).distribution(logits);
        assertTrue(t01[vocab.note(60)] > 0.95 && t1[vocab.note(60)] < 0.1, t01[vocab.note(60)] + " " + t1[vocab.note(60)]);
        int[] a = draws(7);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(draws(7)));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(draws(8)));
        assertThrows(IllegalArgumentException.class, () -> new SamplingSettings(0, 0, 1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new SamplingSettings(1, 0, 0, 1, true));
    }

    private int[] draws(long seed) {
        TokenSampler s = new TokenSampler(vocab, new SamplingSettings(1, 0, 1, seed, true));
        int[] out = new int[50];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.next(flat());
        }
        return out;
    }
}
