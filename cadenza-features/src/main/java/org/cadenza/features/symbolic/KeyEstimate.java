package org.cadenza.features.symbolic;

/**
 * The key that best fits a pitch-class distribution by the Krumhansl-Schmuckler algorithm: the Pearson correlation of
 * the distribution with the Krumhansl-Kessler probe-tone profiles of all 24 major and minor keys (Krumhansl 1990,
 * <i>Cognitive Foundations of Musical Pitch</i>, ch. 4; profiles from Krumhansl and Kessler 1982).
 *
 * @param tonic           pitch class of the best key's tonic, 0 (C) - 11 (B)
 * @param major           whether the best key is major (else minor)
 * @param bestCorrelation its correlation, -1..1 (0 when the distribution is flat or empty)
 * @param margin          best minus second-best correlation over the other 23 keys, 0..2
 */
public record KeyEstimate(int tonic, boolean major, double bestCorrelation, double margin) {

    /** Krumhansl-Kessler major profile, C major, index = pitch class. */
    static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    /** Krumhansl-Kessler minor profile, C minor, index = pitch class. */
    static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    /**
     * The best of the 24 keys for {@code pitchClassWeights} (12 non-negative weights, any scale). Keys are tried in
     * the order C major ... B major, C minor ... B minor and the first of equal correlations wins, so a flat or
     * empty distribution gives C major with correlation 0 and margin 0.
     */
    public static KeyEstimate of(double[] pitchClassWeights) {
        if (pitchClassWeights.length != 12) {
            throw new IllegalArgumentException("KeyEstimate: 12 pitch-class weights expected, got "
                    + pitchClassWeights.length);
        }
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        int bestKey = 0;
        for (int key = 0; key < 24; key++) {
            double[] profile = key < 12 ? MAJOR : MINOR;
            int tonic = key % 12;
            double[] rotated = new double[12];
            for (int pc = 0; pc < 12; pc++) {
                rotated[pc] = profile[Math.floorMod(pc - tonic, 12)];
            }
            double r = pearson(pitchClassWeights, rotated);
            if (r > best) {
                second = best;
                best = r;
                bestKey = key;
            } else if (r > second) {
                second = r;
            }
        }
        return new KeyEstimate(bestKey % 12, bestKey < 12, best, best - second);
    }

    /** Pearson's r of two equally long vectors; 0 when either is constant (to rounding). */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        // constant within rounding: no correlation
        return sxx <= 1e-20 * xx || syy <= 1e-20 * yy ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
