package org.cadenza.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jtransforms.dct.DoubleDCT_1D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares against librosa 0.11 values produced by src/test/python/make_reference.py.
 *
 * <p>Tolerance: {@code |ours - librosa| <= 1e-4} absolute for dB and MFCC; filter weights to 1e-7 relative (the
 * reference keeps 8 significant digits) and mel frequencies to 1e-6 Hz; for powers {@code |ours - librosa| <= 1e-4 * max(1, |librosa|)}, i.e. absolute below 1 and relative
 * above (a full-scale sine has powers around 6.5e4 and 8-significant-digit reference values).
 */
class LibrosaReferenceTest {
    static final double TOL = 1e-4;
    static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LibrosaReferenceTest.class.getResourceAsStream("/reference/librosa_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    private static void assertPowerClose(JsonNode expected, float[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = expected.get(i).asDouble();
            double err = Math.abs(actual[i] - e) / Math.max(1.0, Math.abs(e));
            worst = Math.max(worst, err);
            assertTrue(err <= TOL, what + " bin " + i + ": expected " + e + " got " + actual[i]);
        }
    }

    private static void assertAbsClose(JsonNode expected, float[][] actual, String what) {
        assertEquals(expected.size(), actual.length, what + ": frames");
        for (int t = 0; t < actual.length; t++) {
            JsonNode row = expected.get(t);
            assertEquals(row.size(), actual[t].length, what + ": bins");
            for (int i = 0; i < actual[t].length; i++) {
                double e = row.get(i).asDouble();
                assertEquals(e, actual[t][i], TOL, what + " frame " + t + " bin " + i);
            }
        }
    }

    @Test
    void melFrequenciesAndFiltersMatchLibrosa() {
        int checkedRows = 0;
        for (JsonNode f : ref.get("filters")) {
            MelScale scale = f.get("htk").asBoolean() ? MelScale.HTK : MelScale.SLANEY;
            MelNorm norm = f.get("norm").asText().equals("slaney") ? MelNorm.SLANEY : MelNorm.NONE;
            int nMels = f.get("n_mels").asInt();
            double[] mf = MelFilterbank.melFrequencies(nMels + 2, f.get("fmin").asDouble(), f.get("fmax").asDouble(),
                    scale);
            for (int i = 0; i < mf.length; i++) {
                double e = f.get("mel_frequencies").get(i).asDouble();
                assertEquals(e, mf[i], 1e-6 + 1e-9 * e, "mel_frequencies " + i + " " + f);
            }
            if (f.get("rows").isNull()) {
                continue;
            }
            MelFilterbank fb = MelFilterbank.of(TestSignals.SR, f.get("n_fft").asInt(), nMels,
                    f.get("fmin").asDouble(), f.get("fmax").asDouble(), scale, norm);
            for (int m = 0; m < nMels; m++) {
                JsonNode row = f.get("rows").get(m);
                double[] w = fb.weights(m);
                assertEquals(row.get("w").size(), w.length, "filter " + m + " width, " + scale + "/" + norm);
                if (w.length > 0) {
                    assertEquals(row.get("start").asInt(), fb.start(m), "filter " + m + " start");
                }
                for (int k = 0; k < w.length; k++) {
                    double ew = row.get("w").get(k).asDouble();
                    assertEquals(ew, w[k], 1e-7 * Math.abs(ew) + 1e-12, "filter " + m + " weight " + k);
                }
                checkedRows++;
            }
        }
        assertTrue(checkedRows >= 128 + 4 * 40, "rows checked: " + checkedRows);
    }

    @Test
    void defaultPipelineMatchesLibrosaOnEverySignal() {
        FeatureParams defaults = FeatureParams.defaults();
        var it = ref.get("signals").fields();
        int signals = 0;
        while (it.hasNext()) {
            var e = it.next();
            String name = e.getKey();
            JsonNode s = e.getValue();
            var clip = TestSignals.byName(name);

            Spectrogram stft = new FeatureExtractor(defaults.withKind(FeatureKind.STFT)).compute(clip);
            assertEquals(s.get("frames").asInt(), stft.frames(), name + " frames");
            for (int j = 0; j < 2; j++) {
                int t = s.get("stft_frames").get(j).asInt();
                assertPowerClose(s.get("stft_power").get(j), stft.data()[t], name + " stft frame " + t);
            }

            FeatureParams melPower = defaults.toBuilder().optKind(FeatureKind.STFT).build();
            FeatureExtractor fx = new FeatureExtractor(defaults);
            MelFilterbank fb = fx.melFilterbank().orElseThrow();
            for (int j = 0; j < 3; j++) {
                int t = s.get("mel_frames").get(j).asInt();
                double[] spec = new double[melPower.bins()];
                for (int k = 0; k < spec.length; k++) {
                    spec[k] = stft.data()[t][k];
                }
                double[] mel = new double[fb.nMels()];
                fb.apply(spec, mel);
                float[] melF = new float[mel.length];
                for (int k = 0; k < mel.length; k++) {
                    melF[k] = (float) mel[k];
                }
                assertPowerClose(s.get("mel_power").get(j), melF, name + " mel power frame " + t);
            }

            assertAbsClose(s.get("db"), fx.compute(clip).data(), name + " log-mel dB");
            assertAbsClose(s.get("mfcc"), new FeatureExtractor(defaults.withKind(FeatureKind.MFCC)).compute(clip).data(),
                    name + " mfcc");
            signals++;
        }
        assertEquals(5, signals);
    }

    @Test
    void nonDefaultConfigurationsMatchLibrosa() {
        for (JsonNode c : ref.get("configs")) {
            FeatureParams.Builder b = FeatureParams.builder().optNFft(c.get("n_fft").asInt())
                    .optHopLength(c.get("hop_length").asInt()).optWinLength(c.get("win_length").asInt())
                    .optCenter(c.get("center").asBoolean()).optPower(c.get("power").asDouble())
                    .optNMels(c.get("n_mels").asInt()).optFMin(c.get("fmin").asDouble())
                    .optFMax(c.get("fmax").asDouble())
                    .optMelScale(c.get("htk").asBoolean() ? MelScale.HTK : MelScale.SLANEY)
                    .optMelNorm(c.get("norm").asText().equals("slaney") ? MelNorm.SLANEY : MelNorm.NONE)
                    .optNMfcc(c.get("n_mfcc").asInt());
            if (c.get("top_db").isNull()) {
                b.optNoTopDb();
            } else {
                b.optTopDb(c.get("top_db").asDouble());
            }
            FeatureParams p = b.build();
            String name = c.get("name").asText();
            var clip = TestSignals.byName(c.get("signal").asText());
            Spectrogram db = new FeatureExtractor(p).compute(clip);
            assertEquals(c.get("frames").asInt(), db.frames(), name + " frames");
            assertAbsClose(c.get("db"), db.data(), name + " dB");
            assertAbsClose(c.get("mfcc"), new FeatureExtractor(p.withKind(FeatureKind.MFCC)).compute(clip).data(),
                    name + " mfcc");
            assertPowerClose(c.get("stft_frame1"), new FeatureExtractor(p.withKind(FeatureKind.STFT)).compute(clip)
                    .data()[1], name + " stft frame 1");
        }
    }

    @Test
    void jtransformsScaledDctIsScipyOrthoDctII() {
        JsonNode in = ref.get("dct_input");
        double[] v = new double[in.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.get(i).asDouble();
        }
        // explicit DCT-II ortho, written out from its definition
        int n = v.length;
        double[] explicit = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[i] * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
            }
            explicit[k] = s * (k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n));
        }
        double[] jt = v.clone();
        new DoubleDCT_1D(n).forward(jt, true);
        for (int k = 0; k < n; k++) {
            double e = ref.get("dct_ortho").get(k).asDouble();
            assertEquals(e, explicit[k], 1e-12, "explicit coef " + k);
            assertEquals(e, jt[k], 1e-12, "JTransforms coef " + k);
        }
    }
}
