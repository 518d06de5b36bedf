package org.cadenza.features;

/**
 * Normalisation of each mel filter.
 *
 * <ul>
 *   <li>{@link #SLANEY}: librosa's default {@code norm='slaney'}: each triangle is scaled by
 *       {@code 2 / (f_upper - f_lower)} (Hz), so every filter has roughly constant energy per channel.</li>
 *   <li>{@link #NONE}: {@code norm=None}: triangles peak at 1.0.</li>
 * </ul>
 */
public enum MelNorm {
    SLANEY, NONE
}
