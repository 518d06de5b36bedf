package org.cadenza.render;

import java.util.Locale;

/**
 * How Gervill resamples a soundfont sample to the pitch of a note (Gervill's {@code "interpolation"} option).
 * Ordered from cheapest to best; see {@code docs/benchmarks/render.md} for measured speed.
 */
public enum Interpolation {
    /** Nearest sample: fastest, audible aliasing on high notes. */
    POINT,
    /** Linear interpolation (Gervill's default, {@code SoftLinearResampler2}). */
    LINEAR,
    /** 4-point cubic interpolation (comparable to fluidsynth's default 4th-order interpolation). */
    CUBIC,
    /** Lanczos windowed sinc. */
    LANCZOS,
    /** Windowed sinc: best, slowest. */
    SINC;

    /** The value Gervill's {@code openStream} info map expects: the name in lower case, e.g. {@code cubic}. */
    public String gervillName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
