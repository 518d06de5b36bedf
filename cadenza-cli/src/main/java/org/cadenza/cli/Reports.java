package org.cadenza.cli;

/** Formatting helpers for reports printed on the console. */
final class Reports {
    private Reports() {
    }

    /** The text cut to {@code maxLines} lines, with a note saying how many were left out. */
    static String brief(String text, int maxLines) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= maxLines + 1) {
            return text.endsWith("\n") ? text : text + "\n";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < maxLines; i++) {
            b.append(lines[i]).append('\n');
        }
        b.append("... ").append(lines.length - maxLines).append(" more lines (use --verbose, or `cadenza status`)\n");
        return b.toString();
    }
}
