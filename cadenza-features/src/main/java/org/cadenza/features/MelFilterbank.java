package org.cadenza.features;

/**
 * Triangular mel filters over the {@code nFft / 2 + 1} STFT bins, identical to librosa's
 * {@code librosa.filters.mel(sr=sr, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax, htk=..., norm=...)}.
 *
 * <p>Stored sparsely: each filter keeps only its non-zero range of bins ({@link #start(int)}, {@link #weights(int)}),
 * so {@link #apply(double[], double[])} costs about {@code 2 * (nFft / 2)} multiply-adds per frame (neighbouring
 * triangles overlap by half) instead of {@code nMels * (nFft / 2 + 1)}. Immutable and thread-safe.
 */
public final class MelFilterbank {

    private final int nBins;
    private final int[] starts;
    private final double[][] weights;

    private MelFilterbank(int nBins, int[] starts, double[][] weights) {
        this.nBins = nBins;
        this.starts = starts;
        this.weights = weights;
    }

    /** The filterbank described by {@code params} (sampleRate, nFft, nMels, fMin, fMax, melScale, melNorm). */
    public static MelFilterbank of(FeatureParams params) {
        return of(params.sampleRate(), params.nFft(), params.nMels(), params.fMin(), params.fMax(), params.melScale(),
                params.melNorm());
    }

    /**
     * librosa's {@code filters.mel}.
     *
     * @param sampleRate Hz, &gt; 0
     * @param nFft       FFT length in samples (the filters cover {@code nFft / 2 + 1} bins)
     * @param nMels      number of filters, &gt;= 1
     * @param fMin       lowest edge in Hz, &gt;= 0
     * @param fMax       highest edge in Hz, &gt; fMin
     */
    public static MelFilterbank of(int sampleRate, int nFft, int nMels, double fMin, double fMax, MelScale scale,
            MelNorm norm) {
        if (sampleRate <= 0 || nFft < 2 || nMels < 1 || !(fMax > fMin) || fMin < 0) {
            throw new IllegalArgumentException("MelFilterbank: need sampleRate > 0, nFft >= 2, nMels >= 1, "
                    + "0 <= fMin < fMax; got sr=" + sampleRate + " nFft=" + nFft + " nMels=" + nMels + " fMin=" + fMin
                    + " fMax=" + fMax);
        }
        int nBins = nFft / 2 + 1;
        double[] melF = melFrequencies(nMels + 2, fMin, fMax, scale);
        int[] starts = new int[nMels];
        double[][] weights = new double[nMels][];
        double[] row = new double[nBins];
        for (int m = 0; m < nMels; m++) {
            double lowerWidth = melF[m + 1] - melF[m];
            double upperWidth = melF[m + 2] - melF[m + 1];
            double enorm = norm == MelNorm.SLANEY ? 2.0 / (melF[m + 2] - melF[m]) : 1.0;
            int first = -1;
            int last = -2;
            for (int k = 0; k < nBins; k++) {
                double f = k * (double) sampleRate / nFft;
                double lower = (f - melF[m]) / lowerWidth;
                double upper = (melF[m + 2] - f) / upperWidth;
                double w = Math.max(0.0, Math.min(lower, upper));
                row[k] = w * enorm;
                if (w > 0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            starts[m] = Math.max(first, 0);
            weights[m] = first < 0 ? new double[0] : java.util.Arrays.copyOfRange(row, first, last + 1);
        }
        return new MelFilterbank(nBins, starts, weights);
    }

    /**
     * {@code n} frequencies in Hz evenly spaced on the mel scale from {@code fMin} to {@code fMax} inclusive
     * (librosa {@code mel_frequencies(n, fmin, fmax, htk)}).
     */
    public static double[] melFrequencies(int n, double fMin, double fMax, MelScale scale) {
        double lo = scale.hzToMel(fMin);
        double hi = scale.hzToMel(fMax);
        double[] out = new double[n];
        double step = n > 1 ? (hi - lo) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            out[i] = scale.melToHz(i == n - 1 && n > 1 ? hi : lo + i * step);
        }
        return out;
    }

    /** Centre frequencies in Hz of the {@code nMels} bands of {@code params} (the triangle peaks). */
    public static double[] bandCentresHz(FeatureParams params) {
        double[] all = melFrequencies(params.nMels() + 2, params.fMin(), params.fMax(), params.melScale());
        return java.util.Arrays.copyOfRange(all, 1, params.nMels() + 1);
    }

    /** Number of filters. */
    public int nMels() {
        return starts.length;
    }

    /** Number of STFT bins the filters apply to ({@code nFft / 2 + 1}). */
    public int nBins() {
        return nBins;
    }

    /** First STFT bin with a non-zero weight in filter {@code m} (0 for an empty filter). */
    public int start(int m) {
        return starts[m];
    }

    /** Non-zero weights of filter {@code m}, for bins {@code start(m) ..}; a copy. Empty if the filter is empty. */
    public double[] weights(int m) {
        return weights[m].clone();
    }

    /** Total number of stored weights (multiply-adds per frame in {@link #apply}). */
    public int nonZeroCount() {
        int n = 0;
        for (double[] w : weights) {
            n += w.length;
        }
        return n;
    }

    /** The dense {@code [nMels][nFft/2+1]} matrix, as librosa returns it (for tests and export). */
    public double[][] toDense() {
        double[][] dense = new double[nMels()][nBins];
        for (int m = 0; m < nMels(); m++) {
            System.arraycopy(weights[m], 0, dense[m], starts[m], weights[m].length);
        }
        return dense;
    }

    /**
     * {@code out[m] = sum_k W[m][k] * spectrum[k]}.
     *
     * @param spectrum {@code |X|^power}, length &gt;= {@link #nBins()}
     * @param out      receives {@link #nMels()} values
     */
    public void apply(double[] spectrum, double[] out) {
        for (int m = 0; m < starts.length; m++) {
            double[] w = weights[m];
            int s = starts[m];
            double acc = 0;
            for (int k = 0; k < w.length; k++) {
                acc += w[k] * spectrum[s + k];
            }
            out[m] = acc;
        }
    }
}
