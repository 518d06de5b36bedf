package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes that read notes, end to end on real files and with no rendering at all: the score MIDIs of the first 12
 * pieces of Bach and of Chopin in asap, ingested only; {@code train --input notes}, {@code --input pianoroll} and
 * {@code --input fusion}, each evaluated on its held-out pieces (which must beat the most-frequent baseline) and
 * used by {@code predict}; a recording given to a notes run is refused by name.
 */
class RoutesOnRealDataTest {

    private static final Pattern PIECE_ROW = Pattern.compile(
            "\\| piece accuracy \\| ([0-9.]+) % \\([0-9]+/[0-9]+\\) \\| ([0-9.]+) % \\|");

    @Test
    void notesPianoRollAndFusionTrainEvaluateAndPredict(@TempDir Path tmp) throws Exception {
        Path ws = TestCorpus.ingestedAsapScores(tmp, List.of("bach", "chopin"), 12);

        Path notes = tmp.resolve("notes");
        CommandLineTest.Result train = CommandLineTest.ok("train", ws.toString(), "--run", notes.toString(),
                "--input", "notes", "--classifier", "logistic", "--note-window", "20s/10s");
        assertTrue(train.output().contains("notes route: 2 classes"), train.output());
        beatsMostFrequent(notes, ws);

        Path pca = tmp.resolve("notes-pca");
        train = CommandLineTest.ok("train", ws.toString(), "--run", pca.toString(), "--input", "notes",
                "--classifier", "sgd-modified-huber", "--pca", "0.75", "--balance", "oversample");
        assertTrue(train.output().contains("components keep 75 % of the variance"), train.output());
        assertTrue(Files.size(pca.resolve("pca.png")) > 1000, "the explained-variance plot is missing");

        Path chunked = tmp.resolve("notes-chunked");
        train = CommandLineTest.ok("train", ws.toString(), "--run", chunked.toString(), "--input", "notes",
                "--classifier", "sgd-log", "--note-window", "20s/10s", "--chunk-files", "8");
        beatsMostFrequent(chunked, ws);
        CommandLineTest.Result tooSmall = CommandLineTest.cadenza("train", ws.toString(), "--run",
                tmp.resolve("chunks-too-small").toString(), "--input", "notes", "--chunk-files", "1");
        assertEquals(ExitCode.ERROR, tooSmall.code(), tooSmall.output());
        assertTrue(tooSmall.output().contains("every chunk needs every class"), tooSmall.output());

        Path roll = tmp.resolve("roll");
        train = CommandLineTest.ok("train", ws.toString(), "--run", roll.toString(), "--input", "pianoroll",
                "--model", "small", "--epochs", "4", "--window", "5s", "--hop", "2.5s", "--first-seconds", "60");
        assertTrue(Files.isRegularFile(roll.resolve("model/model.json")), train.output());

        Path fusion = tmp.resolve("fusion");
        train = CommandLineTest.ok("train", ws.toString(), "--run", fusion.toString(), "--input", "fusion",
                "--fuse", "notes", "--note-window", "20s/10s", "--members", roll.toString());
        assertTrue(train.output().contains("late fusion: "), train.output());
        beatsMostFrequent(fusion, ws);

        String first = Files.readAllLines(tmp.resolve("labels.csv")).get(1).split(",")[0];
        Path file = TestCorpus.asap().orElseThrow().resolve(first);
        for (Path run : List.of(notes, roll, fusion)) {
            CommandLineTest.Result predict = CommandLineTest.ok("predict", run.toString(), file.toString());
            assertTrue(predict.output().contains("bach") && predict.output().contains("chopin"), predict.output());
        }
        Path compare = tmp.resolve("compare");
        CommandLineTest.Result table = CommandLineTest.ok("compare", ws.toString(), "--out", compare.toString(),
                "--classifiers", "sgd-log,knn", "--no-pianoroll", "--note-window", "20s/10s", "--audio",
                "roll=" + roll);
        String md = Files.readString(compare.resolve("comparison.md"));
        for (String row : List.of("| sgd-log on 20s/10s note windows | notes |", "| knn on 20s/10s note windows |",
                "| late fusion of ", "| dummy: most frequent")) {
            assertTrue(md.contains(row), row + " missing from\n" + md);
        }
        assertEquals(5, Files.readAllLines(compare.resolve("comparison.csv")).size(), md); // header + 4 rows
        CommandLineTest.Result again = CommandLineTest.ok("compare", ws.toString(), "--out", compare.toString(),
                "--classifiers", "sgd-log,knn", "--no-pianoroll", "--note-window", "20s/10s", "--audio",
                "roll=" + roll);
        assertEquals(md, Files.readString(compare.resolve("comparison.md")), "a rerun keeps the finished rows");

        Path wav = tmp.resolve("recording.wav");
        Files.write(wav, new byte[] {'R', 'I', 'F', 'F'});
        CommandLineTest.Result refused = CommandLineTest.cadenza("predict", notes.toString(), wav.toString());
        assertEquals(ExitCode.BAD_INPUT, refused.code(), refused.output());
        assertTrue(refused.output().contains("recording.wav") && refused.output().contains("not a MIDI file"),
                refused.output());
    }

    private static void beatsMostFrequent(Path run, Path ws) {
        CommandLineTest.Result evaluate = CommandLineTest.ok("evaluate", run.toString(), "-w", ws.toString());
        Matcher m = PIECE_ROW.matcher(evaluate.output());
        assertTrue(m.find(), evaluate.output());
        double model = Double.parseDouble(m.group(1));
        double mostFrequent = Double.parseDouble(m.group(2));
        System.out.printf("%s: held-out piece accuracy %.1f %% vs most frequent %.1f %%%n", run.getFileName(), model,
                mostFrequent);
        assertTrue(model > mostFrequent, run + ": piece accuracy " + model + " % does not beat the most-frequent "
                + mostFrequent + " %\n" + evaluate.output());
    }
}
