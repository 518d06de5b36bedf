package org.cadenza.eval;

/** The unit a figure counts: one window, or one piece (all windows of all its files together). */
public enum Level {
    WINDOW, PIECE;

    /** @return "window" or "piece", for tables and file names */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
