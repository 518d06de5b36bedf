package org.cadenza.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.eval.TrialSummary;
import org.cadenza.eval.openset.FewShotEnrolment;
import org.cadenza.eval.openset.LabelledEmbedding;
import org.cadenza.eval.openset.NoveltyScores;
import org.cadenza.eval.openset.OpenSetMetrics;
import org.cadenza.eval.openset.ThresholdCalibration;
import org.cadenza.io.BadInputException;
import org.cadenza.model.embedding.Anchors;
import org.cadenza.model.embedding.EmbeddingConfig;
import org.cadenza.model.embedding.EmbeddingInput;
import org.cadenza.model.embedding.EmbeddingModel;
import org.cadenza.model.train.TrainingListener;

/**
 * The open-set evaluation: for every fold of {@link LeaveComposersOut} and every model variant, an embedding model is
 * trained on the known composers ({@link EmbeddingTrainingRun}), and the test pieces of the known composers are
 * mixed with every piece of the unseen ones. Each novelty score ({@link NoveltyScores.Method}) is measured by AUROC,
 * FPR at 95 % TPR and the detection accuracy at its own threshold, calibrated on the known validation pieces for the
 * chosen false-alarm rate; the closed-set accuracy on the known test pieces, a random-score baseline and the
 * most-frequent composer stand beside them. The unseen composers are then enrolled from k pieces each
 * ({@link FewShotEnrolment}). One file per piece is scored, so that a piece with many performances counts once.
 *
 * <p>Output in {@code outDir}: {@code fold-N/<variant>/} (each model, resumable), {@value #CSV} (one row per fold,
 * variant and method), {@value #FEW_SHOT_CSV} and {@value #REPORT}.
 */
public final class OpenSetEvaluation {

    /** Per-fold figures. */
    public static final String CSV = "openset.csv";
    /** Few-shot enrolment per fold. */
    public static final String FEW_SHOT_CSV = "few-shot.csv";
    /** The summary over folds. */
    public static final String REPORT = "openset.md";
    /** Every scored file of a fold and variant, in its model's folder. */
    public static final String SCORES = "scores.csv";
    /** Name of the random-score baseline in the tables. */
    public static final String RANDOM = "random score (baseline)";

    /**
     * A model to evaluate.
     *
     * @param name   its folder and row name, e.g. {@code triplet-batch-hard}
     * @param config how it is built and trained
     */
    public record Variant(String name, EmbeddingConfig config) {
    }

