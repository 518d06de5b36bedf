package org.cadenza.corpus;

import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.FeatureWindow;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.Windower;
import org.cadenza.io.BadInputException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioEncoder;
import org.cadenza.io.audio.AudioLevel;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue "a 44.1 kHz stereo WAV and a 22.05 kHz mono FLAC of the same audio get different answers": the same
 * music, computed sample by sample at both rates (no resampler involved in making the files), must give the same
 * windows through {@link MusicLoader}: the same number, the same first start, and log-mels within
 * {@link MusicLoader#SAME_AUDIO_TOLERANCE_DB} dB on 99.9 % of the bins.
 *
 * <p>Before the loader normalised the level, the equal-power upmix (each channel at -3 dB, {@code ffmpeg -ac 2})
 * gave log-mels 3.01 dB lower in every bin (mean |difference| 3.011 dB, 99.9th percentile 3.27 dB) and the 6 dB
 * quieter copy 6.02 dB lower; now the three cases give a mean of 0.004 to 0.010 dB and a 99.9th percentile of 0.16 to
 * 0.40 dB (16-bit quantisation of the quieter files and the resampler's transition band above 10.5 kHz).
 */
class SameAudioTwoFormsTest {

    private static final Supplier<MidiRenderer> NO_RENDERER = () -> {
        throw new AssertionError("no MIDI here");
    };
    private static final RenderSettings SETTINGS = RenderSettings.DEFAULTS;
    private static final FeatureParams FEATURES = FeatureParams.builder().optSampleRate(SETTINGS.sampleRate()).build();
    private static final WindowSpec WINDOWS = new WindowSpec(2.0, 1.0);

    @TempDir
    Path tmp;

    /**
     * Six seconds of "music" at {@code rate} Hz: a note every 0.5 s (a decaying harmonic tone, fundamentals 110 to
     * 880 Hz, partials up to 9 kHz, below every resampler's transition band), a quiet fading tail, then 1 s of digital
     * silence; peak about 0.6.
     */
    static float[] music(int rate) {
        double[] fundamentals = {110, 220, 330, 440, 587.3, 880, 146.8, 261.6, 392, 523.3, 659.3, 196};
        int n = 7 * rate;
        float[] x = new float[n];
        for (int k = 0; k < fundamentals.length; k++) {
            double onset = 0.5 * k;
            double f0 = fundamentals[k];
            for (int i = (int) Math.ceil(onset * rate); i < Math.min(n, 6 * rate); i++) {
                double t = (double) i / rate - onset;
                double env = Math.exp(-3 * t) * Math.min(1, t / 0.005);
                double v = 0;
                for (int h = 1; h * f0 < 9000; h++) {
                    v += Math.sin(2 * Math.PI * h * f0 * t + h) / h;
                }
                x[i] += (float) (0.12 * env * v);
            }
        }
        return x;
    }

    static float[] stereo(float[] mono, double gainEach) {
        float[] s = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            s[2 * i] = (float) (gainEach * mono[i]);
            s[2 * i + 1] = (float) (gainEach * mono[i]);
        }
        return s;
    }

    /**
     * @param gainEach the gain of each stereo channel: 0.7071 is the equal-power upmix (the case of the issue),
     *                 1 a plain copy, 0.5 a recording 6 dB quieter
     */
    @ParameterizedTest(name = "stereo channels at gain {0}")
    @CsvSource({"0.70710678", "1.0", "0.5"})
    void aStereoWavAt44kAndAMonoFlacAt22kGiveTheSameWindows(double gainEach) {
        Path wav = tmp.resolve("music-44k-stereo.wav");
        Path flac = tmp.resolve("music-22k-mono.flac");
        AudioEncoder.write(new AudioClip(stereo(music(44_100), gainEach), 44_100, 2), wav);
        AudioEncoder.write(AudioClip.mono(music(22_050), 22_050), flac);

        MusicLoader loader = new MusicLoader(SETTINGS, NO_RENDERER);
        AudioClip fromWav = loader.load(wav);
        AudioClip fromFlac = loader.load(flac);
        assertEquals(22_050, fromWav.sampleRate());
        assertEquals(1, fromWav.channels());
        assertEquals(fromFlac.frames(), fromWav.frames(), 2, "the same trimmed length, within 2 samples");

        FeatureExtractor extractor = new FeatureExtractor(FEATURES);
        List<FeatureWindow> a = Windower.windows(extractor.compute(fromWav), WINDOWS);
        List<FeatureWindow> b = Windower.windows(extractor.compute(fromFlac), WINDOWS);
        assertEquals(b.size(), a.size(), "window count");
        assertTrue(a.size() >= 4, a.size() + " windows");
        assertEquals(b.get(0).startSeconds(), a.get(0).startSeconds(), 0.0, "first window start");
        for (int w = 0; w < a.size(); w++) {
            assertEquals(b.get(w).startSeconds(), a.get(w).startSeconds(), 0.0);
        }

        double[] diffs = absoluteDifferences(a, b);
        double p999 = diffs[(int) Math.floor(0.999 * (diffs.length - 1))];
        assertTrue(p999 < MusicLoader.SAME_AUDIO_TOLERANCE_DB, "99.9th percentile of |log-mel difference| = " + p999
                + " dB (max " + diffs[diffs.length - 1] + " dB)");
        double mean = Arrays.stream(diffs).average().orElseThrow();
        assertTrue(mean < 0.05, "mean |difference| " + mean + " dB: no level offset is left");
    }

    @Test
    void aRecordingIsBroughtToTheReferenceLevelAndSilenceStaysRefused() {
        Path quiet = tmp.resolve("quiet.wav");
        float[] x = music(22_050);
        AudioEncoder.write(AudioLevel.gain(AudioClip.mono(x, 22_050), -20), quiet);
        AudioClip loaded = new MusicLoader(SETTINGS, NO_RENDERER).load(quiet);
        assertEquals(MusicLoader.RECORDING_LEVEL_DBFS, AudioLevel.robustPeakDbfs(loaded), 0.05);

        Path silent = tmp.resolve("silent.wav");
        AudioEncoder.write(AudioLevel.gain(AudioClip.mono(x, 22_050), -70), silent);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new MusicLoader(SETTINGS, NO_RENDERER).load(silent));
        assertTrue(e.getMessage().contains("silent"), e.getMessage());
    }

    private static double[] absoluteDifferences(List<FeatureWindow> a, List<FeatureWindow> b) {
        int bins = a.get(0).spectrogram().bins();
        int frames = a.get(0).spectrogram().frames();
        double[] d = new double[a.size() * frames * bins];
        int k = 0;
        for (int w = 0; w < a.size(); w++) {
            Spectrogram sa = a.get(w).spectrogram();
            Spectrogram sb = b.get(w).spectrogram();
            for (int t = 0; t < frames; t++) {
                for (int m = 0; m < bins; m++) {
                    d[k++] = Math.abs(sa.data()[t][m] - sb.data()[t][m]);
                }
            }
        }
        Arrays.sort(d);
        return d;
    }
}
