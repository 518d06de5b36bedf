package org.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Embedding, identify, enrol and the leave-composers-out evaluation on real asap scores (six composers, eight pieces
 * each, a few epochs): every command runs end to end and says what it should.
 */
class OpenSetOnRealDataTest {

    private static final List<String> COMPOSERS = List.of("bach", "beethoven", "chopin", "haydn", "liszt",
            "schubert");

    @Test
    void embedIdentifyEnrolAndOpenSet(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.ingestedAsapScores(tmp, COMPOSERS, 8);

        Path emb = tmp.resolve("emb");
        CommandLineTest.Result embed = CommandLineTest.ok("embed", ws.toString(), "--run", emb.toString(),
                "--objective", "triplet", "--mining", "semi-hard", "--epochs", "3", "--note-window", "20s/10s");
        assertTrue(embed.output().contains("anchors: 6 composers"), embed.output());
        assertTrue(embed.output().contains("unknown-composer threshold"), embed.output());
        assertTrue(Files.exists(emb.resolve("model/threshold.json")));

        List<Path> chopin;
        try (Stream<Path> files = Files.walk(TestCorpus.asap().orElseThrow().resolve("chopin"))) {
            chopin = files.filter(p -> p.getFileName().toString().equals("midi_score.mid")).sorted().limit(3)
                    .toList();
        }
        CommandLineTest.Result one = CommandLineTest.ok("identify", emb.toString(), chopin.get(0).toString());
        assertTrue(one.output().contains("verdict: "), one.output());
        assertTrue(one.output().contains("nearest training piece"), one.output());
        CommandLineTest.Result many = CommandLineTest.ok("identify", emb.toString(), chopin.get(0).toString(),
                chopin.get(1).toString(), "--top", "2");
        assertTrue(many.output().contains("threshold "), many.output());
        assertTrue(many.output().matches("(?s).*(KNOWN|UNKNOWN).*"), many.output());

        Path notMidi = tmp.resolve("notes.txt");
        Files.writeString(notMidi, "not music");
        CommandLineTest.Result bad = CommandLineTest.cadenza("identify", emb.toString(), notMidi.toString());
        assertEquals(ExitCode.BAD_INPUT, bad.code(), bad.output());
        assertTrue(bad.output().contains("notes.txt"), bad.output());

        CommandLineTest.Result enrol = CommandLineTest.ok("enrol", emb.toString(), "--composer", "newcomer",
                chopin.get(0).toString(), chopin.get(1).toString());
        assertTrue(enrol.output().contains("enrolled newcomer from 2 piece(s)"), enrol.output());
        CommandLineTest.Result list = CommandLineTest.cadenza("enrol", emb.toString(), "--list");
        assertTrue(list.output().contains("enrolled: newcomer (2 files)"), list.output());
        CommandLineTest.Result withNew = CommandLineTest.cadenza("identify", emb.toString(), chopin.get(0).toString(),
                "--top", "7");
        assertTrue(withNew.output().contains("newcomer"), "an enrolled composer is ranked: " + withNew.output());
        CommandLineTest.Result trained = CommandLineTest.cadenza("enrol", emb.toString(), "--composer", "bach",
                chopin.get(2).toString());
        assertEquals(ExitCode.ERROR, trained.code(), trained.output());
        assertTrue(trained.output().contains("one of the composers this model was trained on"), trained.output());
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("enrol", emb.toString(), "--remove", "newcomer").code());

        Path map = tmp.resolve("map");
        CommandLineTest.Result drawn = CommandLineTest.ok("map", emb.toString(), "--out", map.toString());
        assertTrue(drawn.output().contains("composer map: 6 anchors"), drawn.output());
        for (String f : List.of("dendrogram.png", "pieces-pca.png", "pieces-tsne.png", "map.md", "map.json")) {
            assertTrue(Files.size(map.resolve(f)) > 500, f + " is missing or empty");
        }

        Path out = tmp.resolve("openset");
        CommandLineTest.Result os = CommandLineTest.ok("openset", ws.toString(), "--out", out.toString(),
                "--folds", "2", "--min-pieces", "4", "--epochs", "2", "--variants", "triplet-semi-hard,softmax",
                "--shots", "1", "--draws", "3", "--note-window", "20s/10s");
        String report = Files.readString(out.resolve("openset.md"));
        for (String row : List.of("| triplet-semi-hard | anchor-distance |", "| triplet-semi-hard | knn-distance |",
                "| softmax | max-softmax |", "| softmax | energy |", "| softmax | random score (baseline) |",
                "| triplet-semi-hard | 1 |")) {
            assertTrue(report.contains(row), "missing " + row + " in\n" + report);
        }
        assertEquals(1 + 2 * (4 + 6), Files.readAllLines(out.resolve("openset.csv")).size(),
                "2 folds x (4 rows for the triplet model + 6 for the softmax model)");
        assertTrue(report.contains("| triplet-semi-hard | all pieces |"), report);
        // rerunning reuses the trained models and gives the same table
        CommandLineTest.Result again = CommandLineTest.ok("openset", ws.toString(), "--out", out.toString(),
                "--folds", "2", "--min-pieces", "4", "--epochs", "2", "--variants", "triplet-semi-hard,softmax",
                "--shots", "1", "--draws", "3", "--note-window", "20s/10s");
        assertEquals(report, Files.readString(out.resolve("openset.md")));
    }
}