    /**
     * @param protocol          folds and split fractions
     * @param input             the windows the models read
     * @param variants          the models, at least one
     * @param knnK              k of the k-NN distance (to training pieces), &ge; 1; default 1
     * @param energyTemperature T of the energy score; default 1
     * @param shots             k values of the few-shot enrolment; default 1, 3, 5
     * @param draws             random draws per k; default 20
     * @param falseAlarmRate    the thresholds' false-alarm rate on validation; default 0.05
     * @param threads           threads reading files
     * @param augmentations     augmented copies of the training files (transpositions, tempo changes); default none
     */
    public record Settings(LeaveComposersOut.Settings protocol, EmbeddingInput input, List<Variant> variants,
                           int knnK, double energyTemperature, List<Integer> shots, int draws,
                           double falseAlarmRate, int threads, List<org.cadenza.render.Augmentation> augmentations) {

        public Settings {
            augmentations = List.copyOf(augmentations);
            variants = List.copyOf(variants);
            shots = List.copyOf(shots);
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("no model variant to evaluate");
            }
            if (knnK < 1 || draws < 1) {
                throw new IllegalArgumentException("k of the k-NN score and the draws must be >= 1");
            }
        }
    }

    /**
     * One fold, variant and scoring method.
     *
     * @param fold             1-based fold
     * @param variant          the model (or {@link #RANDOM})
     * @param method           the scoring method's cli name
     * @param summary          AUROC, FPR at 95 % TPR, detection accuracy
     * @param threshold        the method's calibrated threshold
     * @param closedSetAccuracy nearest-anchor accuracy on the known test pieces (softmax argmax for the logit scores)
     * @param mostFrequent     accuracy of always naming the composer with the most training pieces
     */
    public record Row(int fold, String variant, String method, OpenSetMetrics.Summary summary, double threshold,
                      double closedSetAccuracy, double mostFrequent) {
    }

    /**
     * @param fold    1-based fold
     * @param variant the model
     * @param result  the enrolment figures
     */
    public record FewShotRow(int fold, String variant, FewShotEnrolment.Result result) {
    }

    /**
     * @param folds   the folds as planned
     * @param rows    one per fold, variant and method
     * @param fewShot one per fold, variant and k
     * @param breakdown the anchor-distance AUROC on subsets of the pieces (what limits it)
     * @param report  the Markdown summary
     */
    public record Report(List<LeaveComposersOut.Fold> folds, List<Row> rows, List<FewShotRow> fewShot,
                         List<Breakdown> breakdown, Path report) {
    }

    /**
     * The anchor-distance AUROC of a fold and variant on a subset of the pieces: only one dataset (both sides from the
     * folder of one labels CSV), or only the known test pieces the model names right (or wrong) against every unseen
     * piece.
     *
     * @param fold    1-based fold
     * @param variant the model
     * @param subset  which pieces
     * @param known   known pieces in it
     * @param unknown unseen pieces in it
     * @param auroc   AUROC, NaN when a side is empty
     */
    public record Breakdown(int fold, String variant, String subset, int known, int unknown, double auroc) {
    }

    private OpenSetEvaluation() {
    }

    /** Embedded pieces of one side: one file per piece. */
    private record Side(List<String> pieces, List<String> composers, List<float[]> embeddings,
                        List<Optional<float[]>> logits, List<String> files) {
        static Side empty() {
            return new Side(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }

        int size() {
            return pieces.size();
        }
    }

    /**
     * Runs the whole protocol; rerunning resumes the trained models.
     *
     * @param ws       the workspace (MIDI files of several composers)
     * @param s        settings
     * @param outDir   output folder (created)
     * @param listener training progress
     * @param progress reading progress
     */
    public static Report run(Workspace ws, Settings s, Path outDir, TrainingListener listener,
                             ProgressListener progress) {
        List<LeaveComposersOut.Fold> folds = LeaveComposersOut.plan(ws, s.protocol(), outDir);
        List<Row> rows = new ArrayList<>();
        List<FewShotRow> fewShot = new ArrayList<>();
        List<Breakdown> breakdown = new ArrayList<>();
        for (LeaveComposersOut.Fold fold : folds) {
            for (Variant v : s.variants()) {
                Path dir = outDir.resolve("fold-" + fold.index()).resolve(v.name());
                EmbeddingTrainingRun.train(ws, s.input(), fold.dataset(s.protocol().seed(), s.augmentations()), v.config(), dir,
                        s.falseAlarmRate(), listener, progress, s.threads());
                try (EmbeddingModel model = EmbeddingModel.open(dir)) {
                    Side val = embed(model, fold, fold.onePerPiece(fold.knownFiles(Split.VAL)), progress, "val");
                    Side known = embed(model, fold, fold.onePerPiece(fold.knownFiles(Split.TEST)), progress,
                            "known test");
                    Side unseen = embed(model, fold, fold.onePerPiece(fold.unseenFiles()), progress, "unseen");
                    rows.addAll(score(fold, v.name(), model, val, known, unseen, s, dir.resolve(SCORES)));
                    breakdown.addAll(breakdown(fold.index(), v.name(), model.trainedAnchors(), known, unseen));
                    for (int k : s.shots()) {
                        fewShot.add(new FewShotRow(fold.index(), v.name(), FewShotEnrolment.evaluate(
                                model.trainedAnchors().composers(), labelled(known), labelled(unseen), k, s.draws(),
                                s.protocol().seed())));
                    }
                }
            }
        }
        writeCsv(outDir.resolve(CSV), rows);
        writeFewShotCsv(outDir.resolve(FEW_SHOT_CSV), fewShot);
        Path report = outDir.resolve(REPORT);
        write(report, markdown(folds, rows, fewShot, s) + markdown(breakdown));
        return new Report(folds, rows, fewShot, breakdown, report);
    }

    private static Side embed(EmbeddingModel model, LeaveComposersOut.Fold fold, List<CatalogFile> files,
                              ProgressListener progress, String what) {
        Side out = Side.empty();
        progress.start("fold " + fold.index() + ": embedding " + what + " pieces", files.size());
        for (CatalogFile f : files) {
            try {
                EmbeddingModel.PieceEmbedding p = model.embed(NoteFiles.read(f, model.input().pedal()),
                        Path.of(f.sourcePath()));
                out.pieces().add(fold.groupOf().get(f.id()));
                out.composers().add(f.composerId());
                out.embeddings().add(p.embedding());
                out.logits().add(p.logits());
                out.files().add(f.sourcePath());
                progress.advance(f.sourcePath(), true);
            } catch (BadInputException e) {
                progress.advance(f.sourcePath(), false);
            }
        }
        return out;
    }

    private static List<LabelledEmbedding> labelled(Side side) {
        List<LabelledEmbedding> out = new ArrayList<>();
        for (int i = 0; i < side.size(); i++) {
            out.add(new LabelledEmbedding(side.pieces().get(i), side.composers().get(i), side.embeddings().get(i)));
        }
        return out;
    }

    private static List<Row> score(LeaveComposersOut.Fold fold, String variant, EmbeddingModel model, Side val,
                                   Side known, Side unseen, Settings s, Path scoresCsv) {
        Anchors anchors = model.trainedAnchors();
        List<String> composers = new ArrayList<>(anchors.composers().keySet());
        float[][] anchorRows = composers.stream().map(c -> anchors.composers().get(c)).toArray(float[][]::new);
        float[][] trainPieces = anchors.pieces().values().stream().map(Anchors.PieceAnchor::anchor)
                .toArray(float[][]::new);
        double[] spreads = spreads(anchors, composers);
        Map<String, Integer> piecesPerComposer = new TreeMap<>();
        anchors.pieces().values().forEach(p -> piecesPerComposer.merge(p.composer(), 1, Integer::sum));
        String majority = piecesPerComposer.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                .getKey();
        double mostFrequent = known.composers().stream().filter(majority::equals).count()
                / (double) known.size();
        int[] truth = known.composers().stream().mapToInt(composers::indexOf).toArray();
        int[] nearest = new int[known.size()];
        for (int i = 0; i < known.size(); i++) {
            nearest[i] = composers.indexOf(anchors.rank(known.embeddings().get(i)).get(0).composer());
        }
        double anchorAccuracy = OpenSetMetrics.closedSetAccuracy(nearest, truth);
        boolean logits = !known.logits().isEmpty() && known.logits().get(0).isPresent();
        double argmaxAccuracy = Double.NaN;
        if (logits) {
            int[] argmax = new int[known.size()];
            for (int i = 0; i < known.size(); i++) {
                float[] l = known.logits().get(i).orElseThrow();
                int best = 0;
                for (int c = 1; c < l.length; c++) {
                    best = l[c] > l[best] ? c : best;
                }
                // logit columns follow the model's classes, which are the anchors' composers in the same order
                argmax[i] = composers.indexOf(model.classes().get(best));
            }
            argmaxAccuracy = OpenSetMetrics.closedSetAccuracy(argmax, truth);
        }
        List<Row> out = new ArrayList<>();
        Map<String, double[][]> perMethod = new LinkedHashMap<>();
        for (NoveltyScores.Method m : NoveltyScores.Method.values()) {
            if (m.usesLogits() && !logits) {
                continue;
            }
            double[] v = scores(m, val, anchorRows, spreads, trainPieces, s);
            double[] k = scores(m, known, anchorRows, spreads, trainPieces, s);
            double[] u = scores(m, unseen, anchorRows, spreads, trainPieces, s);
            perMethod.put(m.cliName(), new double[][] {v, k, u});
            double t = ThresholdCalibration.forFalseAlarmRate(v, s.falseAlarmRate());
            out.add(new Row(fold.index(), variant, m.cliName(), OpenSetMetrics.summarise(k, u, t), t,
                    m.usesLogits() ? argmaxAccuracy : anchorAccuracy, mostFrequent));
        }
        writeScores(scoresCsv, perMethod, List.of(val, known, unseen), anchors);
        Random rng = new Random(s.protocol().seed() + fold.index());
        double[] rv = rng.doubles(val.size()).toArray();
        double[] rk = rng.doubles(known.size()).toArray();
        double[] ru = rng.doubles(unseen.size()).toArray();
        out.add(new Row(fold.index(), variant, RANDOM, OpenSetMetrics.summarise(rk, ru,
                ThresholdCalibration.forFalseAlarmRate(rv, s.falseAlarmRate())), Double.NaN, mostFrequent,
                mostFrequent));
        return out;
    }

    private static List<Breakdown> breakdown(int fold, String variant, Anchors anchors, Side known, Side unseen) {
        double[] k = new double[known.size()];
        boolean[] right = new boolean[known.size()];
        for (int i = 0; i < known.size(); i++) {
            Anchors.Ranked r = anchors.rank(known.embeddings().get(i)).get(0);
            k[i] = r.distance();
            right[i] = r.composer().equals(known.composers().get(i));
        }
        double[] u = new double[unseen.size()];
        for (int i = 0; i < unseen.size(); i++) {
            u[i] = anchors.rank(unseen.embeddings().get(i)).get(0).distance();
        }
        List<Breakdown> out = new ArrayList<>();
        out.add(subset(fold, variant, "all pieces", k, i -> true, u, i -> true));
        out.add(subset(fold, variant, "known pieces named right", k, i -> right[i], u, i -> true));
        out.add(subset(fold, variant, "known pieces named wrong", k, i -> !right[i], u, i -> true));
        List<String> kd = known.files().stream().map(OpenSetEvaluation::datasetOf).toList();
        List<String> ud = unseen.files().stream().map(OpenSetEvaluation::datasetOf).toList();
        for (String d : new java.util.TreeSet<>(kd)) {
            out.add(subset(fold, variant, "dataset " + d + " only", k, i -> kd.get(i).equals(d), u,
                    i -> ud.get(i).equals(d)));
        }
        return out;
    }

    private static Breakdown subset(int fold, String variant, String name, double[] k,
                                    java.util.function.IntPredicate inK, double[] u,
                                    java.util.function.IntPredicate inU) {
        double[] ks = java.util.stream.IntStream.range(0, k.length).filter(inK).mapToDouble(i -> k[i]).toArray();
        double[] us = java.util.stream.IntStream.range(0, u.length).filter(inU).mapToDouble(i -> u[i]).toArray();
        double a = ks.length == 0 || us.length == 0 ? Double.NaN : OpenSetMetrics.auroc(ks, us);
        return new Breakdown(fold, variant, name, ks.length, us.length, a);
    }

    /** The folder of the nearest labels CSV above a file (its dataset), or "other". */
    static String datasetOf(String file) {
        Path dir = Path.of(file).toAbsolutePath().getParent();
        for (int level = 0; dir != null && level < 8; level++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("labels.csv")) && dir.getFileName() != null) {
                return dir.getFileName().toString();
            }
        }
        return "other";
    }

    static String markdown(List<Breakdown> rows) {
        StringBuilder b = new StringBuilder("\nWhat limits it: the anchor-distance AUROC on subsets of the pieces "
                + "(mean ± standard deviation over the folds where the subset has both sides):\n\n"
                + "| model | subset | AUROC | known / unknown pieces per fold |\n|---|---|---:|---|\n");
        Map<String, List<Breakdown>> grouped = new LinkedHashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.variant() + "\u0000" + r.subset(), x -> new ArrayList<>()).add(r));
        for (List<Breakdown> g : grouped.values()) {
            List<Breakdown> defined = g.stream().filter(r -> !Double.isNaN(r.auroc())).toList();
            String fig = defined.isEmpty() ? "n/a" : pm(defined, Breakdown::auroc);
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", g.get(0).variant(), g.get(0).subset(),
                    fig, String.join(", ", g.stream().map(r -> r.known() + " / " + r.unknown()).toList())));
        }
        return b.toString();
    }

    /** Every scored file with its side, composer, nearest composer and each method's score, for analysis. */
    private static void writeScores(Path csv, Map<String, double[][]> perMethod, List<Side> sides, Anchors anchors) {
        List<String> header = new ArrayList<>(List.of("side", "file", "piece", "composer", "nearest"));
        header.addAll(perMethod.keySet());
        String[] names = {"val", "known", "unseen"};
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (int side = 0; side < sides.size(); side++) {
                Side sd = sides.get(side);
                for (int i = 0; i < sd.size(); i++) {
                    List<Object> row = new ArrayList<>(List.of(names[side], sd.files().get(i), sd.pieces().get(i),
                            sd.composers().get(i), anchors.rank(sd.embeddings().get(i)).get(0).composer()));
                    for (double[][] m : perMethod.values()) {
                        row.add(m[side][i]);
                    }
                    out.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    /**
     * Each composer's spread: the mean distance of its training pieces to its anchor (a composer with one piece, or
     * pieces all at its anchor, gets the median spread of the others).
     */
    static double[] spreads(Anchors anchors, List<String> composers) {
        double[] out = new double[composers.size()];
        int[] n = new int[composers.size()];
        for (Anchors.PieceAnchor p : anchors.pieces().values()) {
            int c = composers.indexOf(p.composer());
            out[c] += Anchors.distance(p.anchor(), anchors.composers().get(p.composer()));
            n[c]++;
        }
        double[] positive = java.util.stream.IntStream.range(0, out.length).filter(c -> n[c] > 1 && out[c] > 0)
                .mapToDouble(c -> out[c] / n[c]).sorted().toArray();
        double median = positive.length == 0 ? 1 : positive[positive.length / 2];
        for (int c = 0; c < out.length; c++) {
            out[c] = n[c] > 1 && out[c] > 0 ? out[c] / n[c] : median;
        }
        return out;
    }

    private static double[] scores(NoveltyScores.Method m, Side side, float[][] anchors, double[] spreads,
                                   float[][] trainPieces, Settings s) {
        double[] out = new double[side.size()];
        for (int i = 0; i < side.size(); i++) {
            float[] e = side.embeddings().get(i);
            out[i] = switch (m) {
                case ANCHOR_DISTANCE -> NoveltyScores.nearestAnchorDistance(e, anchors);
                case RELATIVE_ANCHOR_DISTANCE -> NoveltyScores.relativeAnchorDistance(e, anchors, spreads);
                case KNN_DISTANCE -> NoveltyScores.knnDistance(e, trainPieces, Math.min(s.knnK(), trainPieces.length));
                case MAX_SOFTMAX -> NoveltyScores.maxSoftmaxProbabilityScore(side.logits().get(i).orElseThrow());
                case ENERGY -> NoveltyScores.energyScore(side.logits().get(i).orElseThrow(), s.energyTemperature());
            };
        }
        return out;
    }

    /** The summary over folds: mean and standard deviation of every figure per variant and method. */
    static String markdown(List<LeaveComposersOut.Fold> folds, List<Row> rows, List<FewShotRow> fewShot,
                           Settings s) {
        StringBuilder b = new StringBuilder("# Open-set evaluation: leave composers out\n\n");
        b.append(String.format(Locale.ROOT, "%d folds; thresholds calibrated on the known composers' validation "
                + "pieces for a %.0f %% false-alarm rate; one file per piece; k-NN distance with k = %d; energy "
                + "with T = %.1f.%n%n", folds.size(), s.falseAlarmRate() * 100, s.knnK(), s.energyTemperature()));
        b.append("| fold | known composers | unseen composers |\n|---:|---|---|\n");
        for (LeaveComposersOut.Fold f : folds) {
            b.append("| ").append(f.index()).append(" | ").append(String.join(", ", f.known())).append(" | ")
                    .append(String.join(", ", f.unseen())).append(" |\n");
        }
        b.append("\nMean ± standard deviation over folds (higher AUROC, lower FPR at 95 % TPR are better):\n\n")
                .append("| model | score | AUROC | FPR at 95 % TPR | detection accuracy at threshold "
                        + "| closed-set accuracy | most-frequent | known / unknown pieces per fold |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---|\n");
        Map<String, List<Row>> grouped = new LinkedHashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.variant() + "\u0000" + r.method(), k -> new ArrayList<>())
                .add(r));
        for (List<Row> g : grouped.values()) {
            Row first = g.get(0);
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", first.variant(),
                    first.method(), pm(g, r -> r.summary().auroc()), pm(g, r -> r.summary().fprAt95()),
                    pm(g, r -> r.summary().detectionAccuracyAtThreshold()), pm(g, Row::closedSetAccuracy),
                    pm(g, Row::mostFrequent), String.join(", ", g.stream().map(r -> r.summary().known() + " / "
                            + r.summary().unknown()).toList())));
        }
        if (!fewShot.isEmpty()) {
            b.append("\nFew-shot enrolment of the unseen composers (nearest anchor among known + enrolled; mean over "
                    + "folds of the per-fold means over draws):\n\n")
                    .append("| model | k | new composers' held-back pieces | known test pieces (without enrolment) "
                            + "| known taken by new | overall | chance | most frequent |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            Map<String, List<FewShotRow>> byKey = new LinkedHashMap<>();
            fewShot.forEach(r -> byKey.computeIfAbsent(r.variant() + "\u0000" + r.result().k(),
                    k -> new ArrayList<>()).add(r));
            for (List<FewShotRow> g : byKey.values()) {
                FewShotRow first = g.get(0);
                b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s (%s) | %s | %s | %s | %s |%n",
                        first.variant(), first.result().k(),
                        pm(g, r -> r.result().newComposerAccuracy().mean()),
                        pm(g, r -> r.result().knownComposerAccuracy().mean()),
                        pm(g, r -> r.result().knownAccuracyWithoutEnrolment()),
                        pm(g, r -> r.result().knownTakenByNew().mean()),
                        pm(g, r -> r.result().overallAccuracy().mean()),
                        pm(g, r -> r.result().chanceLevel()), pm(g, r -> r.result().mostFrequentAccuracy())));
            }
        }
        return b.toString();
    }

    /** @return "mean ± sd" over the folds of one figure of the rows */
    private static <T> String pm(List<T> g, java.util.function.ToDoubleFunction<T> f) {
        TrialSummary t = TrialSummary.of(g.stream().mapToDouble(f).toArray());
        return String.format(Locale.ROOT, "%.3f ± %.3f", t.mean(), t.standardDeviation());
    }

    private static void writeCsv(Path csv, List<Row> rows) {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("fold", "variant", "method", "auroc", "fpr_at_95_tpr",
                        "detection_accuracy", "threshold", "closed_set_accuracy", "most_frequent", "known_pieces",
                        "unknown_pieces").build())) {
            for (Row r : rows) {
                out.printRecord(r.fold(), r.variant(), r.method(), r.summary().auroc(), r.summary().fprAt95(),
                        r.summary().detectionAccuracyAtThreshold(), r.threshold(), r.closedSetAccuracy(),
                        r.mostFrequent(), r.summary().known(), r.summary().unknown());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    private static void writeFewShotCsv(Path csv, List<FewShotRow> rows) {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("fold", "variant", "k", "draws", "enrolled_composers",
                        "held_back_pieces", "new_accuracy", "known_accuracy", "known_accuracy_without_enrolment",
                        "known_taken_by_new", "overall_accuracy", "chance", "most_frequent").build())) {
            for (FewShotRow r : rows) {
                FewShotEnrolment.Result x = r.result();
                out.printRecord(r.fold(), r.variant(), x.k(), x.draws(), x.enrolledComposers().size(),
                        x.heldBackPieces(), x.newComposerAccuracy().mean(), x.knownComposerAccuracy().mean(),
                        x.knownAccuracyWithoutEnrolment(), x.knownTakenByNew().mean(), x.overallAccuracy().mean(),
                        x.chanceLevel(), x.mostFrequentAccuracy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
