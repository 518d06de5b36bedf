package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cadenza models train | info | list | remove} and {@code cadenza who} on real ASAP scores. */
class WhoCommandTest {

    private static final List<String> COMPOSERS = List.of("bach", "beethoven", "chopin", "haydn", "liszt", "schubert");

    /** The ASAP subset with absolute paths, so that the labels file can live anywhere. */
    private static Optional<Path> labels(Path tmp) throws Exception {
        Optional<Path> relative = TestCorpus.asapScores(tmp.resolve("relative.csv"), COMPOSERS, 8);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        Path asap = TestCorpus.asap().orElseThrow().toAbsolutePath();
        List<String> lines = Files.readAllLines(relative.get());
        StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            b.append(asap.resolve(line.substring(0, line.indexOf(',')))).append(line.substring(line.indexOf(',')))
                    .append('\n');
        }
        return Optional.of(Files.writeString(tmp.resolve("labels.csv"), b));
    }

    @Test
    void trainTheDefaultsThenAskWhoWroteAHeldOutPiece(@TempDir Path tmp) throws Exception {
        Optional<Path> labels = labels(tmp);
        assumeTrue(labels.isPresent(), "CADENZA_DATA is not set (or lacks asap/)");
        Path models = tmp.resolve("models");

        CommandLineTest.Result train = CommandLineTest.ok("models", "train", "--data", labels.get().toString(),
                "--models", models.toString(), "--threads", "2");
        assertTrue(train.output().contains("test piece accuracy"), train.output());

        CommandLineTest.Result info = CommandLineTest.ok("models", "info", "--models", models.toString(), "--json");
        JsonNode infos = new ObjectMapper().readTree(info.output().substring(info.output().indexOf('[')));
        assertEquals(3, infos.size());
        assertEquals(COMPOSERS.size(), infos.get(0).path("classes").size());

        Path piece = org.cadenza.api.DefaultModels.at(models).heldOutPieces().get(0).file();
        CommandLineTest.Result who = CommandLineTest.ok("who", piece.toString(), "--models", models.toString(),
                "--json", "--explain");
        JsonNode a = new ObjectMapper().readTree(who.output().substring(who.output().indexOf('{')));
        assertEquals("cadenza-analysis/1", a.path("schema").asText());
        assertTrue(COMPOSERS.contains(a.path("composers").get(0).path("name").asText()), who.output());
        assertTrue(a.path("openSet").path("verdict").isTextual());
        assertTrue(a.path("explanation").path("timeline").size() >= 1);

        CommandLineTest.Result text = CommandLineTest.ok("who", piece.toString(), "--models", models.toString());
        assertTrue(text.output().contains("composer") && text.output().contains("period")
                && text.output().contains("open set"), text.output());
        assertFalse(text.output().contains("{"), "no raw maps or JSON in the text: " + text.output());

        // scores too: a kern and a MusicXML file answer like a MIDI file, through the same models
        Path krn = org.cadenza.io.score.TestScores.kern(tmp.resolve("scale.krn"), "Chopin");
        Path xml = org.cadenza.io.score.TestScores.musicXml(tmp.resolve("scale.musicxml"), "Clara Schumann");
        CommandLineTest.Result scores = CommandLineTest.ok("who", krn.toString(), xml.toString(), "--models",
                models.toString(), "--json");
        String out = scores.output();
        for (Path score : List.of(krn, xml)) {
            int at = out.indexOf("\"" + score + "\"");
            assertTrue(at >= 0, out);
        }
        assertTrue(out.split("cadenza-analysis/1", -1).length == 3, "two analyses: " + out);

        Path bad = Files.writeString(tmp.resolve("bad.mid"), "not MIDI");
        CommandLineTest.Result refused = CommandLineTest.cadenza("who", bad.toString(), "--models", models.toString());
        assertEquals(ExitCode.BAD_INPUT, refused.code(), refused.output());
        assertTrue(refused.output().contains(bad.toString()), refused.output());

        CommandLineTest.Result both = CommandLineTest.cadenza("who", bad.toString(), piece.toString(), "--models",
                models.toString());
        assertEquals(ExitCode.PARTIAL, both.code(), both.output());

        CommandLineTest.Result remove = CommandLineTest.ok("models", "remove", "period", "--models",
                models.toString());
        CommandLineTest.Result list = CommandLineTest.cadenza("models", "list", "--models", models.toString());
        assertTrue(list.output().contains("period    not trained"), list.output());
    }

    @Test
    void removeNeedsModelsOrAll(@TempDir Path tmp) {
        CommandLineTest.Result r = CommandLineTest.cadenza("models", "remove", "--models", tmp.toString());
        assertEquals(ExitCode.USAGE, r.code(), r.output());
        assertTrue(r.output().contains("--all"), r.output());
    }

    @Test
    void predictWithoutARunSaysWhatToDo(@TempDir Path tmp) throws Exception {
        Path mid = TestMidi.melody(tmp.resolve("my.mid"), 60, 8, 0);
        CommandLineTest.Result r = CommandLineTest.cadenza("predict", mid.toString());
        assertEquals(ExitCode.USAGE, r.code(), r.output());
        assertTrue(r.output().contains("needs a run folder") && r.output().contains("cadenza who " + mid), r.output());
        CommandLineTest.Result missing = CommandLineTest.cadenza("predict", tmp.resolve("no-run").toString(),
                mid.toString());
        assertEquals(ExitCode.ERROR, missing.code(), missing.output());
        assertTrue(missing.output().contains("no run folder at") && missing.output().contains("cadenza who"),
                missing.output());
    }

    @Test
    void generateRefusesALengthOverAnHourAtOnce(@TempDir Path tmp) {
        CommandLineTest.Result r = CommandLineTest.cadenza("generate", "--composer", "chopin", "--length", "99999s",
                "--run", tmp.resolve("no-model").toString(), "--out", tmp.resolve("x.mid").toString());
        assertEquals(ExitCode.ERROR, r.code(), r.output());
        assertTrue(r.output().contains("at most 3600 s"), r.output());
    }
}
