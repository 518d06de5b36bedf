package org.cadenza.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tiny end-to-end training on real files that must beat the dummy baseline: the score MIDIs of the first 10 pieces
 * (by piece id) of Bach and of Chopin in asap, the first 40 s of each from its first note, through ingest, render,
 * features, train (SMALL, by-piece split) and evaluate; the held-out windows' accuracy must beat always answering
 * the most frequent training class.
 */
class RealTrainingBeatsDummyTest {

    private static final Pattern WINDOW_ROW = Pattern.compile(
            "\\| window accuracy \\| ([0-9.]+) % \\([0-9]+/[0-9]+\\) \\| ([0-9.]+) % \\|");

    @Test
    void aSmallRealTrainingBeatsTheMostFrequentBaseline(@TempDir Path tmp) throws Exception {
        String data = System.getenv("CADENZA_DATA");
        assumeTrue(data != null && Files.isRegularFile(Path.of(data, "asap", "labels.csv")),
                "CADENZA_DATA is not set (or lacks asap/): the real-data training test needs the datasets folder");
        Path asap = Path.of(data, "asap");
        Map<String, CSVRecord> firstScores = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(asap.resolve("labels.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : csv) {
                String composer = r.get("composer");
                if ((composer.equals("bach") || composer.equals("chopin")) && r.get("path").endsWith("midi_score.mid")) {
                    firstScores.putIfAbsent(r.get("piece_id"), r);
                }
            }
        }
        StringBuilder labels = new StringBuilder("path,composer,piece_id\n");
        Map<String, Integer> perComposer = new TreeMap<>();
        for (CSVRecord r : firstScores.values()) {
            if (perComposer.merge(r.get("composer"), 1, Integer::sum) <= 10) {
                labels.append(r.get("path")).append(',').append(r.get("composer")).append(',')
                        .append(r.get("piece_id")).append('\n');
            }
        }
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, labels);
        Path ws = tmp.resolve("ws");
        String[] render = {"--from-first-note", "--excerpt", "40"};
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", csv.toString(), "--root", asap.toString(),
                "-w", ws.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza(concat(new String[] {"render", ws.toString()}, render)).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza(concat(new String[] {"features", ws.toString(), "--window",
            "5s"}, render)).code());

        Path run = tmp.resolve("run");
        CommandLineTest.Result train = CommandLineTest.cadenza(concat(new String[] {"train", ws.toString(), "--run",
            run.toString(), "--model", "small", "--epochs", "6", "--hop", "2.5s"}, render));
        assertEquals(ExitCode.OK, train.code(), train.output());
        CommandLineTest.Result evaluate = CommandLineTest.cadenza("evaluate", run.toString(), "-w", ws.toString());
        assertEquals(ExitCode.OK, evaluate.code(), evaluate.output());
        Matcher m = WINDOW_ROW.matcher(evaluate.output());
        assertTrue(m.find(), evaluate.output());
        double model = Double.parseDouble(m.group(1));
        double mostFrequent = Double.parseDouble(m.group(2));
        System.out.printf("real bach/chopin training: held-out window accuracy %.1f %% vs most frequent %.1f %%%n",
                model, mostFrequent);
        assertTrue(model > mostFrequent + 10, "held-out window accuracy " + model + " % does not beat the "
                + "most-frequent baseline " + mostFrequent + " % by 10 points\n" + evaluate.output());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
