package org.cadenza.api;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.DatasetWindow;
import org.cadenza.corpus.demo.Demo;
import org.cadenza.api.run.RunEvaluation;
import org.cadenza.api.run.TrainingRun;
import org.cadenza.eval.ReportFiles;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.model.Architecture;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.pipeline.FilePrediction;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main job end to end: the corpus part of the demo ({@link Demo}: pick, ingest, render, features, pictures),
 * then a composer classifier trained on a by-piece split, its evaluation report, and predictions for the held-out
 * test pieces; and last, {@code cadenza who} on a piece the default models never trained on (training them first,
 * once, when they are missing). Rerunning skips what is done (the training resumes or returns its finished result).
 */
public final class FullDemo {

    /**
     * What to run beyond the corpus part.
     *
     * @param corpus       the corpus part
     * @param architecture the network (SMALL trains in seconds)
     * @param epochs       training epochs
     * @param trainHop     hop between training windows, seconds (overlapping windows give the small corpus more examples)
     * @param models       the default models {@code cadenza who} uses, trained when missing
     */
    public record Options(Demo.Options corpus, Architecture architecture, int epochs, double trainHop,
                          DefaultModels models) {
        /** Defaults: the corpus defaults, SMALL, 8 epochs, windows every 2.5 s, the default models of the home. */
        public static Options defaults(Path workspace) {
            return new Options(Demo.Options.defaults(workspace), Architecture.SMALL, 8, 2.5, DefaultModels.inHome());
        }
    }

    /** What the demo did. */
    public record Report(Demo.Report corpus, Path run, ReportFiles evaluation, List<FilePrediction.Result> predictions,
                         Map<Path, String> truth, DefaultModels.HeldOutPiece heldOut, Analysis who) {

        public String toText() {
            StringBuilder b = new StringBuilder(corpus.toText());
            b.append("\nmodel: ").append(run.resolve(WorkspaceTraining.MODEL_DIR)).append('\n');
            b.append("predictions for the held-out test pieces:\n");
            for (FilePrediction.Result r : predictions) {
                FilePrediction.Ranked top = r.ranking().get(0);
                b.append(String.format(java.util.Locale.ROOT, "  %-60s true %-10s predicted %-10s %5.1f %% (%.2f s)%n",
                        shorten(r.file().toString(), 60), truth.get(r.file()), top.label(), 100 * top.probability(),
                        r.seconds()));
            }
            b.append("\nreport: ").append(evaluation.html()).append('\n');
            b.append("\nWho composed a piece the default models never trained on (").append(heldOut.piece())
                    .append(", by ").append(heldOut.composer()).append(")?\n");
            b.append("$ cadenza who ").append(heldOut.file()).append('\n');
            b.append(who.toText());
            return b.toString();
        }

        private static String shorten(String s, int n) {
            return s.length() <= n ? s : "..." + s.substring(s.length() - n + 3);
        }
    }

    private FullDemo() {
    }

    /**
     * The default models (trained first when missing, from the demo's datasets folder when it has one) and a piece
     * they never trained on: the composer model's first test piece by a composer the demo corpus holds, else its
     * first test piece.
     */
    private static DefaultModels.HeldOutPiece heldOut(Options options, ProgressListener progress,
                                                      TrainingListener training) {
        DefaultModels d = options.models();
        java.util.Optional<Path> root = options.corpus().datasetsRoot();
        d.ensure(() -> root.isPresent() ? TrainingData.publicPianoCorpora(DefaultModels.home(), root.get(), progress)
                : TrainingData.publicPianoCorpora(DefaultModels.home(), progress), progress, training,
                options.corpus().threads());
        List<DefaultModels.HeldOutPiece> pieces = d.heldOutPieces();
        if (pieces.isEmpty()) {
            throw new org.cadenza.io.CadenzaException("the default composer model in " + d.dir()
                    + " lists no test pieces: remove it (cadenza models remove --all) and rerun");
        }
        List<String> composers = options.corpus().selection().composers();
        return pieces.stream().filter(p -> composers.contains(p.composer())).findFirst().orElse(pieces.get(0));
    }

    public static Report run(Options options, ProgressListener progress, TrainingListener training) {
        Demo.Report corpus = Demo.run(options.corpus(), progress);
        Path wsDir = options.corpus().workspace();
        Path run = wsDir.resolve("runs").resolve("demo-" + options.architecture().name().toLowerCase(java.util.Locale.ROOT));
        var render = options.corpus().render();
        PipelineSettings pipeline = new PipelineSettings(WindowRecipe.of(render, FeatureParams.builder(),
                new WindowSpec(options.corpus().window().windowSeconds(), options.trainHop())));
        try (Workspace ws = Workspace.open(wsDir)) {
            WorkspaceTraining.Result trained = TrainingRun.train(ws, pipeline, DatasetSpec.DEFAULTS,
                    TrainingConfig.builder().optArchitecture(options.architecture()).optEpochs(options.epochs()).build(),
                    run, training);
            ReportFiles report = RunEvaluation.evaluate(ws, run, run.resolve("report"));
            Map<Path, String> truth = new LinkedHashMap<>();
            for (DatasetWindow w : trained.data().test().windows()) {
                CatalogFile f = ws.catalog().findById(w.ref().fileId()).orElseThrow();
                truth.putIfAbsent(Path.of(f.storedPath()), w.ref().composerId());
            }
            List<FilePrediction.Result> predictions = new ArrayList<>();
            try (Classifier classifier = Classifier.open(trained.bundle());
                 // the run's own settings: they name the soundbank its training audio was really rendered with
                 FilePrediction predictor = new FilePrediction(classifier, PipelineSettings.load(run))) {
                for (Path file : truth.keySet()) {
                    predictions.add(predictor.predict(file));
                }
            }
            DefaultModels.HeldOutPiece heldOut = heldOut(options, progress, training);
            Analysis who;
            try (Cadenza cadenza = Cadenza.builder().models(options.models().dir()).build()) {
                who = cadenza.analyze(heldOut.file());
            }
            return new Report(corpus, run, report, predictions, truth, heldOut, who);
        }
    }
}
