package org.cadenza.features;

import org.cadenza.io.audio.AudioClip;

/** The closed-form test signals of src/test/python/make_reference.py, rebuilt identically (float64 -> float32). */
final class TestSignals {
    static final int SR = 22_050;
    static final int N = 6144;

    private TestSignals() {
    }

    static AudioClip byName(String name) {
        double[] y = new double[name.equals("short") ? 1000 : N];
        double dur = (double) N / SR;
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / SR;
            y[i] = switch (name) {
                case "sine_bin20" -> 0.5 * Math.sin(2 * Math.PI * (20 * SR / 2048.0) * t);
                case "two_tone" -> 0.3 * Math.sin(2 * Math.PI * 440.0 * t) + 0.2 * Math.sin(2 * Math.PI * 1760.0 * t + 0.5);
                case "chirp" -> 0.4 * Math.sin(2 * Math.PI * (100.0 * t + (8000.0 - 100.0) * t * t / (2 * dur)));
                case "short" -> 0.5 * Math.sin(2 * Math.PI * 1000.0 * i / SR);
                case "noise" -> 0;
                default -> throw new IllegalArgumentException(name);
            };
        }
        if (name.equals("noise")) {
            long state = 12345;
            for (int i = 0; i < y.length; i++) {
                state = (1664525L * state + 1013904223L) & 0xFFFFFFFFL;
                y[i] = 0.3 * ((state >> 8) / (double) (1 << 24) * 2.0 - 1.0);
            }
        }
        float[] f = new float[y.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) y[i];
        }
        return AudioClip.mono(f, SR);
    }

    /** A sine of {@code hz} Hz and amplitude {@code amp}, {@code seconds} long, at {@code sr}. */
    static AudioClip sine(double hz, double amp, double seconds, int sr) {
        float[] f = new float[(int) Math.round(seconds * sr)];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / sr));
        }
        return AudioClip.mono(f, sr);
    }
}
