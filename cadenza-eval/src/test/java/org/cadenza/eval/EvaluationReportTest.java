package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    private static WindowPrediction w(String file, String piece, int truth, double start, float... p) {
        return new WindowPrediction(file, piece, truth, start, p);
    }

    /**
     * Five pieces, nine windows:
     * B1 bach   [.8 .1 .1] [.6 .3 .1]  -> bach (both windows right)
     * B2 bach   [.3 .6 .1] [.7 .2 .1]  -> bach: (ln .3 + ln .7) / 2 = -0.78 > chopin (ln .6 + ln .2) / 2 = -1.06
     * C1 chopin [.2 .7 .1] [.1 .8 .1]  -> chopin
     * C2 chopin [.6 .3 .1] [.5 .4 .1]  -> bach (wrong, both windows wrong)
     * M1 mozart [.1 .2 .7]             -> mozart
     * piece accuracy 4/5; window accuracy 6/9.
     */
    static Predictions predictions() {
        return new Predictions(List.of("bach", "chopin", "mozart"), List.of(
                w("bach/b1.mid", "B1", 0, 0, 0.8f, 0.1f, 0.1f), w("bach/b1.mid", "B1", 0, 3, 0.6f, 0.3f, 0.1f),
                w("bach/b2.mid", "B2", 0, 0, 0.3f, 0.6f, 0.1f), w("bach/b2.mid", "B2", 0, 3, 0.7f, 0.2f, 0.1f),
                w("chopin/c1.mid", "C1", 1, 0, 0.2f, 0.7f, 0.1f), w("chopin/c1.mid", "C1", 1, 3, 0.1f, 0.8f, 0.1f),
                w("chopin/c2.mid", "C2", 1, 0, 0.6f, 0.3f, 0.1f), w("chopin/c2.mid", "C2", 1, 3, 0.5f, 0.4f, 0.1f),
                w("mozart/m1.mid", "M1", 2, 0, 0.1f, 0.2f, 0.7f)));
    }

    @Test
    void writesEveryFileWithFiguresBesideTheBaselines(@TempDir Path dir) throws Exception {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("model", "small CNN <test>");
        run.put("windows", "3 s, hop 3 s, first 180 s");
        EvaluationReport report = EvaluationReport.builder()
                .setPredictions(predictions())
                .setTrainingCounts(new long[] {50, 20, 100}, new long[] {10, 8, 2})
                .optTitle("Composer test")
                .optDescription(run)
                .optLearningCurves(LearningCurvesTest.writeHistory(dir))
                .optLrFinder(LearningCurvesTest.writeLrFind(dir))
                .optTopLosses(3)
                .optTrials(Map.of("piece accuracy", TrialSummary.of(0.8, 0.6, 0.7)))
                .build();
        assertEquals(0.8, report.report(Level.PIECE).accuracy(), 1e-12);
        assertEquals(6.0 / 9, report.report(Level.WINDOW).accuracy(), 1e-12);
        // the same dummies at both levels, from 10/8/2 training pieces and 50/20/100 training windows:
        // always bach (most pieces): 2/5 pieces, 4/9 windows; always mozart (most windows): 1/5 pieces, 1/9 windows;
        // stratified with the pieces' prior .5/.4/.1: (10*2 + 8*2 + 2*1) / (20*5) = 0.38 of the pieces,
        // (10*4 + 8*4 + 2*1) / (20*9) = 74/180 of the windows
        assertEquals(0.4, report.baselines(Level.PIECE).byPieces().accuracy(), 1e-12);
        assertEquals(0.2, report.baselines(Level.PIECE).byWindows().accuracy(), 1e-12);
        assertEquals(0.38, report.baselines(Level.PIECE).stratifiedAccuracy(), 1e-12);
        assertEquals(4.0 / 9, report.baselines(Level.WINDOW).byPieces().accuracy(), 1e-12);
        assertEquals(1.0 / 9, report.baselines(Level.WINDOW).byWindows().accuracy(), 1e-12);
        assertEquals(74.0 / 180, report.baselines(Level.WINDOW).stratifiedAccuracy(), 1e-12);
        // highest loss: p(true) = 0.3 twice (b2 @0 and c2 @0, by file name), then c2 @3 with 0.4
        assertEquals(List.of("bach/b2.mid", "chopin/c2.mid", "chopin/c2.mid"),
                report.topLosses().stream().map(TopLoss::file).toList());
        assertEquals(List.of(new ConfusedPair("chopin", "bach", 1)), report.mostConfused(Level.PIECE));

        Path out = dir.resolve("report");
        ReportFiles files = report.write(out);
        for (Path p : files.all()) {
            assertTrue(Files.size(p) > 0, p + " is empty");
        }
        for (String name : List.of("report.md", "report.html", "metrics.json", "predictions-windows.csv",
                "predictions-pieces.csv", "per-class-piece.csv", "per-class-window.csv", "confusion-piece.csv",
                "confusion-window.csv", "confusion-piece-normalised.csv", "most-confused-piece.csv", "top-losses.csv",
                "learning-curves.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        for (String png : List.of("confusion-piece.png", "confusion-window.png", "learning-curves.png", "lr-find.png")) {
            Pictures.assertValidNonBlankPng(out.resolve(png));
        }

        String md = Files.readString(files.markdown());
        assertTrue(md.contains("| figure | model | most frequent by pieces ('bach') | most frequent by windows "
                + "('mozart') | stratified |"), md);
        assertTrue(md.contains("| piece accuracy | 80.0 % (4/5) | 40.0 % | 20.0 % | 38.0 % |"), md);
        assertTrue(md.contains("| window accuracy | 66.7 % (6/9) | 44.4 % | 11.1 % | 41.1 % |"), md);
        // recall: bach 2/2, chopin 1/2, mozart 1/1 -> (1 + 1/2 + 1) / 3; baselines 1/3, 1/3 and (10/20 + 8/20 + 2/20) / 3
        assertTrue(md.contains("| piece balanced accuracy | 83.3 % | 33.3 % | 33.3 % | 33.3 % |"), md);
        assertTrue(md.contains("![confusion matrix, piece level](confusion-piece.png)"), md);
        assertTrue(md.contains("| chopin | bach | 1 |"), md);
        assertTrue(md.contains("| model | small CNN <test> |"), md);

        String html = Files.readString(files.html());
        assertTrue(html.contains("<img src=\"confusion-piece.png\""), "images are referenced relatively");
        assertTrue(html.contains("<img src=\"learning-curves.png\""));
        assertTrue(html.contains("small CNN &lt;test&gt;"), "text is escaped");
        assertFalse(html.contains("<script"), "no JavaScript");
        assertTrue(html.contains("80.0 % (4/5)"));

        JsonNode json = new ObjectMapper().readTree(files.json().toFile());
        assertEquals(0.8, json.get("piece").get("accuracy").asDouble(), 1e-12);
        assertEquals("bach", json.get("piece").get("baselines").get("byPieces").get("predictedClass").asText());
        assertEquals("mozart", json.get("window").get("baselines").get("byWindows").get("predictedClass").asText());
        assertEquals(1, json.get("piece").get("confusion").get(1).get(0).asInt());
        assertEquals(3, json.get("top_losses").size());
        assertEquals("3 s, hop 3 s, first 180 s", json.get("description").get("windows").asText());

        // the same folder again: replaced, not appended
        report.write(out);
        assertEquals(md, Files.readString(files.markdown()));
    }

    @Test
    void aSmallTestSetCarriesAWarningInMarkdownHtmlAndJson(@TempDir Path dir) throws Exception {
        ReportFiles files = EvaluationReport.builder().setPredictions(predictions())
                .setTrainingCounts(new long[] {50, 20, 100}, new long[] {10, 8, 2}).build().write(dir);
        // 5 test pieces: one piece is 100 / 5 = 20 points of piece accuracy
        String warning = "Warning: only 5 test pieces: each piece figure can move by ±20.0 points with one piece.";
        assertTrue(Files.readString(files.markdown()).contains(warning + "\n"), Files.readString(files.markdown()));
        assertTrue(Files.readString(files.html()).contains("<p>" + warning + "</p>"));
        assertEquals(warning, new ObjectMapper().readTree(files.json().toFile()).get("warning").asText());

        // 20 pieces of one window each: no warning
        List<WindowPrediction> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(w("f" + i + ".mid", "P" + i, i % 2, 0, i % 3 == 0 ? 0.3f : 0.8f, i % 3 == 0 ? 0.7f : 0.2f));
        }
        EvaluationReport enough = EvaluationReport.builder().setPredictions(new Predictions(List.of("a", "b"), many))
                .setTrainingCounts(new long[] {5, 5}, new long[] {1, 1}).optEvaluatedSet("blind").build();
        assertTrue(enough.smallSetWarning().isEmpty());
        ReportFiles big = enough.write(dir.resolve("big"));
        assertFalse(Files.readString(big.markdown()).contains("Warning"), Files.readString(big.markdown()));
        assertFalse(new ObjectMapper().readTree(big.json().toFile()).has("warning"));
    }

    @Test
    void longFileNamesAreCutInHtmlWithTheFullNameKept(@TempDir Path dir) throws Exception {
        String name = "asap/" + "Schubert_Impromptu_op.90_D.899/".repeat(3) + "performance-by-a-long-named-pianist.mid";
        Predictions p = new Predictions(List.of("bach", "schubert"), List.of(
                w(name, "schubert/impromptu", 1, 0, 0.9f, 0.1f), w("bach/b1.mid", "B1", 0, 0, 0.8f, 0.2f)));
        ReportFiles files = EvaluationReport.builder().setPredictions(p)
                .setTrainingCounts(new long[] {5, 5}, new long[] {1, 1}).build().write(dir);
        String html = Files.readString(files.html());
        // the top-losses table names the file: cut with an ellipsis, the full name in the title and the text
        assertTrue(html.contains("<td title=\"" + name + "\"><span class=\"long\">" + name + "</span></td>"), html);
        assertTrue(html.contains("text-overflow: ellipsis") && html.contains("overflow-wrap: anywhere"), html);
        // short names are plain cells
        assertTrue(html.contains("<td>bach/b1.mid</td>"), html);
    }

    @Test
    void theBaselinesAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.builder().setPredictions(predictions()).build());
    }
}
