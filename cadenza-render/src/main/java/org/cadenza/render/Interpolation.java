package org.cadenza.render;

/**
 * How Gervill resamples a soundfont sample to the pitch of a note (Gervill's {@code "interpolation"} option).
 * Ordered from cheapest to best; see {@code docs/benchmarks/render.md} for measured speed.
 */
public enum Interpolation {
    /** Nearest sample: fastest, audible aliasing on high notes. */
    POINT("point"),
    /** Linear interpolation (Gervill's default, {@code SoftLinearResampler2}). */
    LINEAR("linear"),
    /** 4-point cubic interpolation (comparable to fluidsynth's default 4th-order interpolation). */
    CUBIC("cubic"),
    /** Lanczos windowed sinc. */
    LANCZOS("lanczos"),
    /** Windowed sinc: best, slowest. */
    SINC("sinc");

    private final String gervillName;

    Interpolation(String gervillName) {
        this.gervillName = gervillName;
    }

    /** The value Gervill's {@code openStream} info map expects. */
    public String gervillName() {
        return gervillName;
    }
}
