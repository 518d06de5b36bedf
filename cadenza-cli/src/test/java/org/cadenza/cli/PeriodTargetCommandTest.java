package org.cadenza.cli;

import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --target period --periods my.csv}: the user's table decides the classes. */
class PeriodTargetCommandTest {

    @Test
    void aUserPeriodTableOverridesTheBuiltInOne(@TempDir Path tmp) throws Exception {
        Path music = tmp.resolve("music");
        for (int i = 0; i < 4; i++) {
            TestMidi.melody(music.resolve("Bach/piece" + i + ".mid"), 40 + i, 12, 19);
            TestMidi.melody(music.resolve("Chopin/piece" + i + ".mid"), 72 + i, 12, 0);
            TestMidi.melody(music.resolve("Liszt/piece" + i + ".mid"), 60 + i, 12, 0);
        }
        Path ws = TestCorpus.featurised(music, tmp.resolve("ws"), "2s");

        Path builtIn = tmp.resolve("built-in");
        CommandLineTest.Result a = CommandLineTest.ok("train", ws.toString(), "--run", builtIn.toString(),
                "--window", "2s", "--epochs", "1", "--target", "period", "--optimizer", "sgd", "--lr", "0.05",
                "--weight-decay", "5e-4");
        String config = Files.readString(builtIn.resolve("config.json"));
        assertTrue(config.contains("\"optimizer\" : \"SGD\"") && config.contains("5.0E-4"), config);
        String classesA = counts(builtIn);
        assertTrue(classesA.contains("baroque") && classesA.contains("romantic"), classesA);

        Path csv = tmp.resolve("periods.csv");
        Files.writeString(csv, "composer,period\n# Liszt as a modernist, for the test\nLiszt,late-romantic\n");
        Path mine = tmp.resolve("mine");
        CommandLineTest.Result b = CommandLineTest.ok("train", ws.toString(), "--run", mine.toString(),
                "--window", "2s", "--epochs", "1", "--target", "period", "--periods", csv.toString());
        String classesB = counts(mine);
        assertTrue(classesB.contains("late-romantic") && classesB.contains("baroque") && classesB.contains("romantic"),
                classesB);
        assertFalse(classesA.contains("late-romantic"), classesA);
        assertTrue(manifest(builtIn).get("dataset").path("periods").isMissingNode(), "the built-in table is not copied");
        assertEquals("late-romantic", manifest(mine).get("dataset").get("periods").get("liszt").asText(),
                "the run keeps its own table, so its classes can be rebuilt (blind evaluation)");
        Path blind = tmp.resolve("blind");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("evaluate", mine.toString(), "--on", ws.toString(),
                "--out", blind.toString()).code());
        assertTrue(Files.readString(blind.resolve("report.md")).contains("late-romantic"),
                "blind evaluation rebuilds the run's own classes");
    }

    private static com.fasterxml.jackson.databind.JsonNode manifest(Path run) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("run.json").toFile());
    }

    /** The labels of the run's training counts, as text. */
    private static String counts(Path run) throws java.io.IOException {
        return manifest(run).get("counts").findValuesAsText("label").toString();
    }
}
