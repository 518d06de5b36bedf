package org.cadenza.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.io.midi.TestMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --ensemble 2 --transpose 1 --tempo 1.25} on a small separable corpus: the augmented copies of the
 * training files are rendered and used, two networks are trained and bundled, and predict uses both.
 */
class EnsembleAugmentCommandTest {

    @Test
    void trainsAnAugmentedEnsembleAndPredictsWithIt(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.featurisedBassAndSoprano(tmp, 5, 16);

        Path run = tmp.resolve("run");
        String[] args = {"train", ws.toString(), "--run", run.toString(), "--window", "2s", "--hop", "1s",
            "--epochs", "4", "--ensemble", "2", "--transpose", "1", "--tempo", "1.25", "--first-seconds", "6"};
        CommandLineTest.Result train = CommandLineTest.ok(args);
        String dataset = Files.readString(run.resolve("dataset.txt"));
        // 5 pieces per class split 70/10/20 by piece: 3 training pieces each, every one copied twice
        assertTrue(dataset.contains("augmented transpose=+1,tempo=1.0: 6 of 6 training files"), dataset);
        assertTrue(dataset.contains("augmented transpose=+0,tempo=1.25: 6 of 6 training files"), dataset);
        assertTrue(Files.isRegularFile(run.resolve("member-2/history.csv")), train.output());
        assertTrue(Files.isRegularFile(run.resolve("model/weights-2.params")), train.output());
        JsonNode contract = new ObjectMapper().readTree(run.resolve("model/model.json").toFile());
        assertEquals(2, contract.get("members").asInt());
        assertEquals(43, new ObjectMapper().readTree(run.resolve("member-2/config.json").toFile()).get("seed").asLong());

        Path low = TestMidi.melody(tmp.resolve("new/low.mid"), 40, 16, 32);
        CommandLineTest.Result predict = CommandLineTest.ok("predict", run.toString(), low.toString(),
                "--top", "1");
        assertTrue(predict.output().contains("basso"), predict.output());

        CommandLineTest.Result again = CommandLineTest.cadenza(args);
        assertEquals(ExitCode.OK, again.code(), "a finished ensemble is not trained again: " + again.output());
    }
}
