package org.cadenza.io.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRoundTripTest {

    @TempDir
    Path dir;

    /** Stereo 44.1 kHz, 0.5 s: 440 Hz left, 660 Hz right, plus the extreme values -1 and +1. */
    private static AudioClip stereoClip() {
        float[] s = Signals.stereo(Signals.sine(440, 44_100, 0.5, 0.8), Signals.sine(660, 44_100, 0.5, 0.3));
        s[100] = 1f;
        s[101] = -1f;
        s[102] = 0.99999f;
        return new AudioClip(s, 44_100, 2);
    }

    private static void assertLossless(AudioClip expected, AudioClip actual) {
        assertEquals(expected.sampleRate(), actual.sampleRate());
        assertEquals(expected.channels(), actual.channels());
        assertEquals(expected.frames(), actual.frames());
        float[] a = expected.samples();
        float[] b = actual.samples();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertTrue(worst <= 1.0 / 32768, "worst sample error " + worst * 32768 + "/32768");
    }

    /** Writes the stereo clip to {@code name} in the temporary folder, checks it reads back lossless, probes it. */
    private AudioInfo losslessRoundTrip(String name) {
        AudioClip clip = stereoClip();
        Path f = dir.resolve(name);
        AudioEncoder.write(clip, f);
        assertLossless(clip, AudioDecoder.decode(f));
        return AudioDecoder.probe(f);
    }

    @Test
    void wavRoundTripIsLosslessTo16Bits() {
        AudioInfo info = losslessRoundTrip("a.wav");
        assertEquals(new AudioInfo(dir.resolve("a.wav"), 44_100, 2, 0.5, "pcm_s16le", "wav"), info);
    }

    @Test
    void flacRoundTripIsLosslessTo16Bits() {
        AudioInfo info = losslessRoundTrip("a.FLAC");
        assertEquals(44_100, info.sampleRate());
        assertEquals(2, info.channels());
        assertEquals(0.5, info.durationSeconds(), 1e-9);
        assertEquals("flac", info.codec());
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("sub/folder/x.wav");
        AudioEncoder.write(stereoClip(), f);
        AudioEncoder.write(AudioClip.mono(Signals.sine(100, 8000, 0.25, 0.5), 8000), f); // replaces
        assertEquals(8000, AudioDecoder.probe(f).sampleRate());
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "only the final file is left");
        }
    }

    @Test
    void refusesUnknownExtension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioEncoder.write(stereoClip(), dir.resolve("x.xyz")));
        assertTrue(e.getMessage().contains("xyz") && e.getMessage().contains("wav"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.xyz")));
    }

    @Test
    void mp3EncodeAndDecode() {
        lossyRoundTrip("mp3", "mp3", 1);
    }

    @Test
    void oggVorbisEncodeAndDecode() {
        lossyRoundTrip("ogg", "vorbis", 2); // FFmpeg's native Vorbis encoder is stereo only
    }

    private void lossyRoundTrip(String ext, String codec, int channels) {
        Assumptions.assumeTrue(AudioEncoder.writableExtensions().contains(ext),
                "the bundled FFmpeg has no ." + ext + " encoder; skipping the ." + ext + " decode test");
        float[] tone = Signals.sine(440, 44_100, 1.0, 0.5);
        AudioClip clip = channels == 1 ? AudioClip.mono(tone, 44_100)
                : new AudioClip(Signals.stereo(tone, tone), 44_100, 2);
        Path f = dir.resolve("tone." + ext);
        AudioEncoder.write(clip, f);
        AudioClip decoded = AudioDecoder.decode(f);
        assertEquals(44_100, decoded.sampleRate());
        assertEquals(channels, decoded.channels());
        AudioClip back = decoded.toMono();
        // encoder delay and padding are trimmed by FFmpeg where the file says how much; allow one codec frame
        assertEquals(44_100, back.frames(), 2048, "decoded length");
        int n = 8192; // bins of 5.4 Hz
        assertEquals(440, Signals.dominantHz(back.samples(), 8192, n, 44_100), 44_100.0 / n);
        AudioInfo info = AudioDecoder.probe(f);
        assertEquals(codec, info.codec());
        assertEquals(1.0, info.durationSeconds(), 0.05);
    }

    @Test
    void stereoToMono() {
        Path f = dir.resolve("st.wav");
        float[] left = Signals.sine(440, 22_050, 0.2, 0.5);
        float[] right = new float[left.length];
        for (int i = 0; i < right.length; i++) {
            right[i] = -0.5f * left[i] + 0.25f;
        }
        AudioEncoder.write(new AudioClip(Signals.stereo(left, right), 22_050, 2), f);
        AudioClip decoded = AudioDecoder.decode(f);
        assertEquals(2, decoded.channels());
        AudioClip mono = decoded.toMono();
        assertEquals(1, mono.channels());
        assertEquals(left.length, mono.frames());
        float[] expected = new float[left.length];
        for (int i = 0; i < left.length; i++) {
            expected[i] = (left[i] + right[i]) / 2;
        }
        assertArrayEquals(expected, mono.samples(), 1.0f / 32768);
    }
}
