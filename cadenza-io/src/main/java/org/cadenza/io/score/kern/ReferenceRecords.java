package org.cadenza.io.score.kern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cadenza.io.score.ScoreMetadata;

/**
 * What a kern file says about itself: its reference records ({@code !!!KEY: value}; the first of a key counts) and
 * its {@code *I} instrument codes, made into {@link ScoreMetadata}: {@code COM} composer, {@code OTL} title,
 * {@code CDT} life dates, instruments = the codes of {@code AIN} (counts and the placeholder {@code empty} left out)
 * then the {@code *I} codes, in order, without repeats.
 */
final class ReferenceRecords {

    private static final String PLACEHOLDER = "empty";

    private final Map<String, String> records = new HashMap<>();
    private final List<String> codes = new ArrayList<>();

    /** A global comment line ({@code !!...}); reference records ({@code !!!KEY: value}) are kept. */
    void comment(String line) {
        int colon = line.indexOf(':');
        if (line.startsWith("!!!") && colon > 3) {
            records.putIfAbsent(line.substring(3, colon).strip(), line.substring(colon + 1).strip());
        }
    }

    /** An instrument code of a {@code *I} interpretation ({@code violn}). */
    void instrumentCode(String code) {
        codes.add(code);
    }

    ScoreMetadata metadata() {
        Set<String> instruments = new LinkedHashSet<>();
        for (String word : records.getOrDefault("AIN", "").split("\\s+")) {
            if (!word.isEmpty() && !word.chars().allMatch(Character::isDigit)) {
                instruments.add(word);
            }
        }
        instruments.addAll(codes);
        instruments.remove(PLACEHOLDER);
        return ScoreMetadata.of(records.get("COM"), records.get("OTL"), records.get("CDT"),
                new ArrayList<>(instruments));
    }
}
