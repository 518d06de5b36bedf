package org.cadenza.io.score.kern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.cadenza.io.midi.MidiLimits;
import org.junit.jupiter.api.Test;

/**
 * Reads all 5,650 files of polish-scores in one JVM (about 10 s): the files refused are exactly those listed in
 * {@code polish-scores-broken.tsv} (each with a malformed token, refused with its line and spine), and every other
 * file counts exactly the note attacks of its {@code n_notes} label. Prints the failures, seconds of music and files
 * per second.
 */
class KernPolishScoresAllTest {

    @Test
    void readsEveryFileButTheBrokenOnesAndCountsTheirNotesAsTheLabelsDo() throws Exception {
        Path root = RealData.require("reading every polish-scores file", "polish-scores");
        Map<String, Long> labels = PolishScoresLabels.noteCounts(root.resolve("labels.csv"));
        Map<String, String> failures = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        double seconds = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, Long> e : labels.entrySet()) {
            try {
                KernReading r = KernReader.readCounted(root.resolve(e.getKey()), MidiLimits.DEFAULTS);
                seconds += r.score().notes().durationSeconds();
                if (r.attacks() != e.getValue()) {
                    mismatches.add(e.getKey() + ": " + r.attacks() + " attacks, n_notes " + e.getValue());
                }
            } catch (BadInputException x) {
                failures.put(e.getKey(), x.problem());
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "polish-scores: %d files, %d refused, %d read, %d of them with n_notes matched;"
                        + " %.0f s of music; %.1f s, %.0f files/s%n", labels.size(), failures.size(),
                labels.size() - failures.size(), labels.size() - failures.size() - mismatches.size(), seconds,
                elapsed, labels.size() / elapsed);
        failures.forEach((f, p) -> System.out.println("  refused " + f + ": " + p));

        assertEquals(5650, labels.size());
        assertEquals(broken(), failures, "the files refused, and why");
        assertEquals(List.of(), mismatches, "files whose attack count differs from n_notes");
        assertTrue(seconds > 500_000, "seconds of music: " + seconds);
    }

    /** The list of broken files: path -> problem. */
    private static Map<String, String> broken() throws Exception {
        Map<String, String> broken = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                KernPolishScoresAllTest.class.getResourceAsStream("polish-scores-broken.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    String[] f = line.split("\t", 2);
                    broken.put(f[0], f[1]);
                }
            }
        }
        return broken;
    }
}
