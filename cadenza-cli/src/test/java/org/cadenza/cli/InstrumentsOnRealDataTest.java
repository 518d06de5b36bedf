package org.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The instrument head end to end on real General MIDI files of midi-classics (chamber, orchestral and keyboard, two
 * composers, 20-s excerpts rendered with their own instruments): ingest, render, features, then train and evaluate.
 */
class InstrumentsOnRealDataTest {

    @Test
    void trainsAndReportsInstrumentsBesideThePriors(@TempDir Path tmp) throws Exception {
        Optional<Path> labels = TestCorpus.midiClassicsMixed(tmp.resolve("labels.csv"), List.of("bach", "mozart"), 4);
        assumeTrue(labels.isPresent(), "CADENZA_DATA is not set (or lacks midi-classics/)");
        Path ws = tmp.resolve("ws");
        String root = Path.of(System.getenv("CADENZA_DATA"), "midi-classics").toString();
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", labels.get().toString(), "--root", root, "-w",
                ws.toString()).code());
        CommandLineTest.Result rendered = CommandLineTest.ok("render", ws.toString(), "--excerpt", "20");
        CommandLineTest.Result featurised = CommandLineTest.ok("features", ws.toString(), "--excerpt", "20");
        Path run = tmp.resolve("run");
        CommandLineTest.Result r = CommandLineTest.ok("instruments", ws.toString(), "--run", run.toString(),
                "--excerpt", "20", "--epochs", "2", "--rare", "2", "--threads", "2");
        String report = Files.readString(run.resolve("instruments.md"));
        for (String line : List.of("## Test split, by window", "## Test split, by piece", "| model |",
                "| prior, thresholds tuned on validation |", "| most frequent training set |", "composer accuracy",
                "perfect prediction", "exact-match ratio", "Hamming loss", "| piano |")) {
            assertTrue(report.contains(line), "missing '" + line + "' in\n" + report);
        }
        assertTrue(Files.exists(run.resolve("model/multitask.json")));
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"instruments\""));
        assertTrue(Files.exists(run.resolve("thresholds.json")));
        Path piece = Path.of(root, Files.readAllLines(labels.get()).get(1).split(",")[0]);
        CommandLineTest.Result predicted = CommandLineTest.ok("predict", run.toString(), piece.toString());
        assertTrue(predicted.output().contains("instruments (largest window probability"), predicted.output());
        assertTrue(predicted.output().matches("(?s).*(yes|no) +piano .*"), predicted.output());
    }
}
