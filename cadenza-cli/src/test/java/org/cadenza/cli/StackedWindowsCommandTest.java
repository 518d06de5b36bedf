package org.cadenza.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --stack 2} (seed 002's multi-window input) on a small separable corpus: the model takes two
 * consecutive windows as channels, and predict, evaluate on the test split and blind evaluation stack the same way.
 */
class StackedWindowsCommandTest {

    @Test
    void trainsOnStackedWindowsAndPredictsAndEvaluatesWithThem(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.featurisedBassAndSoprano(tmp, 6, 24);

        Path run = tmp.resolve("run");
        CommandLineTest.Result train = CommandLineTest.ok("train", ws.toString(), "--run", run.toString(),
                "--window", "2s", "--hop", "500ms", "--stack", "2", "--epochs", "12", "--model", "small");
        JsonNode model = new ObjectMapper().readTree(run.resolve("model/model.json").toFile());
        assertEquals(2, model.get("inputShape").get(0).asInt(), model.toString());
        assertEquals(2, new ObjectMapper().readTree(run.resolve("run.json").toFile()).get("pipeline").get("stack")
                .asInt());

        // 20 half-second notes: 10 s, about seventeen 2-s windows 0.5 s apart, one stacked input fewer
        Path low = TestMidi.melody(tmp.resolve("new/low.mid"), 40, 20, 32);
        CommandLineTest.Result predict = CommandLineTest.ok("predict", run.toString(), low.toString(),
                "--top", "1", "--windows");
        String[] lines = predict.output().split("\n");
        String top = List.of(lines).stream().filter(l -> l.contains("basso") || l.contains("soprano")).findFirst()
                .orElse("");
        assertTrue(top.contains("basso"), predict.output());
        // the timeline: one "start- end s  class" row per stacked input
        long inputRows = List.of(lines).stream().filter(l -> l.matches("\\s+\\d+\\.\\d-\\s*\\d+\\.\\d s\\s+.*")).count();
        assertTrue(inputRows >= 15 && inputRows <= 18, "one row per stacked input: " + predict.output());

        // a file shorter than two windows is refused, naming the length it needs
        Path shortFile = TestMidi.melody(tmp.resolve("new/short.mid"), 40, 4, 32);
        CommandLineTest.Result tooShort = CommandLineTest.cadenza("predict", run.toString(), shortFile.toString());
        assertNotEquals(ExitCode.OK, tooShort.code(), tooShort.output());
        assertTrue(tooShort.output().contains("short.mid") && tooShort.output().contains("2.5 s"),
                tooShort.output());

        CommandLineTest.Result evaluate = CommandLineTest.ok("evaluate", run.toString(), "-w", ws.toString());
        String report = Files.readString(run.resolve("report/report.md"));
        assertTrue(report.contains("2 consecutive windows"), report);
        // the test split's windows become stacked inputs: one fewer per file than windows
        long testWindows = Files.readAllLines(run.resolve("test-windows.csv")).size() - 1;
        long predicted = Files.readAllLines(run.resolve("report/predictions-windows.csv")).size() - 1;
        long testFiles = Files.readAllLines(run.resolve("test-windows.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).distinct().count();
        assertEquals(testWindows - testFiles, predicted, "inputs = windows - (stack - 1) per file");

        Path blind = tmp.resolve("blind");
        CommandLineTest.Result onOther = CommandLineTest.ok("evaluate", run.toString(), "--on", ws.toString(),
                "--out", blind.toString());
        assertTrue(Files.isRegularFile(blind.resolve("report.md")), onOther.output());
    }
}
