package org.cadenza.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The demo end to end on a small real subset of the datasets in CADENZA_DATA, then rerun: nothing redone. */
class DemoOnRealDataTest {

    @Test
    void demoOnTwoComposersThenRerunSkipsEverything(@TempDir Path tmp) {
        String data = System.getenv("CADENZA_DATA");
        assumeTrue(data != null && Files.isDirectory(Path.of(data)),
                "CADENZA_DATA is not set: the real-data demo test needs the datasets folder");
        Path ws = tmp.resolve("ws");
        Path models = tmp.resolve("models");
        String[] args = {"demo", "--workspace", ws.toString(), "--data", data, "--composers", "bach,chopin",
                "--pieces", "1", "--window", "3s", "--models", models.toString()};

        CommandLineTest.Result first = CommandLineTest.ok(args);
        // one piece per composer from each of the three datasets
        assertTrue(first.output().contains("(6 files chosen)"), first.output());
        assertTrue(first.output().contains("render: 6 done, 0 skipped, 0 failed"), first.output());
        assertTrue(first.output().contains("features: 6 done, 0 skipped, 0 failed"), first.output());
        assertTrue(Files.isRegularFile(ws.resolve("pictures/bach.png")));
        assertTrue(Files.isRegularFile(ws.resolve("pictures/chopin.png")));
        assertTrue(first.output().contains("quarantine: empty"), first.output());
        // then a classifier: trained, evaluated (report), and asked about the held-out test pieces
        assertTrue(Files.isRegularFile(ws.resolve("runs/demo-small/model/model.json")), first.output());
        assertTrue(Files.isRegularFile(ws.resolve("runs/demo-small/report/report.html")), first.output());
        assertTrue(first.output().contains("predictions for the held-out test pieces:"), first.output());
        assertTrue(first.output().contains(" true bach ") && first.output().contains(" true chopin "), first.output());
        // and last, cadenza who on a piece the default models never trained on
        assertTrue(first.output().contains("$ cadenza who "), first.output());
        assertTrue(first.output().contains("open set  "), first.output());
        assertTrue(org.cadenza.api.DefaultModels.at(models).allTrained());

        CommandLineTest.Result again = CommandLineTest.ok(args);
        assertTrue(again.output().contains("ingest: 0 ingested, 6 already catalogued"), again.output());
        assertTrue(again.output().contains("render: 0 done, 6 skipped, 0 failed"), again.output());
        assertTrue(again.output().contains("features: 0 done, 6 skipped, 0 failed"), again.output());
    }
}
