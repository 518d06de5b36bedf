package org.cadenza.io.audio;

/** Synthetic test signals and a plain DFT to check their spectra. */
final class Signals {
    private Signals() {
    }

    /** A mono sine of {@code seconds} at {@code hz}, amplitude {@code amp}. */
    static float[] sine(double hz, int rate, double seconds, double amp) {
        int n = (int) Math.round(seconds * rate);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** Interleaves two mono signals of the same length. */
    static float[] stereo(float[] left, float[] right) {
        float[] s = new float[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            s[2 * i] = left[i];
            s[2 * i + 1] = right[i];
        }
        return s;
    }

    /** Power of the DFT of {@code x[from, from+n)} (Hann window) at frequency {@code hz}. */
    static double power(float[] x, int from, int n, int rate, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            double phase = 2 * Math.PI * hz * i / rate;
            re += w * x[from + i] * Math.cos(phase);
            im -= w * x[from + i] * Math.sin(phase);
        }
        return re * re + im * im;
    }

    /** Frequency in Hz of the strongest DFT bin of {@code x[from, from+n)}, bins of rate/n Hz, DC excluded. */
    static double dominantHz(float[] x, int from, int n, int rate) {
        double best = -1;
        int bestBin = 0;
        for (int k = 1; k < n / 2; k++) {
            double p = power(x, from, n, rate, (double) k * rate / n);
            if (p > best) {
                best = p;
                bestBin = k;
            }
        }
        return (double) bestBin * rate / n;
    }

    /** Mean square of a signal. */
    static double energy(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (double) x[i] * x[i];
        }
        return e / (to - from);
    }
}
