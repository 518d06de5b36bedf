package org.cadenza.corpus.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.RealData;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ingests ten real files from $CADENZA_DATA through a labels CSV written to a temp folder; renders two. */
class RealDataIngestTest {

    @Test
    void ingestsARealSubsetThroughALabelsCsv(@TempDir Path tmp) throws Exception {
        Path pmd = RealData.require("the real-data ingest test", "piano-midi-de");
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(pmd.resolve("labels.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            rows = p.getRecords();
        }
        List<CSVRecord> chosen = new ArrayList<>(rows.stream()
                .filter(r -> r.get("work_id").equals("chopin/Preludes_Opus_28")).limit(3).toList());
        for (String composer : List.of("albeniz", "bach", "beethoven", "debussy", "grieg", "haydn", "mozart")) {
            rows.stream().filter(r -> r.get("composer").equals(composer)).findFirst().ifPresent(chosen::add);
        }
        assertEquals(10, chosen.size());
        Path csv = tmp.resolve("subset/labels.csv");
        Files.createDirectories(csv.getParent());
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            out.printRecord("path", "composer", "piece_id", "work_id", "title");
            for (CSVRecord r : chosen) {
                out.printRecord(pmd.resolve(r.get("path")).toString(), r.get("composer"), r.get("piece_id"),
                        r.get("work_id"), r.get("title"));
            }
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestReport report = new Ingestor().ingest(ws, csv, IngestOptions.DEFAULTS, ProgressListener.NONE);
            assertEquals(10, report.ingested(), report.toText());
            assertTrue(report.quarantined().isEmpty() && report.missing().isEmpty(), report.toText());
            List<CatalogFile> files = ws.catalog().files(FileStatus.INGESTED);
            Map<String, Long> perPiece = files.stream()
                    .collect(Collectors.groupingBy(CatalogFile::pieceId, Collectors.counting()));
            assertEquals(3L, perPiece.get("chopin/Preludes_Opus_28"), "work_id keeps the preludes together");
            for (CatalogFile f : files) {
                CSVRecord label = chosen.stream()
                        .filter(r -> pmd.resolve(r.get("path")).toString().equals(f.sourcePath()))
                        .findFirst().orElseThrow();
                assertEquals(label.get("composer"), f.composerId(), "dataset ids are fixed points of ComposerNames");
                // the dataset's length_s (mido) runs to the end of the track (mz_311_1: 700 s to the end, 260 s
                // to the last note-off), MidiInspector to the last note-off
                double listed = Double.parseDouble(label.get("length_s"));
                double seconds = f.seconds().orElseThrow();
                assertTrue(seconds <= listed + 0.5 && seconds > 10,
                        f.displayPath() + ": " + seconds + " s, labels say " + listed + " s");
                assertEquals(Long.parseLong(label.get("n_notes")), f.notes().orElseThrow(), f.displayPath());
            }
            assertTrue(ws.status().toText().contains("chopin"));

            // render and featurise the two shortest ones (other files already done would be skipped)
            List<CatalogFile> shortest = files.stream()
                    .sorted(Comparator.comparingDouble(f -> f.seconds().orElseThrow())).limit(2).toList();
            Path csv2 = tmp.resolve("two/labels.csv");
            Files.createDirectories(csv2.getParent());
            Files.writeString(csv2, "path,composer,piece_id\n" + shortest.stream()
                    .map(f -> f.sourcePath() + "," + f.composerId() + "," + f.pieceId())
                    .collect(Collectors.joining("\n")) + "\n");
            try (Workspace small = Workspace.open(tmp.resolve("ws2"))) {
                new Ingestor().ingest(small, csv2, IngestOptions.DEFAULTS, ProgressListener.NONE);
                RenderSettings settings = RenderSettings.builder()
                        .optSoundfont(Soundbanks.installed(Soundbanks.TIMGM6MB))
                        .build();
                long t0 = System.nanoTime();
                JobReport render = new RenderJob().run(small, settings, 2, ProgressListener.NONE);
                double renderSeconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(2, render.done(), render.problems().toString());
                JobReport features = new FeatureJob().run(small, FeatureParams.defaults(), settings, 2,
                        ProgressListener.NONE);
                assertEquals(2, features.done(), features.problems().toString());
                double music = shortest.stream().mapToDouble(f -> f.seconds().orElseThrow()).sum();
                System.out.printf(java.util.Locale.ROOT, "rendered %.1f s of music in %.2f s (%.0fx real time)%n",
                        music, renderSeconds, music / renderSeconds);
                assertTrue(WindowIndex.list(small, FeatureParams.defaults(), settings, WindowSpec.of(5.0)).size()
                        >= (int) (music / 5.0) - 2);
            }
        }
    }
}
