package org.cadenza.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.api.run.InstrumentRun;
import org.cadenza.api.run.OpenSetEvaluation;
import org.cadenza.api.run.StyleEvaluation;
import org.cadenza.api.run.StyleGeneration;
import org.cadenza.corpus.catalog.Problem;
import org.cadenza.corpus.datasets.DatasetFetcher;
import org.cadenza.corpus.datasets.PublicDataset;
import org.cadenza.corpus.datasets.SkippedFile;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.jobs.JobReport;
import org.cadenza.eval.generation.CheckResult;
import org.cadenza.eval.generation.DegeneracyReport;
import org.cadenza.eval.map.ComposerMap;
import org.cadenza.eval.multilabel.MultiLabelMetrics;
import org.cadenza.model.generation.LanguageModelTraining;
import org.cadenza.model.train.LearningRateFinder;

/**
 * The {@code --json} documents of the commands whose results are library records (ingest, render, features,
 * datasets, instruments, openset, generate, style-eval, lr-find, map): each built from the same values the command's
 * text prints, nothing computed again. Paths are written as the strings the text shows.
 */
final class ResultDocuments {
    private ResultDocuments() {
    }

    /** {@code ingest}: the counts, then every duplicate (with the file kept), quarantined file and missing row. */
    static ObjectNode ingest(IngestReport r) {
        ObjectNode o = JsonOption.object();
        o.put("runId", r.runId()).put("input", r.input()).put("found", r.found()).put("ingested", r.ingested())
                .put("alreadyCatalogued", r.alreadyCatalogued()).put("skippedNonMusic", r.skippedNonMusic())
                .put("seconds", r.elapsed().toMillis() / 1000.0);
        o.set("duplicates", entries(r.duplicates(), "kept"));
        o.set("quarantined", entries(r.quarantined(), "reason"));
        o.set("missing", entries(r.missing(), "reason"));
        o.set("warnings", JsonOption.tree(r.warnings()));
        return o;
    }

    private static ArrayNode entries(List<IngestReport.Entry> entries, String detail) {
        ArrayNode a = JsonOption.array();
        entries.forEach(e -> a.addObject().put("path", e.path()).put(detail, e.detail()));
        return a;
    }

    /** {@code render} and {@code features}: done, skipped and failed, with one problem per failed file. */
    static ObjectNode job(JobReport r) {
        ObjectNode o = JsonOption.object();
        o.put("stage", r.stage()).put("runId", r.runId()).put("done", r.done()).put("skipped", r.skipped())
                .put("failed", r.failed()).put("seconds", r.elapsed().toMillis() / 1000.0);
        ArrayNode problems = o.putArray("problems");
        for (Problem p : r.problems()) {
            problems.addObject().put("path", p.path()).put("problem", p.problem());
        }
        return o;
    }

    /** {@code datasets list}: each public corpus with its home repository, pinned commit and licence. */
    static ArrayNode datasets() {
        ArrayNode a = JsonOption.array();
        for (PublicDataset d : PublicDataset.values()) {
            a.addObject().put("id", d.id()).put("content", d.content())
                    .put("repository", "https://github.com/" + d.repository()).put("commit", d.commit())
                    .put("licence", d.licence());
        }
        return a;
    }

    /**
     * {@code datasets fetch}: the dataset, its folder, where it came from, the files it lists and the files of the
     * source left out, counted by reason ({@code skipped.csv} in the folder lists them).
     */
    static ObjectNode fetched(DatasetFetcher.Result r) {
        ObjectNode o = JsonOption.object();
        o.put("dataset", r.dataset().id()).put("folder", r.folder().toString()).put("source", r.source().name())
                .put("files", r.files());
        ObjectNode skipped = o.putObject("skipped");
        skippedByReason(r).forEach(skipped::put);
        return o;
    }

    /** The files a fetch left out, counted by reason ({@code anonymous}, {@code unreadable}, ...), in reason order. */
    static Map<String, Integer> skippedByReason(DatasetFetcher.Result r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        r.skipped().stream().map(SkippedFile::reason).sorted()
                .forEach(reason -> counts.merge(reason.cliName(), 1, Integer::sum));
        return counts;
    }

    /** {@code instruments}: the families, and by window and by piece the test figures beside the baselines. */
    static ObjectNode instruments(InstrumentRun.Report r, Path run) {
        ObjectNode o = JsonOption.object();
        o.put("run", run.toString()).put("report", r.report().toString())
                .put("model", r.training().modelDir().toString());
        o.set("families", JsonOption.tree(r.training().vocabulary().families()));
        o.set("dropped", JsonOption.tree(r.training().vocabulary().dropped()));
        for (InstrumentRun.LevelReport l : List.of(r.windows(), r.pieces())) {
            ObjectNode level = o.putObject(l.level().equals("window") ? "byWindow" : "byPiece");
            level.set("model", JsonOption.tree(l.model()));
            level.set("otherThresholds", reports(l.otherThresholds()));
            level.set("baselines", reports(l.baselines()));
            l.composerAccuracy().ifPresent(a -> level.put("composerAccuracy", a));
            l.perfect().ifPresent(a -> level.put("perfect", a));
            level.set("thresholds", JsonOption.tree(l.thresholds()));
        }
        o.set("leftOut", JsonOption.tree(r.training().problems()));
        return o;
    }

    private static ArrayNode reports(Map<String, MultiLabelMetrics.Report> byName) {
        ArrayNode a = JsonOption.array();
        byName.forEach((name, report) -> {
            ObjectNode row = a.addObject().put("name", name);
            row.setAll((ObjectNode) JsonOption.tree(report));
        });
        return a;
    }

