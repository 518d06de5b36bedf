package org.cadenza.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cadenza.eval.multilabel.ThresholdTuning;
import org.cadenza.features.instruments.InstrumentMap;
import org.cadenza.model.multitask.Heads;
import org.cadenza.model.multitask.MultiTaskConfig;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The network of {@code cadenza instruments}: what it answers, which instrument families it learns, how it trains and
 * how its per-family thresholds are tuned.
 */
public final class InstrumentOptions {

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

    @Option(names = "--stop-on", defaultValue = "val_accuracy", paramLabel = "METRIC")
    String stopOn;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The network and its training, with {@code seed}. */
    MultiTaskConfig config(long seed) {
        Map<String, Heads> answers = new LinkedHashMap<>();
        answers.put("instruments", Heads.INSTRUMENTS);
        answers.put("composer+instruments", Heads.COMPOSER_AND_INSTRUMENTS);
        answers.put("both", Heads.COMPOSER_AND_INSTRUMENTS);
        Map<String, TrainingConfig.StopMetric> stop = new LinkedHashMap<>();
        // spelled as in `train` (val_accuracy, val_loss); the hyphenated spelling of earlier versions still reads
        stop.put("val_accuracy", TrainingConfig.StopMetric.VAL_ACCURACY);
        stop.put("val_loss", TrainingConfig.StopMetric.VAL_LOSS);
        TrainingConfig tc = TrainingConfig.builder().optArchitecture(model.value()).optEpochs(schedule.epochs.value())
                .optMaxLearningRate(schedule.lr).optPatience(schedule.patience).optSeed(seed)
                .optStopMetric(OptionValues.choice(command, "--stop-on", stopOn.replace('-', '_'), stop)).build();
        return new MultiTaskConfig(tc, OptionValues.choice(command, "--heads", heads, answers), instrumentWeight);
    }

    /** What each family's threshold maximises on validation. */
    ThresholdTuning.Objective tuning() {
        Map<String, ThresholdTuning.Objective> objectives = new LinkedHashMap<>();
        objectives.put("accuracy", ThresholdTuning.Objective.ACCURACY);
        objectives.put("f1", ThresholdTuning.Objective.F1);
        objectives.put("balanced-accuracy", ThresholdTuning.Objective.BALANCED_ACCURACY);
        return OptionValues.choice(command, "--tune", tune, objectives);
    }

    /** The General MIDI program -&gt; family table: the CSV given, else the built-in one. */
    InstrumentMap instrumentMap() {
        return map == null ? InstrumentMap.builtIn() : InstrumentMap.load(map);
    }

    /** Progress lines for the instrument network's training. */
    static TrainingProgress progress() {
        return new TrainingProgress(r -> String.format(Locale.ROOT,
                "epoch %d: train loss %.3f, all families right %.1f%% | val loss %.3f, all right %.1f%%",
                r.epoch(), r.trainLoss(), 100 * r.trainAccuracy(), r.valLoss(), 100 * r.valAccuracy()),
                "loss %.3f all-right %.1f%% %.0f win/s");
    }
}
