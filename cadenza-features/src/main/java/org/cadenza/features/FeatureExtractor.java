package org.cadenza.features;

import java.util.Objects;

import org.cadenza.io.audio.AudioClip;
import org.jtransforms.dct.DoubleDCT_1D;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Computes a {@link Spectrogram} (STFT power, log-mel dB or MFCC) from one clip, numerically matching librosa 0.11
 * with the same {@link FeatureParams} (see {@link FeatureKind} for the librosa call each kind corresponds to).
 *
 * <p>Implementation: frames are windowed with a periodic Hann window and transformed with JTransforms'
 * {@link DoubleFFT_1D#realForward(double[])} (double precision, so low-level bins keep librosa-level accuracy); the mel
 * filterbank is applied sparsely ({@link MelFilterbank}); MFCCs use JTransforms' scaled (orthonormal) DCT-II
 * ({@link DoubleDCT_1D#forward(double[], boolean)}). Per-frame work reuses per-thread buffers: nothing is allocated per
 * frame except the output row.
 *
 * <p><b>Thread safety:</b> thread-safe. The window and the filterbank are immutable; the FFT/DCT objects and scratch
 * buffers live in a {@link ThreadLocal}, so one extractor can be shared by a worker pool (each thread creates its own
 * FFT plan once and reuses it for every clip).
 */
public final class FeatureExtractor {

    private final FeatureParams params;
    private final double[] window;
    private final MelFilterbank melFilterbank;
    private final ThreadLocal<Workspace> workspace;

    /** An extractor for {@code params}; precomputes the window and (for LOGMEL/MFCC) the mel filterbank. */
    public FeatureExtractor(FeatureParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.window = paddedHann(params.winLength(), params.nFft());
        this.melFilterbank = params.kind() == FeatureKind.STFT ? null : MelFilterbank.of(params);
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(params));
    }

    /** The parameters this extractor computes with. */
    public FeatureParams params() {
        return params;
    }

    /** The mel filterbank in use (absent for {@link FeatureKind#STFT}). */
    public java.util.Optional<MelFilterbank> melFilterbank() {
        return java.util.Optional.ofNullable(melFilterbank);
    }

    /**
     * Features of {@code clip}.
     *
     * <p>Multi-channel clips are explicitly averaged to mono with {@link AudioClip#toMono()} first (librosa
     * {@code to_mono}). The clip must already be at {@link FeatureParams#sampleRate()}: nothing is resampled here;
     * use {@code org.cadenza.io.audio.Resampler} beforehand. With {@code center=false} a clip shorter than
     * {@code nFft} gives a spectrogram with 0 frames; with {@code center=true} (default) every clip gives
     * {@code 1 + samples / hopLength} frames.
     *
     * @return a spectrogram of {@link FeatureParams#frameCount(int)} frames x {@link FeatureParams#bins()} bins
     * @throws IllegalArgumentException if the sample rate differs from {@code params.sampleRate()} (the message names
     *                                  both) or a sample is NaN or infinite
     */
    public Spectrogram compute(AudioClip clip) {
        Objects.requireNonNull(clip, "clip");
        if (clip.sampleRate() != params.sampleRate()) {
            throw new IllegalArgumentException("FeatureExtractor: clip sample rate is " + clip.sampleRate()
                    + " Hz but the feature parameters require " + params.sampleRate()
                    + " Hz; resample the clip first (org.cadenza.io.audio.Resampler) or build FeatureParams with "
                    + "optSampleRate(" + clip.sampleRate() + ")");
        }
        float[] y = clip.toMono().samples();
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException(
                        "FeatureExtractor: audio sample " + i + " is not finite (" + y[i] + ")");
            }
        }
        int frames = params.frameCount(y.length);
        float[][] out = new float[frames][];
        Workspace ws = workspace.get();
        for (int t = 0; t < frames; t++) {
            powerSpectrum(y, t, ws);
            if (params.kind() == FeatureKind.STFT) {
                float[] row = new float[ws.spectrum.length];
                for (int k = 0; k < row.length; k++) {
                    row[k] = (float) ws.spectrum[k];
                }
                out[t] = row;
            } else {
                melFilterbank.apply(ws.spectrum, ws.mel);
                out[t] = PowerToDb.convert(ws.mel, params.ref(), params.amin(), new float[ws.mel.length]);
            }
        }
        if (params.kind() != FeatureKind.STFT && params.topDb().isPresent()) {
            PowerToDb.clipTopDb(out, params.topDb().getAsDouble());
        }
        if (params.kind() == FeatureKind.MFCC) {
            for (int t = 0; t < frames; t++) {
                out[t] = mfcc(out[t], ws);
            }
        }
        return new Spectrogram(out, params);
    }

    /** Windowed frame {@code t} -> {@code ws.spectrum[k] = |X[k]|^power}, k = 0..nFft/2. */
    private void powerSpectrum(float[] y, int t, Workspace ws) {
        int nFft = params.nFft();
        double[] buf = ws.frame;
        int start = t * params.hopLength() - (params.center() ? nFft / 2 : 0);
        int lo = Math.max(0, -start);
        int hi = Math.min(nFft, y.length - start);
        if (lo > 0 || hi < nFft) {
            java.util.Arrays.fill(buf, 0.0);
        }
        for (int i = lo; i < hi; i++) {
            buf[i] = y[start + i] * window[i];
        }
        ws.fft.realForward(buf);
        double[] s = ws.spectrum;
        int half = nFft / 2;
        s[0] = buf[0] * buf[0];
        s[half] = buf[1] * buf[1];
        for (int k = 1; k < half; k++) {
            double re = buf[2 * k];
            double im = buf[2 * k + 1];
            s[k] = re * re + im * im;
        }
        double power = params.power();
        if (power == 1.0) {
            for (int k = 0; k <= half; k++) {
                s[k] = Math.sqrt(s[k]);
            }
        } else if (power != 2.0) {
            double e = power / 2.0;
            for (int k = 0; k <= half; k++) {
                s[k] = Math.pow(s[k], e);
            }
        }
    }

    private float[] mfcc(float[] db, Workspace ws) {
        double[] b = ws.dct;
        for (int m = 0; m < b.length; m++) {
            b[m] = db[m];
        }
        ws.dctPlan.forward(b, true);
        float[] row = new float[params.nMfcc()];
        for (int c = 0; c < row.length; c++) {
            row[c] = (float) b[c];
        }
        return row;
    }

    /**
     * A periodic Hann window of {@code winLength} samples ({@code scipy.signal.get_window('hann', n, fftbins=True)}),
     * centred in {@code nFft} zeros (librosa {@code util.pad_center}).
     */
    static double[] paddedHann(int winLength, int nFft) {
        double[] w = new double[nFft];
        int offset = (nFft - winLength) / 2;
        for (int i = 0; i < winLength; i++) {
            w[offset + i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / winLength);
        }
        return w;
    }

    /** Per-thread FFT/DCT plans and scratch buffers. */
    private static final class Workspace {
        final DoubleFFT_1D fft;
        final double[] frame;
        final double[] spectrum;
        final double[] mel;
        final DoubleDCT_1D dctPlan;
        final double[] dct;

        Workspace(FeatureParams p) {
            fft = new DoubleFFT_1D(p.nFft());
            frame = new double[p.nFft()];
            spectrum = new double[p.nFft() / 2 + 1];
            mel = new double[p.nMels()];
            dctPlan = p.kind() == FeatureKind.MFCC ? new DoubleDCT_1D(p.nMels()) : null;
            dct = new double[p.nMels()];
        }
    }
}