    /** {@code openset}: the folds' composers, every novelty-score row, the few-shot rows and the breakdown. */
    static ObjectNode openSet(OpenSetEvaluation.Report r, Path out) {
        ObjectNode o = JsonOption.object();
        o.put("out", out.toString()).put("report", r.report().toString());
        ArrayNode folds = o.putArray("folds");
        r.folds().forEach(f -> {
            ObjectNode fold = folds.addObject().put("fold", f.index());
            fold.set("known", JsonOption.tree(f.known()));
            fold.set("unseen", JsonOption.tree(f.unseen()));
        });
        o.set("rows", JsonOption.tree(r.rows()));
        ArrayNode fewShot = o.putArray("fewShot");
        r.fewShot().forEach(f -> {
            ObjectNode row = fewShot.addObject().put("fold", f.fold()).put("variant", f.variant());
            row.setAll((ObjectNode) JsonOption.tree(f.result()));
        });
        o.set("breakdown", JsonOption.tree(r.breakdown()));
        return o;
    }

    /** {@code generate}: the files written, the music's length, and each degeneracy check. */
    static ObjectNode generated(StyleGeneration.Result r) {
        ObjectNode o = JsonOption.object();
        o.put("midi", r.midi().toString());
        r.wav().ifPresent(w -> o.put("wav", w.toString()));
        r.png().ifPresent(p -> o.put("png", p.toString()));
        o.put("notes", r.generated().notes().notes().size())
                .put("seconds", r.generated().notes().durationSeconds())
                .put("requestedSeconds", r.seconds()).put("tokens", r.generated().tokens().length)
                .put("complete", r.generated().complete());
        o.set("checks", checks(r.checks()));
        return o;
    }

    /** The degeneracy checks: whether all passed, and each check's measured value and limit. */
    static ObjectNode checks(DegeneracyReport report) {
        ObjectNode o = JsonOption.object().put("passed", report.passed());
        ArrayNode each = o.putArray("results");
        for (CheckResult c : report.checks()) {
            each.addObject().put("check", c.check().name()).put("measured", c.measured()).put("limit", c.limit())
                    .put("passed", c.passed());
        }
        return o;
    }

    /** {@code style-eval}: the held-out likelihoods, and each set's judge probability and degeneracy share. */
    static ObjectNode styleEvaluation(StyleEvaluation.Result r) {
        ObjectNode o = JsonOption.object();
        o.put("composer", r.composer()).put("report", r.report().toString()).put("referencePieces", r.reference());
        r.judge().ifPresent(j -> o.put("judge", j.toString()));
        StyleEvaluation.Likelihood l = r.likelihood();
        ObjectNode likelihood = o.putObject("likelihood");
        likelihood.set("model", score(l.model()));
        likelihood.set("others", score(l.others()));
        likelihood.put("unigram", l.unigram()).put("uniform", l.uniform()).put("testFiles", l.testFiles())
                .put("otherPieces", l.otherPieces());
        ArrayNode sets = o.putArray("sets");
        for (StyleEvaluation.SetResult s : r.sets().values()) {
            sets.addObject().put("set", s.set().name()).put("label", s.set().label()).put("pieces", s.pieces().size())
                    .put("meanTarget", s.meanTarget()).put("sdTarget", s.sdTarget()).put("topShare", s.topShare())
                    .put("degeneracyPassed", s.degeneracyPassed());
        }
        return o;
    }

    private static ObjectNode score(LanguageModelTraining.Score s) {
        return JsonOption.object().put("nll", s.nll()).put("perplexity", s.perplexity()).put("accuracy", s.accuracy())
                .put("tokens", s.tokens());
    }

    /** {@code lr-find}: the suggested rate, the steepest and lowest-loss rates, the steps taken and the plot. */
    static ObjectNode learningRate(LearningRateFinder.Result r, Path run, Path png) {
        ObjectNode o = JsonOption.object();
        o.put("run", run.toString()).put("suggestedLr", r.suggestedLr()).put("steepestLr", r.steepestLr())
                .put("minLossLr", r.minLossLr()).put("steps", r.points().size()).put("plot", png.toString());
        return o;
    }

    /** {@code map}: the output folder, the composers with their periods, and the agreement figures. */
    static ObjectNode map(ComposerMap.Result r, Path out) {
        ObjectNode o = JsonOption.object();
        o.put("out", out.toString()).put("linkage", r.settings().linkage().name().toLowerCase(java.util.Locale.ROOT))
                .put("seed", r.settings().seed());
        ArrayNode composers = o.putArray("composers");
        for (int i = 0; i < r.composers().size(); i++) {
            composers.addObject().put("composer", r.composers().get(i)).put("period", r.composerPeriods().get(i));
        }
        o.set("leafOrder", JsonOption.tree(r.leafOrder()));
        o.put("pieces", r.pca().size()).put("tsnePerplexity", r.tsnePerplexity());
        o.set("pcaExplainedVariance", JsonOption.tree(r.pcaExplainedVariance()));
        o.set("composerAgreement", JsonOption.tree(r.composerAgreement()));
        o.set("pieceAgreement", JsonOption.tree(r.pieceAgreement()));
        ArrayNode files = o.putArray("files");
        for (String f : List.of("dendrogram.png", "pieces-pca.png", "pieces-tsne.png", "map.json", "map.md")) {
            files.add(out.resolve(f).toString());
        }
        return o;
    }
}
