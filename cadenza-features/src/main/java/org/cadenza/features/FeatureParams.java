package org.cadenza.features;

import static org.cadenza.io.Parameters.require;

import org.cadenza.io.Parameters;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Everything that determines a {@link Spectrogram}, with librosa 0.11's defaults so that
 * {@code FeatureParams.defaults()} reproduces {@code librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=22050))}.
 *
 * <p>The frame pipeline is: optional centring (pad {@code nFft / 2} zeros on both sides, librosa's
 * {@code center=True, pad_mode='constant'}), frames of {@code nFft} samples every {@code hopLength} samples,
 * a periodic Hann window of {@code winLength} samples zero-padded to {@code nFft} (centred), a real FFT,
 * {@code |X|^power}, then for {@link FeatureKind#LOGMEL}/{@link FeatureKind#MFCC} a mel filterbank, {@code power_to_db}
 * and for MFCC an orthonormal DCT-II.
 *
 * <p>Build with {@link #builder()}; the canonical {@link #key()} names every parameter and is used as a cache key.
 *
 * @param kind       what to compute; default {@link FeatureKind#LOGMEL}
 * @param sampleRate sample rate in Hz the audio must have (nothing is resampled); default 22,050 Hz; &gt; 0
 * @param nFft       FFT length in samples; default 2048 (93 ms at 22,050 Hz); even, &gt;= 4
 * @param hopLength  samples between successive frames; default 512 (23.2 ms at 22,050 Hz); &gt;= 1
 * @param winLength  Hann window length in samples, zero-padded to {@code nFft}; default {@code nFft}; 1..nFft
 * @param center     pad {@code nFft / 2} zeros at both ends so frame {@code t} is centred on sample {@code t * hopLength}
 *                   (librosa {@code center=True} with its current default {@code pad_mode='constant'}); default true
 * @param power      exponent applied to the magnitude: 1 = magnitude, 2 = power; default 2.0; &gt; 0
 * @param nMels      number of mel bands; default 128; &gt;= 1
 * @param fMin       lowest mel filter edge in Hz; default 0; 0 &lt;= fMin &lt; fMax
 * @param fMax       highest mel filter edge in Hz; default {@code sampleRate / 2}; fMax &lt;= sampleRate / 2
 * @param melScale   Hz-to-mel formula; default {@link MelScale#SLANEY} (librosa {@code htk=False})
 * @param melNorm    filter normalisation; default {@link MelNorm#SLANEY} (librosa {@code norm='slaney'})
 * @param ref        reference power for dB: {@code 10 log10(S / ref)}; default 1.0 (librosa {@code ref=1.0}); &gt; 0
 * @param amin       floor applied to {@code S} and {@code ref} before the log (power units); default 1e-10; &gt; 0
 * @param topDb      if present, dB values are clipped to {@code max(dB) - topDb}, where the maximum is taken over the
 *                   <em>whole clip</em> (librosa's {@code power_to_db(top_db=80)}). Default: present, 80 dB, because
 *                   that is what librosa's {@code power_to_db} and {@code mfcc} do and this class promises librosa's
 *                   numbers. Consequence: a frame's value can depend on the loudest frame elsewhere in the clip, so
 *                   features of a sub-clip differ from the same frames sliced out of the whole clip's features (slice
 *                   the {@link Spectrogram}, not the audio, to stay consistent). Use {@link Builder#optNoTopDb()} for
 *                   purely frame-local dB values. &gt;= 0 when present
 * @param nMfcc      number of MFCC coefficients kept (DCT-II, ortho); default 20; 1..nMels
 */
public record FeatureParams(
        FeatureKind kind,
        int sampleRate,
        int nFft,
        int hopLength,
        int winLength,
        boolean center,
        double power,
        int nMels,
        double fMin,
        double fMax,
        MelScale melScale,
        MelNorm melNorm,
        double ref,
        double amin,
        OptionalDouble topDb,
        int nMfcc) {

    /** Version of the feature computation; part of {@link #key()} so caches are invalidated if the maths changes. */
    public static final int ALGORITHM_VERSION = 1;

    public FeatureParams {
        Parameters.nonNull("kind, melScale, melNorm", kind, melScale, melNorm);
        Objects.requireNonNull(topDb, "topDb (use OptionalDouble.empty() for no clipping)");
        require("FeatureParams", sampleRate > 0, "sampleRate must be > 0 Hz, got " + sampleRate);
        require("FeatureParams", nFft >= 4 && nFft % 2 == 0,
                "nFft must be an even number of samples >= 4, got " + nFft);
        require("FeatureParams", hopLength >= 1, "hopLength must be >= 1 sample, got " + hopLength);
        require("FeatureParams", winLength >= 1 && winLength <= nFft,
                "winLength must be in 1.." + nFft + " (nFft) samples, got " + winLength);
        require("FeatureParams", power > 0 && Double.isFinite(power),
                "power must be a finite number > 0, got " + power);
        require("FeatureParams", nMels >= 1, "nMels must be >= 1, got " + nMels);
        require("FeatureParams", Double.isFinite(fMin) && fMin >= 0, "fMin must be >= 0 Hz, got " + fMin);
        require("FeatureParams", Double.isFinite(fMax) && fMax > fMin,
                "fMax must be > fMin (" + fMin + " Hz), got " + fMax + " Hz");
        require("FeatureParams", fMax <= sampleRate / 2.0,
                "fMax must be <= the Nyquist frequency " + sampleRate / 2.0 + " Hz (sampleRate " + sampleRate
                        + " Hz), got " + fMax + " Hz");
        require("FeatureParams", ref > 0 && Double.isFinite(ref), "ref must be a finite power > 0, got " + ref);
        require("FeatureParams", amin > 0 && Double.isFinite(amin), "amin must be a finite power > 0, got " + amin);
        topDb.ifPresent(t -> require("FeatureParams", t >= 0 && Double.isFinite(t),
                "topDb must be a finite dB value >= 0, got " + t));
        require("FeatureParams", nMfcc >= 1 && nMfcc <= nMels,
                "nMfcc must be in 1.." + nMels + " (nMels), got " + nMfcc);
    }

    /** librosa's defaults, {@link FeatureKind#LOGMEL}. */
    public static FeatureParams defaults() {
        return builder().build();
    }

    /** A builder with every parameter at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these values. {@code winLength} and {@code fMax} are carried over only when they differ from
     * their derived defaults ({@code nFft}, {@code sampleRate / 2}), so changing the sample rate or FFT size on the
     * builder moves them along.
     */
    public Builder toBuilder() {
        Builder b = new Builder().optKind(kind).optSampleRate(sampleRate).optNFft(nFft).optHopLength(hopLength)
                .optCenter(center).optPower(power).optNMels(nMels).optFMin(fMin).optMelScale(melScale)
                .optMelNorm(melNorm).optRef(ref).optAmin(amin).optNMfcc(nMfcc);
        b.topDb = topDb;
        if (winLength != nFft) {
            b.optWinLength(winLength);
        }
        if (fMax != sampleRate / 2.0) {
            b.optFMax(fMax);
        }
        return b;
    }

    /** The same parameters with another kind. */
    public FeatureParams withKind(FeatureKind newKind) {
        return toBuilder().optKind(newKind).build();
    }

    /** Number of values per frame: {@code nFft/2+1} for STFT, {@code nMels} for LOGMEL, {@code nMfcc} for MFCC. */
    public int bins() {
        return switch (kind) {
            case STFT -> nFft / 2 + 1;
            case LOGMEL -> nMels;
            case MFCC -> nMfcc;
        };
    }

    /** Seconds between successive frames: {@code hopLength / sampleRate}. */
    public double secondsPerFrame() {
        return (double) hopLength / sampleRate;
    }

    /**
     * Frames covering a duration at this frame rate: the one seconds-to-frames conversion for window lengths and hops,
     * used alike by training ({@code WindowIndex}, {@code DatasetBuilder}) and prediction ({@link Windower}), so that
     * both cut the same windows.
     *
     * <p>{@code max(1, round(seconds / secondsPerFrame()))}, where {@code secondsPerFrame() = hopLength / sampleRate}
     * and {@code round} is {@link Math#round(double)} (halves round up). At the defaults (22,050 Hz, hop 512:
     * 23.22 ms a frame): 5 s -&gt; 215 frames (215.33), 2.5 s -&gt; 108 (107.67), 1 s -&gt; 43 (43.07),
     * 10 ms -&gt; 1 (0.43, raised to 1).
     *
     * @param seconds a duration in seconds, finite and &gt; 0
     * @return frames, &gt;= 1
     * @throws IllegalArgumentException when {@code seconds} is not finite and &gt; 0, or needs more than
     *                                  {@link Integer#MAX_VALUE} frames
     */
    public int framesFor(double seconds) {
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("FeatureParams: a duration must be a finite number of seconds > 0, got "
                    + seconds);
        }
        long frames = Math.round(seconds / secondsPerFrame());
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("FeatureParams: " + seconds + " s is more than " + Integer.MAX_VALUE
                    + " frames of " + secondsPerFrame() + " s");
        }
        return (int) Math.max(1, frames);
    }

    /**
     * Number of frames produced for a mono signal of {@code samples} samples: librosa's
     * {@code 1 + (n + 2*(nFft/2) - nFft) / hop} with centring, {@code 1 + (n - nFft) / hop} without (0 if too short).
     */
    public int frameCount(int samples) {
        int padded = center ? samples + 2 * (nFft / 2) : samples;
        return padded < nFft ? 0 : 1 + (padded - nFft) / hopLength;
    }

    /**
     * Canonical string naming every parameter and {@link #ALGORITHM_VERSION}; equal keys mean equal features.
     * Doubles are written with {@link Double#toString(double)}. Example:
     * {@code features-v1;kind=LOGMEL;sr=22050;n_fft=2048;hop=512;win=2048;window=hann-periodic;center=true;
     * pad=constant;power=2.0;n_mels=128;fmin=0.0;fmax=11025.0;mel_scale=SLANEY;mel_norm=SLANEY;ref=1.0;amin=1.0E-10;
     * top_db=80.0;n_mfcc=20;dct=II-ortho}.
     */
    public String key() {
        return String.format(Locale.ROOT,
                "features-v%d;kind=%s;sr=%d;n_fft=%d;hop=%d;win=%d;window=hann-periodic;center=%b;pad=constant;"
                        + "power=%s;n_mels=%d;fmin=%s;fmax=%s;mel_scale=%s;mel_norm=%s;ref=%s;amin=%s;top_db=%s;"
                        + "n_mfcc=%d;dct=II-ortho",
                ALGORITHM_VERSION, kind, sampleRate, nFft, hopLength, winLength, center, Double.toString(power), nMels,
                Double.toString(fMin), Double.toString(fMax), melScale, melNorm, Double.toString(ref),
                Double.toString(amin), topDb.isPresent() ? Double.toString(topDb.getAsDouble()) : "none", nMfcc);
    }

    @Override
    public String toString() {
        return key();
    }

    /** Builder; every parameter is optional ({@code optX}) and starts at the default documented on the record. */
    public static final class Builder {
        private FeatureKind kind = FeatureKind.LOGMEL;
        private int sampleRate = 22_050;
        private int nFft = 2048;
        private int hopLength = 512;
        private Integer winLength;
        private boolean center = true;
        private double power = 2.0;
        private int nMels = 128;
        private double fMin = 0.0;
        private Double fMax;
        private MelScale melScale = MelScale.SLANEY;
        private MelNorm melNorm = MelNorm.SLANEY;
        private double ref = 1.0;
        private double amin = 1e-10;
        private OptionalDouble topDb = OptionalDouble.of(80.0);
        private int nMfcc = 20;

        private Builder() {
        }

        /** Default {@link FeatureKind#LOGMEL}. */
        public Builder optKind(FeatureKind v) {
            kind = Objects.requireNonNull(v, "kind");
            return this;
        }

        /** Hz; default 22,050. */
        public Builder optSampleRate(int v) {
            sampleRate = v;
            return this;
        }

        /** Samples; default 2048. */
        public Builder optNFft(int v) {
            nFft = v;
            return this;
        }

        /** Samples; default 512. */
        public Builder optHopLength(int v) {
            hopLength = v;
            return this;
        }

        /** Samples; default {@code nFft}. */
        public Builder optWinLength(int v) {
            winLength = v;
            return this;
        }

        /** Default true (zero padding of {@code nFft / 2} at both ends). */
        public Builder optCenter(boolean v) {
            center = v;
            return this;
        }

        /** Magnitude exponent; default 2.0. */
        public Builder optPower(double v) {
            power = v;
            return this;
        }

        /** Default 128. */
        public Builder optNMels(int v) {
            nMels = v;
            return this;
        }

        /** Hz; default 0. */
        public Builder optFMin(double v) {
            fMin = v;
            return this;
        }

        /** Hz; default {@code sampleRate / 2}. */
        public Builder optFMax(double v) {
            fMax = v;
            return this;
        }

        /** Default {@link MelScale#SLANEY}. */
        public Builder optMelScale(MelScale v) {
            melScale = Objects.requireNonNull(v, "melScale");
            return this;
        }

        /** Default {@link MelNorm#SLANEY}. */
        public Builder optMelNorm(MelNorm v) {
            melNorm = Objects.requireNonNull(v, "melNorm");
            return this;
        }

        /** Reference power for 0 dB; default 1.0. */
        public Builder optRef(double v) {
            ref = v;
            return this;
        }

        /** Power floor before the log; default 1e-10. */
        public Builder optAmin(double v) {
            amin = v;
            return this;
        }

        /** Clip dB values to {@code max - v} over the clip; default 80 dB. */
        public Builder optTopDb(double v) {
            topDb = OptionalDouble.of(v);
            return this;
        }

        /** No dB clipping: every frame's values depend on that frame only. */
        public Builder optNoTopDb() {
            topDb = OptionalDouble.empty();
            return this;
        }

        /** Default 20. */
        public Builder optNMfcc(int v) {
            nMfcc = v;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the offending parameter. */
        public FeatureParams build() {
            return new FeatureParams(kind, sampleRate, nFft, hopLength, winLength == null ? nFft : winLength, center,
                    power, nMels, fMin, fMax == null ? sampleRate / 2.0 : fMax, melScale, melNorm, ref, amin, topDb,
                    nMfcc);
        }
    }
}
