package org.cadenza.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cadenza.corpus.Workspace;
import org.cadenza.eval.multilabel.ThresholdTuning;
import org.cadenza.api.run.InstrumentRun;
import org.cadenza.features.instruments.InstrumentMap;
import org.cadenza.model.multitask.Heads;
import org.cadenza.model.multitask.MultiTaskConfig;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cadenza instruments}: train and evaluate the multi-label instrument head. */
@Command(name = "instruments", mixinStandardHelpOptions = true)
public final class InstrumentsCommand implements Callable<Integer> {

    @Mixin
    RunFolderOption run;

    @Option(names = "--heads", defaultValue = "composer+instruments")
    String heads;

    @Option(names = "--instrument-weight", defaultValue = "1", paramLabel = "WEIGHT")
    double instrumentWeight;

    @Option(names = "--map", paramLabel = "CSV")
    Path map;

    @Option(names = "--rare", defaultValue = "10", paramLabel = "N")
    int rare;

    @Mixin
    ArchitectureOption model;

    @Mixin
    TrainingSchedule schedule = new TrainingSchedule(12, 4, 1e-3);

    @Option(names = "--tune", defaultValue = "accuracy")
    String tune;

    @Option(names = "--stop-on", defaultValue = "val-accuracy", paramLabel = "METRIC")
    String stopOn;

    @Mixin
    ThreadOptions threads;

    @Mixin
    DatasetOptions data;

    @Override
    public Integer call() throws Exception {
        int n = threads.resolve();
        threads.torch(n);
        Heads h = switch (heads.toLowerCase(Locale.ROOT)) {
            case "instruments" -> Heads.INSTRUMENTS;
            case "composer+instruments", "both" -> Heads.COMPOSER_AND_INSTRUMENTS;
            default -> throw new IllegalArgumentException("--heads: expected instruments or composer+instruments, got "
                    + heads);
        };
        TrainingConfig tc = TrainingConfig.builder().optArchitecture(model.value()).optEpochs(schedule.epochs)
                .optMaxLearningRate(schedule.lr)
                .optPatience(schedule.patience).optSeed(data.seed()).optStopMetric(switch (stopOn) {
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
        try (Workspace ws = data.workspace.open();
             TrainingProgress progress = new TrainingProgress(r -> String.format(Locale.ROOT,
                     "epoch %d: train loss %.3f, all families right %.1f%% | val loss %.3f, all right %.1f%%",
                     r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), r.valLoss(), 100 * r.valAccuracy()),
                     "loss %.3f all-right %.1f%% %.0f win/s")) {
            InstrumentRun.Report r = InstrumentRun.run(ws, data.pipeline(), data.dataset(), m, rare,
                    new MultiTaskConfig(tc, h, instrumentWeight), objective, run.dir(), progress, new ConsoleProgress(),
                    n);
            System.out.print(Files.readString(r.report()));
            System.out.println("report: " + r.report());
        }
        return ExitCode.OK;
    }
}
