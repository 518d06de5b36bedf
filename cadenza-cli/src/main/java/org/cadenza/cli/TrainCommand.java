package org.cadenza.cli;

import java.util.List;
import java.util.OptionalDouble;

import org.cadenza.api.run.RouteTrainingRun;
import org.cadenza.features.pianoroll.PianoRollParams;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.fusion.LateFusion;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;
import org.cadenza.model.pianoroll.PianoRollSettings;
import org.cadenza.model.pianoroll.PianoRollTraining;
import org.cadenza.model.route.InputRoute;
import org.cadenza.model.train.TrainingResult;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.dataset.WindowSelection;
import org.cadenza.api.run.TrainingRun;
import org.cadenza.api.run.TrialsRun;
import org.cadenza.features.FeatureKind;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.WindowSpec;
import org.cadenza.model.Architecture;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.pipeline.PipelineSettings;
import org.cadenza.model.pipeline.WorkspaceTraining;
import org.cadenza.model.train.BatchEvent;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.render.RenderSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cadenza train}: a classifier from a workspace's windows. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a classifier on the workspace's featurised windows.",
                "The split is strictly by piece (every file and window of a piece on one side): 70/10/20 per class by",
                "default, or a given split file. The run folder holds the checkpoints, history.csv, dataset.txt and",
                "model/ (weights + contract); rerunning with the same --run resumes after the last finished epoch.",
                "With --trials N: N trainings in RUN/trial-01..NN with seeds seed, seed+1, ... (a random split is drawn",
                "again each time; with --split-file only the training seed changes), each evaluated on its test split,",
                "summarised in RUN/trials.csv, trials.md (mean, median, min, max) and trials.png; finished trials are",
                "skipped on rerun.",
                "",
                "--input picks what the model reads (see docs/ROUTES.md):",
                "  audio      MIDI rendered with a soundfont (or recordings) -> log-mel windows -> CNN (--model)",
                "  notes      the MIDI notes themselves -> symbolic features per --note-window -> a Tribuo classifier",
                "             (--classifier); no audio at all, trains in seconds",
                "  pianoroll  the MIDI notes as onset and frame rolls (88 pitches x --fps frames/s) -> CNN (--model)",
                "  fusion     trains a notes and a piano-roll member in RUN/notes and RUN/pianoroll, adds --members runs",
                "             (e.g. an audio run), and fits late-fusion weights on the validation split only."})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "A rendered and featurised workspace.")
    Path workspace;

    @Option(names = "--run", paramLabel = "DIR",
            description = "The run folder (created, or resumed). Default: WORKSPACE/runs/<input>-<target>-<date-time>.")
    Path run;

    @Option(names = "--model", defaultValue = "small",
            description = "Network: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Architecture model;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs at most. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (one-cycle). Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--optimizer", defaultValue = "adamw",
            description = "AdamW, or SGD with momentum 0.9 (try --lr 0.05 with SGD). Default: ${DEFAULT-VALUE}.")
    TrainingConfig.OptimizerKind optimizer;

    @Option(names = "--weight-decay", defaultValue = "1e-4",
            description = "Decoupled (AdamW) or L2 (SGD) weight decay. Default: ${DEFAULT-VALUE}.")
    double weightDecay;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--stop-on", defaultValue = "val_loss",
            description = "Early stopping and the kept epoch follow: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    TrainingConfig.StopMetric stopOn;

    @Option(names = "--patience", defaultValue = "5",
            description = "Epochs without improvement before stopping (0 = never stop early). Default: ${DEFAULT-VALUE}.")
    int patience;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

    @Option(names = "--ensemble", defaultValue = "1", paramLabel = "K",
            description = {"Train K networks (seeds seed, seed+1, ...; members 2..K in RUN/member-k) and average "
                    + "their class probabilities. Default: ${DEFAULT-VALUE}."})
    int ensemble;

    @Option(names = "--trials", paramLabel = "N",
            description = "Repeated trials with seeds seed .. seed+N-1, summarised as mean, median, min and max.")
    Integer trials;

    @Option(names = "--input", defaultValue = "audio", paramLabel = "ROUTE",
            description = "What the model reads: audio, notes, pianoroll or fusion. Default: ${DEFAULT-VALUE}.")
    String input;

    @Option(names = "--classifier", defaultValue = "logistic", paramLabel = "NAME",
            description = {"--input notes/fusion: the Tribuo model: logistic, sgd-hinge, sgd-log, sgd-modified-huber, "
                    + "sgd-perceptron, knn, adaboost, random-forest, extra-trees. Default: ${DEFAULT-VALUE}."})
    String classifier;

    @Option(names = "--note-window", defaultValue = "30s/15s", paramLabel = "SPEC",
            description = {"--input notes/fusion: windows of notes, by seconds (30s, 30s/15s) or bars (8bars, "
                    + "8bars/4bars). Default: ${DEFAULT-VALUE}."})
    String noteWindow;

    @Option(names = "--pca", paramLabel = "FRACTION",
            description = "--input notes: keep the principal components explaining this fraction of the variance (seed 002: 0.75).")
    Double pca;

    @Option(names = "--chunk-files", paramLabel = "N",
            description = {"--input notes: train over chunks of N training files, one chunk in memory at a time "
                    + "(seed 002's incremental training, for corpora that do not fit in memory): one model per chunk, "
                    + "combined in a weighted ensemble; every class needs at least as many files as there are chunks."})
    Integer chunkFiles;

    @Option(names = "--fps", defaultValue = "16", paramLabel = "FPS",
            description = "--input pianoroll/fusion: piano-roll frames per second (10-20). Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--members", split = ",", paramLabel = "RUN",
            description = "--input fusion: trained runs (any route, e.g. an audio run) to fuse with its own members.")
    List<Path> members = List.of();

    @Option(names = "--fuse", defaultValue = "notes,pianoroll", paramLabel = "ROUTES",
            description = "--input fusion: which members it trains itself: notes, pianoroll, both or none. Default: ${DEFAULT-VALUE}.")
    String fuse;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Override
    public Integer call() {
        if (trials != null && trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        torch.apply(1);
        TrainingConfig config = TrainingConfig.builder().optArchitecture(model).optEpochs(epochs)
                .optOptimizer(optimizer).optWeightDecay(weightDecay)
                .optMaxLearningRate(lr).optBatchSize(batch).optSeed(data.seed).optStopMetric(stopOn)
                .optPatience(patience).optEnsembleMembers(ensemble).build();
        InputRoute route;
        try {
            route = InputRoute.parse(input);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--input: " + e.getMessage());
        }
        if (route != InputRoute.AUDIO && trials != null) {
            throw new ParameterException(spec.commandLine(), "--trials works with --input audio only for now");
        }
        refuseOptionsOtherRoutesUse(route);
        if (run == null) {
            run = workspace.resolve("runs").resolve(route.cliName() + "-" + data.target.replace(':', '-') + "-"
                    + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                    "yyyyMMdd-HHmmss")));
            System.err.println("run folder: " + run + " (--run DIR to choose one; rerun with it to resume)");
        }
        try (Workspace ws = WorkspaceOption.existing(workspace); TrainingProgress progress = new TrainingProgress()) {
            int fileThreads = threads.resolve();
            if (route == InputRoute.NOTES) {
                NotesTraining.Result r = chunkFiles == null
                        ? RouteTrainingRun.notes(ws, notesSettings(), data.dataset(ws), classicalConfig(), run,
                                new ConsoleProgress(), fileThreads)
                        : RouteTrainingRun.notesInChunks(ws, notesSettings(), data.dataset(ws), classicalConfig(),
                                chunkFiles, run, new ConsoleProgress(), fileThreads);
                System.out.print(describe(r));
                r.model().pcaComponents().ifPresent(k -> System.out.printf(Locale.ROOT, "PCA: %d of %d components keep "
                        + "%.0f %% of the variance (plot: %s)%n", k, r.model().featureNames().size(), 100 * pca,
                        run.resolve(RouteTrainingRun.PCA_PNG)));
                return r.problems().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
            }
            if (route == InputRoute.PIANOROLL) {
                PianoRollTraining.Result r = RouteTrainingRun.pianoRoll(ws, rollSettings(), data.dataset(ws), config,
                        run, progress, new ConsoleProgress(), fileThreads);
                printBest(r.training());
                System.out.println("model: " + r.bundle().dir());
                return r.problems().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
            }
            if (route == InputRoute.FUSION) {
                java.util.Set<String> own = new java.util.TreeSet<>();
                for (String f : fuse.split(",")) {
                    if (!f.isBlank() && !f.trim().equals("none")) {
                        own.add(InputRoute.parse(f).cliName());
                    }
                }
                if (!java.util.Set.of("notes", "pianoroll").containsAll(own)) {
                    throw new ParameterException(spec.commandLine(), "--fuse: notes, pianoroll, both or none, got " + fuse);
                }
                if (own.size() + members.size() < 2) {
                    throw new ParameterException(spec.commandLine(), "fusion needs at least two members: "
                            + own.size() + " of its own (--fuse) and " + members.size() + " given (--members)");
                }
                LateFusion f = RouteTrainingRun.fusion(ws, data.dataset(ws), new RouteTrainingRun.Members(
                        own.contains("notes") ? notesSettings() : null, classicalConfig(),
                        own.contains("pianoroll") ? rollSettings() : null, config, members), run, progress,
                        new ConsoleProgress(), fileThreads);
                System.out.println(f);
                System.out.println("fusion: " + run.resolve(LateFusion.FILE));
                return ExitCode.OK;
            }
            if (trials != null) {
                TrialsRun.Result t = TrialsRun.run(ws, data.pipeline(), data.dataset(ws), config, trials, run, progress,
                        new ConsoleProgress(), threads.resolve(), line -> {
                            progress.close();
                            System.err.println(line);
                        });
                System.out.print(t.toText());
                System.out.println("trials: " + run.resolve(TrialsRun.MARKDOWN) + ", " + run.resolve(TrialsRun.PNG));
                return t.trials().size() == trials ? ExitCode.OK : ExitCode.PARTIAL;
            }
            WorkspaceTraining.Result r = TrainingRun.train(ws, data.pipeline(), data.dataset(ws), config, run, progress,
                    new ConsoleProgress(), threads.resolve());
            System.out.print(r.data().toText());
            printBest(r.training());
            System.out.println("model: " + r.bundle().dir());
            return ExitCode.OK;
        }
    }

    /** Options that only some routes read, with those routes: given for another route, they are refused. */
    private static final java.util.Map<String, java.util.Set<InputRoute>> ROUTES_OF = java.util.Map.ofEntries(
            java.util.Map.entry("--model", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--epochs", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--lr", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--optimizer", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--weight-decay", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--batch", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--stop-on", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--patience", java.util.EnumSet.of(InputRoute.AUDIO, InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--trials", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--stack", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--mels", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--transpose", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--tempo", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--soundfont", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--program", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--rate", java.util.EnumSet.of(InputRoute.AUDIO)),
            java.util.Map.entry("--classifier", java.util.EnumSet.of(InputRoute.NOTES, InputRoute.FUSION)),
            java.util.Map.entry("--note-window", java.util.EnumSet.of(InputRoute.NOTES, InputRoute.FUSION)),
            java.util.Map.entry("--pca", java.util.EnumSet.of(InputRoute.NOTES)),
            java.util.Map.entry("--chunk-files", java.util.EnumSet.of(InputRoute.NOTES)),
            java.util.Map.entry("--fps", java.util.EnumSet.of(InputRoute.PIANOROLL, InputRoute.FUSION)),
            java.util.Map.entry("--members", java.util.EnumSet.of(InputRoute.FUSION)),
            java.util.Map.entry("--fuse", java.util.EnumSet.of(InputRoute.FUSION)));

    private void refuseOptionsOtherRoutesUse(InputRoute route) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (java.util.Map.Entry<String, java.util.Set<InputRoute>> e : new java.util.TreeMap<>(ROUTES_OF).entrySet()) {
            if (parsed.hasMatchedOption(e.getKey()) && !e.getValue().contains(route)) {
                throw new ParameterException(spec.commandLine(), e.getKey() + " does not apply to --input "
                        + route.cliName() + ": it is read by --input " + String.join(" and ", e.getValue().stream()
                        .map(InputRoute::cliName).toList()));
            }
        }
    }

    private static void printBest(TrainingResult t) {
        EpochRecord best = t.best();
        System.out.printf(Locale.ROOT, "%s: best epoch %d of %d, validation accuracy %.1f %% (window level), loss %.3f%n",
                t.status(), t.bestEpoch(), t.history().size(), 100 * best.valAccuracy(), best.valLoss());
    }

    private NotesSettings notesSettings() {
        NoteWindowSpec w;
        try {
            w = NoteWindowSpec.parse(noteWindow);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--note-window: " + e.getMessage());
        }
        NotesSettings d = NotesSettings.defaults();
        return new NotesSettings(d.features(), w, data.firstSeconds == null ? OptionalDouble.empty()
                : OptionalDouble.of(data.firstSeconds), d.pedal());
    }

    private ClassicalConfig classicalConfig() {
        ClassicalConfig.Builder b = ClassicalConfig.builder();
        try {
            b.setAlgorithm(ClassicalAlgorithm.parse(classifier));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--classifier: " + e.getMessage());
        }
        b.optSeed(data.seed);
        if (pca != null) {
            b.optPcaVariance(pca);
        }
        return b.build();
    }

    private PianoRollSettings rollSettings() {
        PianoRollSettings d = PianoRollSettings.defaults();
        PianoRollParams roll;
        try {
            roll = PianoRollParams.builder().optFramesPerSecond(fps).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--fps: " + e.getMessage());
        }
        return new PianoRollSettings(roll, data.pipeline().window(), data.firstSeconds == null
                ? OptionalDouble.empty() : OptionalDouble.of(data.firstSeconds), d.pedal());
    }

    private static String describe(NotesTraining.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "notes route: %d classes, %d training windows of %d pieces; features %.1f s,"
                + " training %.1f s%n", r.split().classes().size(), java.util.Arrays.stream(r.windowsPerClass()).sum(),
                java.util.Arrays.stream(r.piecesPerClass()).sum(), r.featureSeconds(), r.trainingSeconds()));
        for (int c = 0; c < r.split().classes().size(); c++) {
            b.append(String.format(Locale.ROOT, "  %-16s %6d windows %4d pieces%n", r.split().classes().get(c),
                    r.windowsPerClass()[c], r.piecesPerClass()[c]));
        }
        if (!r.split().excluded().isEmpty()) {
            b.append("left out: ").append(org.cadenza.corpus.dataset.TrainableSplit.describe(r.split().excluded()))
                    .append('\n');
        }
        r.problems().forEach(p -> b.append("left out: ").append(p).append('\n'));
        return b.toString();
    }
}
