package org.cadenza.features.symbolic;

import java.util.Locale;

/**
 * Which groups of {@link SymbolicFeatures} a vector holds.
 *
 * <ul>
 *   <li>{@link #BASE}: the 153 features of jSymbolic, music21 and Krumhansl that every notes model before this option
 *       was trained on; the default, so that those models keep their contract.</li>
 *   <li>{@link #EXTENDED}: the base features, then {@link TempoFreeFeatures}'s 86: instrumentation (General MIDI
 *       families, parts), rhythm relative to the piece's own pulse (which survives a score's missing or default
 *       tempo), and signed melodic and bass intervals. Made for corpora that mix scores, sequenced and performed
 *       files and many instrumentations (the many-composer benchmark).</li>
 * </ul>
 */
public enum FeatureSet {
    BASE,
    EXTENDED;

    /** The name used on the command line and in keys: {@code base}, {@code extended}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #cliName()}, case-insensitively; the message lists the choices. */
    public static FeatureSet parse(String text) {
        for (FeatureSet s : values()) {
            if (s.cliName().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown feature set '" + text + "': use base or extended");
    }
}
