package org.cadenza.io.audio;

import java.util.Locale;

/**
 * The level of a clip, measured so that a few clicks do not decide it, and a gain that brings it to a reference.
 *
 * <p>The measure is the <em>robust peak</em>: the {@value #PEAK_QUANTILE} quantile of {@code |sample|} over the
 * samples (all channels) that lie within {@value #RANGE_DB} dB of the clip's true peak, in dBFS (0 dBFS = full scale
 * 1.0). Leaving out the quieter samples makes it independent of how much silence or near-silence surrounds the
 * music (a trimmed and an untrimmed copy measure the same); the quantile makes a few clicks irrelevant. The same audio
 * at another sample rate (band-limited resampling) or in 16-bit instead of float changes it by a few hundredths of a
 * dB; the same audio with a gain {@code g} changes it by exactly {@code 20 log10 g} dB (to the 0.01-dB resolution).
 * The quantile is read from a histogram of 0.01-dB bins (two passes, no sorting, no copy).
 */
public final class AudioLevel {

    /** Quantile of {@code |sample|} taken as the robust peak: the loudest 0.01 % of samples are ignored. */
    public static final double PEAK_QUANTILE = 0.9999;
    /** Samples more than this many dB below the true peak are not counted. */
    public static final double RANGE_DB = 60.0;
    /** Lowest level measured, dBFS; quieter clips report this. */
    public static final double FLOOR_DBFS = -120.0;

    private static final double BIN_DB = 0.01;
    private static final int BINS = (int) Math.round(RANGE_DB / BIN_DB) + 1;

    private AudioLevel() {
    }

    /**
     * The robust peak of a clip, dBFS.
     *
     * @return the {@value #PEAK_QUANTILE} quantile of {@code |sample|} among the samples within {@value #RANGE_DB} dB
     *         of the largest, in dBFS, rounded up to 0.01 dB, in [{@value #FLOOR_DBFS}, 0] (samples beyond full scale
     *         count as 0 dBFS; a clip of digital silence or quieter than the floor gives {@value #FLOOR_DBFS})
     */
    public static double robustPeakDbfs(AudioClip clip) {
        float[] s = clip.samples();
        double max = 0;
        for (float v : s) {
            max = Math.max(max, Math.abs(v));
        }
        double maxDb = Math.min(0, 20 * Math.log10(max));
        if (!(maxDb > FLOOR_DBFS)) {
            return FLOOR_DBFS;
        }
        double lowDb = maxDb - RANGE_DB;
        double low = Math.pow(10, lowDb / 20);
        long[] counts = new long[BINS];
        long counted = 0;
        for (float v : s) {
            double a = Math.abs(v);
            if (a >= low) {
                double db = Math.min(maxDb, 20 * Math.log10(a));
                counts[Math.min(BINS - 1, Math.max(0, (int) Math.ceil((db - lowDb) / BIN_DB)))]++;
                counted++;
            }
        }
        long wanted = (long) Math.ceil(PEAK_QUANTILE * counted);
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += counts[b];
            if (seen >= wanted) {
                return Math.max(FLOOR_DBFS, lowDb + b * BIN_DB);
            }
        }
        return maxDb;
    }

    /**
     * The clip scaled so that its {@link #robustPeakDbfs robust peak} is {@code targetDbfs}, samples clipped to
     * [-1, 1] (only the loudest 0.01 % can reach it, and only when the target is near 0 dBFS).
     *
     * @param targetDbfs wanted robust peak, dBFS, finite and &lt;= 0
     * @return a new clip with the same rate and channels; {@code clip} itself when its level is already within
     *         0.01 dB of the target, or when it is at or below {@value #FLOOR_DBFS} dBFS (silence is left silent)
     */
    public static AudioClip normalize(AudioClip clip, double targetDbfs) {
        if (!(targetDbfs <= 0) || Double.isInfinite(targetDbfs)) {
            throw new IllegalArgumentException("targetDbfs must be a finite level <= 0 dBFS, got " + targetDbfs);
        }
        double level = robustPeakDbfs(clip);
        if (level <= FLOOR_DBFS || Math.abs(level - targetDbfs) < BIN_DB) {
            return clip;
        }
        return gain(clip, targetDbfs - level);
    }

    /** The clip multiplied by {@code 10^(db / 20)}, samples clipped to [-1, 1]. */
    public static AudioClip gain(AudioClip clip, double db) {
        if (!Double.isFinite(db)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "gain must be a finite dB value, got %s", db));
        }
        float g = (float) Math.pow(10, db / 20);
        float[] in = clip.samples();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.max(-1f, Math.min(1f, in[i] * g));
        }
        return new AudioClip(out, clip.sampleRate(), clip.channels());
    }
}
