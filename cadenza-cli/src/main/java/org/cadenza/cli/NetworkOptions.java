package org.cadenza.cli;

import org.cadenza.model.Architecture;
import org.cadenza.model.train.TrainingConfig;
import picocli.CommandLine.Option;

/** The network a route trains and how (train --input audio, pianoroll and fusion): architecture, epochs, optimiser. */
public final class NetworkOptions {

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

    @Option(names = "--ensemble", defaultValue = "1", paramLabel = "K",
            description = {"Train K networks (seeds seed, seed+1, ...; members 2..K in RUN/member-k) and average "
                    + "their class probabilities. Default: ${DEFAULT-VALUE}."})
    int ensemble;

    /** The training configuration these options give, with the data's {@code seed}. */
    TrainingConfig config(long seed) {
        return TrainingConfig.builder().optArchitecture(model).optEpochs(epochs)
                .optOptimizer(optimizer).optWeightDecay(weightDecay)
                .optMaxLearningRate(lr).optBatchSize(batch).optSeed(seed).optStopMetric(stopOn)
                .optPatience(patience).optEnsembleMembers(ensemble).build();
    }
}
