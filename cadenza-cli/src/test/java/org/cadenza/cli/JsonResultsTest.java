package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} of the commands that train or identify (train, embed, identify, compare): stdout is one JSON
 * document holding the figures the text prints. On the bass-and-soprano corpus, read as notes (nothing rendered).
 */
class JsonResultsTest {

    @TempDir
    static Path tmp;
    static Path ws;

    @BeforeAll
    static void ingest() throws Exception {
        Path music = TestCorpus.bassAndSoprano(tmp.resolve("music"), 6, 24);
        ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());
    }

    /** Runs the command and reads its whole stdout as one JSON document (progress goes to stderr). */
    static JsonNode json(int expectedCode, String... args) throws Exception {
        CommandLineTest.Result r = CommandLineTest.cadenza(args);
        assertEquals(expectedCode, r.code(), r.output());
        String out = r.stdout();
        return new ObjectMapper().readTree(out);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void trainNotesPrintsTheRunTheClassesAndTheirTrainingPieces() throws Exception {
        Path run = tmp.resolve("notes");
        JsonNode j = json(ExitCode.OK, "train", "-w", ws.toString(), "--input", "notes", "--note-window", "4s/2s",
                "--run", run.toString(), "--json");
        assertEquals(run.toString(), j.get("run").asText());
        assertEquals("notes", j.get("route").asText());
        assertEquals("composer", j.get("target").asText());
        assertEquals(List.of("basso", "soprano"), texts(j.get("classes")));
        for (String c : List.of("basso", "soprano")) {
            JsonNode perClass = j.get("trainingPerClass").get(c);
            assertTrue(perClass.get("pieces").asInt() >= 3 && perClass.get("pieces").asInt() <= 5, j.toString());
            assertTrue(perClass.get("windows").asInt() >= perClass.get("pieces").asInt(), j.toString());
        }
        assertTrue(j.get("trainingSeconds").asDouble() >= 0, j.toString());
        assertEquals(0, j.get("leftOut").size(), j.toString());
    }

    @Test
    void embedThenIdentifyPrintTheAnchorsTheThresholdAndEachVerdict() throws Exception {
        Path run = tmp.resolve("emb");
        JsonNode e = json(ExitCode.OK, "embed", "-w", ws.toString(), "--run", run.toString(), "--note-window", "4s/2s",
                "--epochs", "2", "--composers-per-batch", "2", "--windows-per-composer", "4", "--dim", "8", "--json");
        assertEquals(run.toString(), e.get("run").asText());
        assertTrue(Files.isDirectory(Path.of(e.get("model").asText())), e.toString());
        assertEquals("triplet", e.get("objective").asText());
        assertEquals(2, e.get("anchors").get("composers").asInt());
        assertEquals(8, e.get("anchors").get("dimensions").asInt());
        assertEquals(Set.of("basso", "soprano"), Set.copyOf(texts(e.get("composers"))));
        assertEquals(0.05, e.get("threshold").get("falseAlarmRate").asDouble(), 1e-9);
        assertTrue(e.get("threshold").get("calibrationPieces").asInt() >= 2, e.toString());

        Path low = TestMidi.melody(tmp.resolve("new/low.mid"), 40, 20, 32);
        Path bad = Files.writeString(tmp.resolve("new/bad.mid"), "not MIDI");
        JsonNode i = json(ExitCode.PARTIAL, "identify", run.toString(), low.toString(), bad.toString(), "--top", "2",
                "--json");
        JsonNode file = i.get("files").get(0);
        assertEquals(1, i.get("files").size(), i.toString());
        assertEquals(low.toString(), file.get("file").asText());
        assertTrue(Set.of("KNOWN", "UNKNOWN").contains(file.get("verdict").asText()), i.toString());
        assertEquals(2, file.get("ranking").size(), i.toString());
        assertEquals(file.get("ranking").get(0).get("composer").asText(), file.get("nearest").get("composer").asText());
        assertEquals(e.get("threshold").get("threshold").asDouble(), i.get("threshold").get("threshold").asDouble(),
                1e-9);
        assertEquals(bad.toString(), i.get("skipped").get(0).get("file").asText());
    }

    @Test
    void compareIsTheTableRowsBesideTheDummy() throws Exception {
        Path out = tmp.resolve("compare");
        JsonNode j = json(ExitCode.OK, "compare", "-w", ws.toString(), "--out", out.toString(), "--note-window",
                "4s/2s", "--classifiers", "logistic,knn", "--no-pianoroll", "--no-fusion", "--json");
        assertEquals(out.resolve("comparison.csv").toString(), j.get("csv").asText());
        assertEquals(2, j.get("rows").size(), j.toString());
        for (JsonNode row : j.get("rows")) {
            assertEquals("notes", row.get("input").asText(), j.toString());
            double accuracy = row.get("pieceAccuracy").asDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, j.toString());
            assertTrue(row.get("testPieces").asInt() >= 2, j.toString());
        }
        String dummy = j.get("testDummy").get("byPieces").get("predictedClass").asText();
        assertTrue(Set.of("basso", "soprano").contains(dummy), j.toString());
    }
}
