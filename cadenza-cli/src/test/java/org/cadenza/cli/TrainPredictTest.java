package org.cadenza.cli;

import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Train, then predict, end to end through the command line on a corpus built here whose two "composers" differ
 * clearly (one writes in the bass, the other in the treble): the model must tell held-out pieces apart, which no
 * dummy baseline can (both classes are equally frequent).
 */
class TrainPredictTest {

    @Test
    void trainsOnASeparableCorpusAndPredictsUnseenPieces(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.featurisedBassAndSoprano(tmp, 6, 24);

        Path lr = tmp.resolve("lr");
        CommandLineTest.Result lrFind = CommandLineTest.ok("lr-find", ws.toString(), "--run", lr.toString(),
                "--window", "2s", "--hop", "500ms", "--steps", "12");
        assertTrue(lrFind.output().contains("suggested learning rate"), lrFind.output());
        assertTrue(Files.size(lr.resolve("lr-find.png")) > 1000, lrFind.output());

        Path run = tmp.resolve("run");
        CommandLineTest.Result train = CommandLineTest.ok("train", ws.toString(), "--run", run.toString(),
                "--window", "2s", "--hop", "500ms", "--epochs", "12", "--model", "small");
        assertTrue(Files.isRegularFile(run.resolve("model/model.json")), train.output());
        assertTrue(train.output().contains("basso") && train.output().contains("soprano"), train.output());

        Path low = TestMidi.melody(tmp.resolve("new/low.mid"), 40, 20, 32);
        Path high = TestMidi.melody(tmp.resolve("new/high.mid"), 76, 20, 73);
        CommandLineTest.Result predict = CommandLineTest.ok("predict", run.toString(), low.toString(),
                high.toString(), "--top", "1");
        String out = predict.output();
        int lowAt = out.indexOf("low.mid");
        int highAt = out.indexOf("high.mid");
        assertTrue(lowAt >= 0 && highAt > lowAt, out);
        assertTrue(out.substring(lowAt, highAt).contains("basso"), out);
        assertTrue(out.substring(highAt).contains("soprano"), out);

        // the run records its workspace: evaluate RUN finds it
        CommandLineTest.Result evaluate = CommandLineTest.ok("evaluate", run.toString());
        assertTrue(evaluate.output().contains("| piece accuracy |"), evaluate.output());
        assertTrue(Files.isRegularFile(run.resolve("report/report.html")), evaluate.output());
        assertTrue(Files.isRegularFile(run.resolve("report/confusion-piece.png")), evaluate.output());
        CommandLineTest.Result json = CommandLineTest.ok("evaluate", run.toString(), "--json");
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.output().substring(
                json.output().indexOf('{'))).size() > 0, json.output());

        CommandLineTest.Result again = CommandLineTest.cadenza("train", ws.toString(), "--run", run.toString(),
                "--window", "2s", "--hop", "500ms", "--epochs", "12", "--model", "small", "--json");
        assertEquals(ExitCode.OK, again.code(), "a finished run is not trained again: " + again.output());
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.stdout());
        assertEquals(run.toString(), doc.get("run").asText(), again.stdout());
        assertEquals("audio", doc.get("route").asText());
        assertEquals("[\"basso\",\"soprano\"]", doc.get("classes").toString());
        assertTrue(doc.get("windows").get("train").asInt() > doc.get("windows").get("test").asInt(), again.stdout());
        assertTrue(doc.get("bestEpoch").asInt() >= 1 && doc.get("bestEpoch").asInt() <= doc.get("epochs").asInt());
        assertTrue(doc.get("validationAccuracy").asDouble() > 0.5, again.stdout());
        assertEquals(run.resolve("model").toString(), doc.get("model").asText());
    }
}
