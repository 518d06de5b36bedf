package org.cadenza.io.score.kern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code n_notes} column of polish-scores' {@code labels.csv}, by file path. Read without a CSV parser: the path
 * is the first field (ASCII file names without commas) and {@code n_notes} is the number just before the 40-digit
 * {@code sha1}, the only such pattern on a row.
 */
final class PolishScoresLabels {

    private static final Pattern NOTES_THEN_SHA1 = Pattern.compile(",(\\d+),[0-9a-f]{40},");

    private PolishScoresLabels() {
    }

    /** @return relative path -> n_notes, in file order */
    static Map<String, Long> noteCounts(Path labels) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String row : Files.readAllLines(labels)) {
            Matcher m = NOTES_THEN_SHA1.matcher(row);
            if (row.startsWith("path,") || !m.find()) {
                continue;
            }
            counts.put(row.substring(0, row.indexOf(',')), Long.parseLong(m.group(1)));
        }
        return counts;
    }
}
