package org.cadenza.cli;

import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --trials} and {@code evaluate --on} through the command line, on two corpora built here whose
 * "composers" differ clearly (bass notes against flute notes); the blind one also has a composer the model never saw.
 */
class TrialsBlindCommandTest {

    @Test
    void trialsThenBlindEvaluation(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.featurisedBassAndSoprano(tmp, 5, 16);

        Path run = tmp.resolve("run");
        String[] train = {"train", ws.toString(), "--run", run.toString(), "--window", "2s", "--hop", "500ms",
                "--epochs", "1", "--trials", "2", "--seed", "5"};
        CommandLineTest.Result trials = CommandLineTest.ok(train);
        assertTrue(trials.output().contains("trial-01 of 2: training seed 5, random split seed 5"), trials.output());
        assertTrue(trials.output().contains("trial-02 of 2: training seed 6, random split seed 6"), trials.output());
        assertTrue(trials.output().contains("| median |"), trials.output());
        List<String> csv = Files.readAllLines(run.resolve("trials.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("1,5,5,") && csv.get(2).startsWith("2,6,6,"), String.join("\n", csv));
        assertTrue(Files.size(run.resolve("trials.png")) > 1000);

        CommandLineTest.Result again = CommandLineTest.ok(train);
        assertTrue(again.output().contains("trial-01 (seed 5): finished earlier, skipped")
                && again.output().contains("trial-02 (seed 6): finished earlier, skipped"), again.output());
        assertEquals(csv, Files.readAllLines(run.resolve("trials.csv")));

        Path other = tmp.resolve("other");
        TestMidi.melody(other.resolve("Basso/new.mid"), 38, 12, 32);
        TestMidi.melody(other.resolve("Soprano/new.mid"), 74, 12, 73);
        TestMidi.melody(other.resolve("Alto/new.mid"), 55, 12, 71);
        Path blindWs = tmp.resolve("blind");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", other.toString(), "-w", blindWs.toString()).code());
        Path trial = run.resolve("trial-01");

        // the trial records its workspace: evaluate RUN needs nothing else; -w and --on together are refused
        CommandLineTest.Result own = CommandLineTest.ok("evaluate", trial.toString());
        assertTrue(own.output().contains("| piece accuracy |"), own.output());
        CommandLineTest.Result both = CommandLineTest.cadenza("evaluate", trial.toString(), "-w", ws.toString(),
                "--on", blindWs.toString());
        assertEquals(ExitCode.USAGE, both.code(), both.output());

        CommandLineTest.Result notFeaturised = CommandLineTest.cadenza("evaluate", trial.toString(), "--on",
                blindWs.toString());
        assertEquals(ExitCode.ERROR, notFeaturised.code(), notFeaturised.output());
        assertTrue(notFeaturised.output().contains("cadenza features " + blindWs), notFeaturised.output());

        assertEquals(ExitCode.OK, CommandLineTest.cadenza("render", blindWs.toString()).code());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("features", blindWs.toString(), "--window", "2s").code());
        CommandLineTest.Result blind = CommandLineTest.ok("evaluate", trial.toString(), "--on", blindWs.toString());
        assertTrue(blind.output().contains(": 2 files, 2 pieces,"), blind.output());
        assertTrue(blind.output().contains("1 files of composers the model never saw: alto 1"), blind.output());
        assertTrue(blind.output().contains("| piece accuracy |"), blind.output());
        assertTrue(Files.isRegularFile(trial.resolve("blind-blind/report.html")), blind.output());
        assertTrue(Files.isRegularFile(trial.resolve("blind-blind/blind-files.csv")), blind.output());
    }
}
