package org.cadenza.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.eval.multilabel.ThresholdTuning;
import org.cadenza.api.run.InstrumentRun;
import org.cadenza.features.instruments.InstrumentMap;
import org.cadenza.model.Architecture;
import org.cadenza.model.ModelRuntime;
import org.cadenza.model.multitask.Heads;
import org.cadenza.model.multitask.MultiTaskConfig;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza instruments}: train and evaluate the multi-label instrument head. */
@Command(name = "instruments", header = "Trains a network that says which instrument families play, alone or beside the composer.", mixinStandardHelpOptions = true,
        description = {"Trains a network that says which instrument families play in each window (several at once:",
                "sigmoid outputs, binary cross-entropy), alone or beside the composer head (--heads), on audio",
                "rendered with the files' own instruments (cadenza render WS --program original; recordings need",
                "MIDI beside them for labels). A window's families are those whose notes sound in it for at least",
                "0.25 s (General MIDI program -> family, channel 10 = percussion: docs/INSTRUMENTS.md; --map",
                "overrides it). Families in fewer than --min-pieces training pieces are dropped, as the MusicNet study did.",
                "Thresholds are tuned per family on validation; the test split gets the exact-match ratio, Hamming",
                "loss and per-family precision, recall and F1, by window and by piece, beside prior baselines.",
                "Writes RUN/instruments.md. Rerun to resume.",
                "Example: cadenza instruments mcws --run runs/instruments --first-seconds 60"})
public final class InstrumentsCommand implements Callable<Integer> {

    @Mixin
    WorkspaceArgument workspaceArgument;
    private Path workspace;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder.")
    Path run;

    @Option(names = "--heads", defaultValue = "composer+instruments",
            description = "instruments, or composer+instruments (multi-task). Default: ${DEFAULT-VALUE}.")
    String heads;

    @Option(names = "--instrument-weight", defaultValue = "1",
            description = "Weight of the instruments' loss beside the composer's. Default: ${DEFAULT-VALUE}.")
    double instrumentWeight;

    @Option(names = "--map", paramLabel = "CSV", description = "A program,family CSV overriding the built-in mapping.")
    Path map;

    @Option(names = "--rare", defaultValue = "10", paramLabel = "N",
            description = "Drop families in fewer than N training pieces. Default: ${DEFAULT-VALUE}.")
    int rare;

    @Option(names = "--model", defaultValue = "small", description = "Trunk: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Architecture model;

    @Option(names = "--epochs", defaultValue = "12", description = "Epochs at most. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--patience", defaultValue = "4", description = "Early-stopping patience. Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--tune", defaultValue = "accuracy",
            description = {"What each family's threshold maximises on validation: accuracy (fewest wrong cells: the",
                    "Hamming loss and exact-match ratio), f1 or balanced-accuracy. Default: ${DEFAULT-VALUE}."})
    String tune;

    @Option(names = "--stop-on", defaultValue = "val-accuracy",
            description = {"Best epoch and early stopping: val-accuracy (validation windows with every family right",
                    "at 0.5) or val-loss. Default: ${DEFAULT-VALUE}."})
    String stopOn;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TorchThreadsOption torch;

    @Mixin
    DatasetOptions data;

    @Override
    public Integer call() throws Exception {
        workspace = workspaceArgument.dir();
        int n = threads.resolve();
        torch.apply(n);
        Heads h = switch (heads.toLowerCase(Locale.ROOT)) {
            case "instruments" -> Heads.INSTRUMENTS;
            case "composer+instruments", "both" -> Heads.COMPOSER_AND_INSTRUMENTS;
            default -> throw new IllegalArgumentException("--heads: expected instruments or composer+instruments, got "
                    + heads);
        };
        TrainingConfig tc = TrainingConfig.builder().optArchitecture(model).optEpochs(epochs).optMaxLearningRate(lr)
                .optPatience(patience).optSeed(data.seed).optStopMetric(switch (stopOn) {
                    case "val-accuracy" -> TrainingConfig.StopMetric.VAL_ACCURACY;
                    case "val-loss" -> TrainingConfig.StopMetric.VAL_LOSS;
                    default -> throw new IllegalArgumentException("--stop-on: expected val-accuracy or val-loss, got "
                            + stopOn);
                }).build();
        ThresholdTuning.Objective objective = switch (tune) {
            case "accuracy" -> ThresholdTuning.Objective.ACCURACY;
            case "f1" -> ThresholdTuning.Objective.F1;
            case "balanced-accuracy" -> ThresholdTuning.Objective.BALANCED_ACCURACY;
            default -> throw new IllegalArgumentException("--tune: expected accuracy, f1 or balanced-accuracy, got "
                    + tune);
        };
        InstrumentMap m = map == null ? InstrumentMap.builtIn() : InstrumentMap.load(map);
        try (Workspace ws = WorkspaceOption.existing(workspace);
             TrainingProgress progress = new TrainingProgress(r -> String.format(Locale.ROOT,
                     "epoch %d: train loss %.3f, all families right %.1f%% | val loss %.3f, all right %.1f%%",
                     r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), r.valLoss(), 100 * r.valAccuracy()),
                     "loss %.3f all-right %.1f%% %.0f win/s")) {
            InstrumentRun.Report r = InstrumentRun.run(ws, data.pipeline(), data.dataset(), m, rare,
                    new MultiTaskConfig(tc, h, instrumentWeight), objective, run, progress, new ConsoleProgress(), n);
            System.out.print(Files.readString(r.report()));
            System.out.println("report: " + r.report());
        }
        return ExitCode.OK;
    }
}
