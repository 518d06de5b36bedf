package org.cadenza.eval;

import java.util.ArrayList;
import java.util.List;

/** A report's content once, rendered as Markdown and as self-contained HTML (images and links relative). */
final class ReportDocument {

    private interface Block {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    /** @param numeric per column: right-aligned */
    private record Table(List<String> header, List<List<String>> rows, boolean[] numeric) implements Block {
    }

    private record Image(String href, String alt) implements Block {
    }

    private record Links(List<String[]> labelAndHref) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    ReportDocument(String title) {
        this.title = title;
    }

    ReportDocument heading(String text) {
        blocks.add(new Heading(2, text));
        return this;
    }

    ReportDocument subheading(String text) {
        blocks.add(new Heading(3, text));
        return this;
    }

    ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /** @param numeric per column whether it holds numbers (right-aligned) */
    ReportDocument table(List<String> header, List<List<String>> rows, boolean... numeric) {
        boolean[] align = new boolean[header.size()];
        System.arraycopy(numeric, 0, align, 0, Math.min(numeric.length, align.length));
        blocks.add(new Table(List.copyOf(header), List.copyOf(rows), align));
        return this;
    }

    ReportDocument image(String href, String alt) {
        blocks.add(new Image(href, alt));
        return this;
    }

    /** @param labelAndHref pairs {label, relative href} */
    ReportDocument links(List<String[]> labelAndHref) {
        blocks.add(new Links(List.copyOf(labelAndHref)));
        return this;
    }

    String toMarkdown() {
        var sb = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof Image i) {
                sb.append("![").append(i.alt()).append("](").append(i.href()).append(")\n\n");
            } else if (b instanceof Links l) {
                List<String> parts = new ArrayList<>();
                for (String[] link : l.labelAndHref()) {
                    parts.add("[" + link[0] + "](" + link[1] + ")");
                }
                sb.append(String.join(" · ", parts)).append("\n\n");
            } else if (b instanceof Table t) {
                sb.append('|');
                t.header().forEach(h -> sb.append(' ').append(cellMd(h)).append(" |"));
                sb.append("\n|");
                for (boolean n : t.numeric()) {
                    sb.append(n ? "---:|" : "---|");
                }
                sb.append('\n');
                for (List<String> row : t.rows()) {
                    sb.append('|');
                    row.forEach(c -> sb.append(' ').append(cellMd(c)).append(" |"));
                    sb.append('\n');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    String toHtml() {
        var sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
                th { background: #f2f2f2; }
                td.n { text-align: right; font-variant-numeric: tabular-nums; }
                th, td { overflow-wrap: anywhere; }
                td .long { display: inline-block; max-width: 32em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
                tr:nth-child(even) td { background: #fafafa; }
                img { max-width: 100%%; border: 1px solid #eee; }
                h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.6em; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                """.formatted(html(title), html(title)));
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(html(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(html(p.text())).append("</p>\n");
            } else if (b instanceof Image i) {
                sb.append("<p><img src=\"").append(html(i.href())).append("\" alt=\"").append(html(i.alt())).append("\"></p>\n");
            } else if (b instanceof Links l) {
                List<String> parts = new ArrayList<>();
                for (String[] link : l.labelAndHref()) {
                    parts.add("<a href=\"" + html(link[1]) + "\">" + html(link[0]) + "</a>");
                }
                sb.append("<p>").append(String.join(" · ", parts)).append("</p>\n");
            } else if (b instanceof Table t) {
                sb.append("<table>\n<tr>");
                t.header().forEach(h -> sb.append("<th>").append(html(h)).append("</th>"));
                sb.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    sb.append("<tr>");
                    for (int c = 0; c < row.size(); c++) {
                        boolean numeric = c < t.numeric().length && t.numeric()[c];
                        sb.append(cellHtml(row.get(c), numeric));
                    }
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /**
     * A table cell. Text wraps anywhere rather than widen the page; a long unbroken name (a file path, a key:
     * {@value #LONG_TOKEN} characters or more without a space) is cut with an ellipsis at 32 em and kept whole in the
     * cell's {@code title} (shown on hover) and in the text (copied and found by the browser).
     */
    private static String cellHtml(String text, boolean numeric) {
        String cls = numeric ? " class=\"n\"" : "";
        boolean longToken = java.util.Arrays.stream(text.split("\\s+")).anyMatch(w -> w.length() >= LONG_TOKEN);
        if (!longToken) {
            return "<td" + cls + ">" + html(text) + "</td>";
        }
        return "<td" + cls + " title=\"" + html(text) + "\"><span class=\"long\">" + html(text) + "</span></td>";
    }

    /** Unbroken characters from which a cell's text is ellipsized in HTML. */
    static final int LONG_TOKEN = 48;

    private static String cellMd(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** Escapes the five characters that HTML text and attribute values cannot hold as they are. */
    private static String html(String s) {
        var sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
