package org.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        Optional<Path> labels = TestCorpus.asapScores(tmp.resolve("labels.csv"), List.of("bach", "chopin"), 10);
        assumeTrue(labels.isPresent(),
                "CADENZA_DATA is not set (or lacks asap/): the real-data training test needs the datasets folder");
        Path asap = TestCorpus.asap().orElseThrow();
        Path csv = labels.get();
        Path ws = tmp.resolve("ws");
        String[] render = {"--from-first-note", "--excerpt", "40"};
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", csv.toString(), "--root", asap.toString(),
                "-w", ws.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza(concat(new String[] {"render", ws.toString()}, render)).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza(concat(new String[] {"features", ws.toString(), "--window",
            "5s"}, render)).code());

        Path run = tmp.resolve("run");
        CommandLineTest.Result train = CommandLineTest.ok(concat(new String[] {"train", ws.toString(), "--run",
            run.toString(), "--model", "small", "--epochs", "6", "--hop", "2.5s"}, render));
        CommandLineTest.Result evaluate = CommandLineTest.ok("evaluate", run.toString(), "-w", ws.toString());
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
