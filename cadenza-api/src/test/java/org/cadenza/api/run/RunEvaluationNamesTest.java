package org.cadenza.api.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.jobs.WindowIndex;
import org.cadenza.eval.ReportFiles;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audio evaluation report names the test files by their catalog path, not by feature-cache keys. */
class RunEvaluationNamesTest {

    private static List<CSVRecord> rows(Path csv) throws Exception {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    /** Every name in the report's window and top-loss tables is a catalog path, and the Markdown shows no cache path. */
    private static void assertNamedByCatalog(ReportFiles files, Set<String> catalog) throws Exception {
        Path dir = files.markdown().getParent();
        List<CSVRecord> windows = rows(dir.resolve("predictions-windows.csv"));
        assertFalse(windows.isEmpty());
        for (CSVRecord r : windows) {
            assertTrue(catalog.contains(r.get("file")), r.get("file") + " is not a catalog path " + catalog);
        }
        for (CSVRecord r : rows(dir.resolve("top-losses.csv"))) {
            assertTrue(catalog.contains(r.get("file")), r.get("file"));
        }
        String md = Files.readString(files.markdown());
        assertFalse(md.contains("features/") || md.contains(".npy") || md.contains(".f32"), md);
        assertTrue(catalog.stream().anyMatch(md::contains), "the top losses name the files: " + md);
    }

    @Test
    void theReportNamesTheTestFilesByTheirCatalogPathAlsoForOlderRuns(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        try (Workspace ws = SyntheticCorpus.trainingCorpus(tmp, tmp.resolve("ws"))) {
            SyntheticCorpus.trainSmall(ws, 1, run);
            Set<String> catalog = ws.catalog().files().stream().map(CatalogFile::displayPath)
                    .collect(Collectors.toSet());
            Path testWindows = run.resolve(WorkspaceTraining.TEST_WINDOWS);
            List<CSVRecord> written = rows(testWindows);
            for (CSVRecord r : written) {
                assertTrue(catalog.contains(r.get("file")), r.get("file"));
                assertEquals(r.get("file"), ws.catalog().findById(Long.parseLong(r.get("file_id"))).orElseThrow()
                        .displayPath());
            }
            assertNamedByCatalog(RunEvaluation.evaluate(ws, run, tmp.resolve("report")), catalog);

            // a run folder written before test-windows.csv had file_id named each window by its cached spectrogram
            Map<String, String> featurePath = new HashMap<>();
            for (WindowIndex.WindowRef ref : WindowIndex.list(ws, SyntheticCorpus.PIPELINE.features(),
                    SyntheticCorpus.PIPELINE.render(), SyntheticCorpus.PIPELINE.window())) {
                featurePath.put(ref.contentHash(), ref.featurePath());
            }
            List<List<String>> old = new ArrayList<>();
            for (CSVRecord r : written) {
                old.add(List.of(r.get("content_hash"), r.get("start_frame"), r.get("label"), r.get("piece_id"),
                        featurePath.get(r.get("content_hash"))));
            }
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(testWindows, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("content_hash", "start_frame", "label", "piece_id", "file")
                            .build())) {
                for (List<String> row : old) {
                    out.printRecord(row);
                }
            }
            assertFalse(catalog.contains(old.get(0).get(4)), "the old column held cache paths: " + old.get(0));
            assertNamedByCatalog(RunEvaluation.evaluate(ws, run, tmp.resolve("report-old")), catalog);
        }
    }
}
