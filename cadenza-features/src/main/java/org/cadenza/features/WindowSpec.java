package org.cadenza.features;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-length analysis windows over a spectrogram, e.g. 5 s windows every 2.5 s.
 *
 * @param windowSeconds window length in seconds, finite and &gt; 0
 * @param hopSeconds    seconds between window starts, finite and &gt; 0 (equal to {@code windowSeconds} for
 *                      back-to-back windows, smaller for overlap, larger to skip)
 */
public record WindowSpec(double windowSeconds, double hopSeconds) {

    private static final Pattern DURATION = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*(ms|s)\\s*");

    public WindowSpec {
        if (!(windowSeconds > 0) || !Double.isFinite(windowSeconds)) {
            throw new IllegalArgumentException("WindowSpec: windowSeconds must be a finite number > 0, got "
                    + windowSeconds);
        }
        if (!(hopSeconds > 0) || !Double.isFinite(hopSeconds)) {
            throw new IllegalArgumentException("WindowSpec: hopSeconds must be a finite number > 0, got " + hopSeconds);
        }
    }

    /** Back-to-back windows: {@code hop = window}. */
    public static WindowSpec of(double windowSeconds) {
        return new WindowSpec(windowSeconds, windowSeconds);
    }

    /**
     * Parses {@code "5s"} (back-to-back 5 s windows) or {@code "5s/2500ms"} (5 s windows every 2.5 s).
     * Durations are a non-negative decimal followed by {@code s} or {@code ms}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static WindowSpec parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("WindowSpec: no window given; expected e.g. \"5s\" or \"5s/2500ms\"");
        }
        int slash = spec.indexOf('/');
        if (slash < 0) {
            return of(parseSeconds(spec));
        }
        return new WindowSpec(parseSeconds(spec.substring(0, slash)), parseSeconds(spec.substring(slash + 1)));
    }

    /** Parses a duration such as {@code "5s"}, {@code "0.5s"}, {@code "500ms"} into seconds. */
    public static double parseSeconds(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("WindowSpec: cannot read duration \"" + text
                    + "\"; expected a number followed by s or ms, e.g. \"5s\", \"3s\", \"500ms\"");
        }
        double v = Double.parseDouble(m.group(1));
        return m.group(2).equals("ms") ? v / 1000.0 : v;
    }

    /** Canonical text, e.g. {@code "5.0s/2.5s"} (readable back by {@link #parse(String)}). */
    @Override
    public String toString() {
        return windowSeconds + "s/" + hopSeconds + "s";
    }
}
