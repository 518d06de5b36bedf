package org.cadenza.features;

/**
 * Hz to mel conversion used to place the mel filters.
 *
 * <ul>
 *   <li>{@link #SLANEY}: Auditory Toolbox / librosa default ({@code htk=False}): linear below 1000 Hz
 *       ({@code mel = 3 f / 200}), logarithmic above ({@code mel = 15 + 27 ln(f / 1000) / ln 6.4}); 1000 Hz = 15 mel.</li>
 *   <li>{@link #HTK}: {@code mel = 2595 log10(1 + f / 700)}; 1000 Hz = 999.99 mel.</li>
 * </ul>
 */
public enum MelScale {
    SLANEY, HTK;

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    /** Frequency in Hz (>= 0) to mels on this scale. */
    public double hzToMel(double hz) {
        if (this == HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        if (hz >= MIN_LOG_HZ) {
            return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
        }
        return hz / F_SP;
    }

    /** Mels on this scale to frequency in Hz. */
    public double melToHz(double mel) {
        if (this == HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        if (mel >= MIN_LOG_MEL) {
            return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
        }
        return F_SP * mel;
    }
}
