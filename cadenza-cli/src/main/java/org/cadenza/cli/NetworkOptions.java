package org.cadenza.cli;

import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The network a route trains and how (train --input audio, pianoroll and fusion): architecture, epochs, optimiser. */
public final class NetworkOptions {

    @Mixin
    ArchitectureOption model;

    @Mixin
    TrainingSchedule schedule = new TrainingSchedule(10, 5, 1e-3);

    @Option(names = "--optimizer", defaultValue = "adamw")
    TrainingConfig.OptimizerKind optimizer;

    @Option(names = "--weight-decay", defaultValue = "1e-4", paramLabel = "DECAY")
    double weightDecay;

    @Option(names = "--batch", defaultValue = "32")
    int batch;

    @Option(names = "--stop-on", defaultValue = "val_loss", paramLabel = "METRIC")
    TrainingConfig.StopMetric stopOn;

    @Option(names = "--ensemble", defaultValue = "1", paramLabel = "K")
    int ensemble;

    /** The training configuration these options give, with the data's {@code seed}. */
    TrainingConfig config(long seed) {
        return TrainingConfig.builder().optArchitecture(model.value()).optEpochs(schedule.epochs.value())
                .optOptimizer(optimizer).optWeightDecay(weightDecay)
                .optMaxLearningRate(schedule.lr).optBatchSize(batch).optSeed(seed).optStopMetric(stopOn)
                .optPatience(schedule.patience).optEnsembleMembers(ensemble).build();
    }
}
