package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train: a run folder is picked when none is given, options of other routes are refused, the ingest split is used. */
class TrainOptionsTest {

    @Test
    void withoutRunAFolderIsPickedAndPrintedAndOtherRoutesOptionsAreRefused(@TempDir Path tmp) throws Exception {
        Path music = TestCorpus.bassAndSoprano(tmp.resolve("music"), 5, 16);
        Path ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());

        CommandLineTest.Result refused = CommandLineTest.cadenza("train", ws.toString(), "--input", "notes",
                "--model", "resnet");
        assertEquals(ExitCode.USAGE, refused.code(), refused.output());
        assertTrue(refused.output().contains("--model does not apply to --input notes"), refused.output());

        CommandLineTest.Result picked = CommandLineTest.ok("train", ws.toString(), "--input", "notes",
                "--classifier", "knn");
        assertTrue(picked.output().contains("run folder: " + ws.resolve("runs").resolve("notes-composer-")),
                picked.output());
        try (Stream<Path> runs = Files.list(ws.resolve("runs"))) {
            List<Path> made = runs.toList();
            assertEquals(1, made.size());
            assertTrue(Files.isRegularFile(made.get(0).resolve("files.csv")));
        }
    }

    @Test
    void theSplitColumnGivenAtIngestIsUsed(@TempDir Path tmp) throws Exception {
        Path music = TestCorpus.bassAndSoprano(tmp.resolve("music"), 5, 16);
        StringBuilder csv = new StringBuilder("path,composer,piece_id,split\n");
        String[] splits = {"train", "train", "train", "val", "test"};
        for (String composer : List.of("Basso", "Soprano")) {
            for (int i = 0; i < 5; i++) {
                csv.append(composer).append("/piece").append(i).append(".mid,").append(composer).append(',')
                        .append(composer).append('-').append(i).append(',').append(splits[i]).append('\n');
            }
        }
        Path labels = Files.writeString(music.resolve("labels.csv"), csv);
        Path ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", labels.toString(), "-w", ws.toString()).code());
        Path run = tmp.resolve("run");
        CommandLineTest.Result r = CommandLineTest.ok("train", ws.toString(), "--run", run.toString(),
                "--input", "notes", "--classifier", "knn");
        assertTrue(r.output().contains("using the split column given at ingest (10 files)"), r.output());
        List<String> rows = Files.readAllLines(run.resolve("files.csv"));
        for (String row : rows.subList(1, rows.size())) {
            int piece = Integer.parseInt(row.split(",")[2].replaceAll(".*-", ""));
            assertTrue(row.startsWith(splits[piece] + ","), "piece " + piece + " should be " + splits[piece] + ": " + row);
        }
    }

    @Test
    void theWorkspaceIsGivenWithDashWEverywhereAndTheOlderFormStillReads(@TempDir Path tmp) throws Exception {
        Path music = TestCorpus.bassAndSoprano(tmp.resolve("music"), 2, 8);
        Path ws = tmp.resolve("ws");
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("ingest", music.toString(), "-w", ws.toString()).code());
        for (String command : List.of("status", "render", "features")) {
            CommandLineTest.Result r = CommandLineTest.cadenza(command, "-w", ws.toString());
            assertEquals(ExitCode.OK, r.code(), command + ": " + r.output());
        }
        assertEquals(ExitCode.OK, CommandLineTest.cadenza("status", ws.toString()).code(), "the older form");
        CommandLineTest.Result json = CommandLineTest.cadenza("status", "-w", ws.toString(), "--json");
        assertEquals(4, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.output()).path("total")
                .path("ingested").asInt(), json.output());
        CommandLineTest.Result none = CommandLineTest.cadenza("status");
        assertEquals(ExitCode.USAGE, none.code(), none.output());
        assertTrue(none.output().contains("which workspace? give it with -w DIR"), none.output());
        CommandLineTest.Result two = CommandLineTest.cadenza("status", "-w", ws.toString(), tmp.toString());
        assertEquals(ExitCode.USAGE, two.code(), two.output());
        assertTrue(two.output().contains("two workspaces given"), two.output());
    }
}
