package org.cadenza.features.symbolic;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link NoteWindower} cuts a {@link org.cadenza.io.midi.NoteSequence}: windows of a fixed number of seconds or
 * of a fixed number of bars (the bar lines come from the file's time signatures and tempo map), each with its hop.
 *
 * <p>Text form ({@link #parse(String)}, {@link #toString()}): {@code "30s"} (30 s windows every 15 s),
 * {@code "30s/10s"}, {@code "500ms/250ms"}, {@code "8bars"} (8-bar windows every 4 bars), {@code "8bars/2bars"},
 * {@code "piece"} (one window: the whole piece, as the peers' per-file features see it).
 *
 * @param unit   what {@code window} and {@code hop} count
 * @param window window length: seconds (finite, &gt; 0) or bars (a whole number &gt;= 1); 1 for {@link Unit#PIECE}
 * @param hop    distance between window starts, in the same unit: seconds (finite, &gt; 0) or bars (a whole number
 *               &gt;= 1); 1 for {@link Unit#PIECE}
 */
public record NoteWindowSpec(Unit unit, double window, double hop) {

    /** What a window's length and hop count. */
    public enum Unit {
        /** Seconds of the tempo-mapped timeline. */
        SECONDS,
        /** Bars (measures) between the sequence's bar lines. */
        BARS,
        /** One window, the whole piece (from its first onset to its end); window and hop are 1. */
        PIECE
    }

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*(ms|s|bars?)");

    public NoteWindowSpec {
        Objects.requireNonNull(unit, "unit");
        if (unit == Unit.SECONDS) {
            if (!(window > 0) || !Double.isFinite(window) || !(hop > 0) || !Double.isFinite(hop)) {
                throw new IllegalArgumentException("NoteWindowSpec: window and hop must be finite numbers of seconds"
                        + " > 0, got " + window + " s and " + hop + " s");
            }
        } else if (unit == Unit.PIECE) {
            if (window != 1 || hop != 1) {
                throw new IllegalArgumentException("NoteWindowSpec: a whole-piece window has window and hop 1, got "
                        + window + " and " + hop);
            }
        } else if (!(window >= 1) || !(hop >= 1) || window != Math.rint(window) || hop != Math.rint(hop)
                || window > Integer.MAX_VALUE || hop > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("NoteWindowSpec: window and hop must be whole numbers of bars >= 1, got "
                    + window + " and " + hop + " bars");
        }
    }

    /** Windows of {@code windowSeconds} every {@code hopSeconds} (both finite, &gt; 0). */
    public static NoteWindowSpec seconds(double windowSeconds, double hopSeconds) {
        return new NoteWindowSpec(Unit.SECONDS, windowSeconds, hopSeconds);
    }

    /** Windows of {@code bars} bars starting every {@code hopBars} bars (both &gt;= 1). */
    public static NoteWindowSpec bars(int bars, int hopBars) {
        return new NoteWindowSpec(Unit.BARS, bars, hopBars);
    }

    /** One window per piece: the whole of it. */
    public static NoteWindowSpec piece() {
        return new NoteWindowSpec(Unit.PIECE, 1, 1);
    }

    /** Whether the window is the whole piece. */
    public boolean isPiece() {
        return unit == Unit.PIECE;
    }

    /** Whether windows are counted in bars. */
    public boolean isBars() {
        return unit == Unit.BARS;
    }

    /** Window length in seconds; only for {@link Unit#SECONDS}. */
    public double windowSeconds() {
        requireUnit(Unit.SECONDS);
        return window;
    }

    /** Hop in seconds; only for {@link Unit#SECONDS}. */
    public double hopSeconds() {
        requireUnit(Unit.SECONDS);
        return hop;
    }

    /** Window length in bars; only for {@link Unit#BARS}. */
    public int windowBars() {
        requireUnit(Unit.BARS);
        return (int) window;
    }

    /** Hop in bars; only for {@link Unit#BARS}. */
    public int hopBars() {
        requireUnit(Unit.BARS);
        return (int) hop;
    }

    private void requireUnit(Unit expected) {
        if (unit != expected) {
            throw new IllegalStateException("NoteWindowSpec " + this + " counts " + unit.name().toLowerCase(Locale.ROOT)
                    + ", not " + expected.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Reads {@code "30s"}, {@code "30s/15s"}, {@code "500ms/250ms"}, {@code "8bars"}, {@code "8bars/4bars"} (also
     * {@code "1bar"}); case and spaces around the parts are ignored. Without a hop, the hop is half the window (for
     * bars, half rounded down and at least 1 bar). {@code "piece"} is one window, the whole piece.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static NoteWindowSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("NoteWindowSpec: no window given; expected e.g. \"30s\", \"30s/15s\","
                    + " \"8bars\", \"8bars/4bars\" or \"piece\"");
        }
        if (text.trim().equalsIgnoreCase("piece")) {
            return piece();
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("NoteWindowSpec: \"" + text + "\" has more than one '/'; expected"
                    + " WINDOW or WINDOW/HOP, e.g. \"30s/15s\" or \"8bars/4bars\"");
        }
        Part w = Part.of(parts[0], text);
        if (parts.length == 1) {
            return w.bars ? bars(w.bars(text), Math.max(1, w.bars(text) / 2)) : seconds(w.seconds, w.seconds / 2);
        }
        Part h = Part.of(parts[1], text);
        if (w.bars != h.bars) {
            throw new IllegalArgumentException("NoteWindowSpec: \"" + text + "\" mixes seconds and bars; window and"
                    + " hop must use the same unit, e.g. \"30s/15s\" or \"8bars/4bars\"");
        }
        return w.bars ? bars(w.bars(text), h.bars(text)) : seconds(w.seconds, h.seconds);
    }

    private record Part(double value, double seconds, boolean bars) {
        static Part of(String part, String text) {
            Matcher m = PART.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("NoteWindowSpec: cannot read \"" + part.trim() + "\" in \"" + text
                        + "\"; expected a number followed by s, ms or bars, e.g. \"30s\", \"500ms\", \"8bars\"");
            }
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            if (v <= 0) {
                throw new IllegalArgumentException("NoteWindowSpec: \"" + part.trim() + "\" in \"" + text
                        + "\" must be greater than 0");
            }
            return new Part(v, unit.equals("ms") ? v / 1000.0 : v, unit.startsWith("bar"));
        }

        int bars(String text) {
            if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("NoteWindowSpec: \"" + text + "\": bars must be a whole number"
                        + " >= 1, got " + value);
            }
            return (int) value;
        }
    }

    /** Canonical text readable by {@link #parse(String)}, e.g. {@code "30s/15s"}, {@code "2.5s/1.25s"}, {@code "8bars/4bars"}. */
    @Override
    public String toString() {
        if (isPiece()) {
            return "piece";
        }
        return isBars() ? (long) window + "bars/" + (long) hop + "bars" : plain(window) + "s/" + plain(hop) + "s";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
