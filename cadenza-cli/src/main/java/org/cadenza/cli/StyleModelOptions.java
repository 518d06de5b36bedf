package org.cadenza.cli;

import java.util.List;
import java.util.Locale;

import org.cadenza.model.generation.LanguageModelConfig;
import org.cadenza.model.generation.LanguageModelRun;
import picocli.CommandLine.Option;

/** The style model of {@code train-style} and how it is trained: LSTM size, crops, epochs, conditioning. */
public final class StyleModelOptions {

    @Option(names = "--hidden", defaultValue = "256", description = "LSTM units per layer (the Chopin LSTM study: 512). Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--layers", defaultValue = "3", description = "Stacked LSTM layers. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--embedding", defaultValue = "128", description = "Token embedding size. Default: ${DEFAULT-VALUE}.")
    int embedding;

    @Option(names = "--dense", defaultValue = "256", description = "Dense layer after the LSTM. Default: ${DEFAULT-VALUE}.")
    int dense;

    @Option(names = "--dropout", defaultValue = "0.3", description = "Dropout. Default: ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--context", defaultValue = "256", paramLabel = "TOKENS",
            description = "Tokens per training crop: the longest context the model uses. Default: ${DEFAULT-VALUE}.")
    int context;

    @Option(names = "--batch", defaultValue = "32", description = "Crops per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--tokens-per-epoch", defaultValue = "0", paramLabel = "N",
            description = "Tokens drawn per epoch (0 = as many as the training pieces hold). Default: ${DEFAULT-VALUE}.")
    long tokensPerEpoch;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs at most. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--patience", defaultValue = "4",
            description = "Stop after this many epochs without a lower validation loss (0 = never). Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate (AdamW, one cycle). Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--condition", defaultValue = "auto",
            description = {"How a model of several composers knows the composer: every-step (the composer token's",
                    "embedding added to every input), first-token (only the crop's first token), or auto (every-step",
                    "for several composers, first-token for one). Default: ${DEFAULT-VALUE}."})
    String condition;

    @Option(names = "--balance-composers",
            description = {"For several composers: draw each composer equally often in training, rather than in",
                    "proportion to how much music each has."})
    boolean balanceComposers;

    /** The model and training configuration for these {@code composers}, with this {@code seed}. */
    LanguageModelConfig config(long seed, List<String> composers) {
        return new LanguageModelConfig(embedding, hidden, layers, dense, dropout, context, batch, tokensPerEpoch,
                epochs, patience, learningRate, LanguageModelConfig.defaults().weightDecay(),
                LanguageModelConfig.defaults().clipGradient(), seed, conditioning(composers), balanceComposers);
    }

    /** Whether the composer is added to every step: for a model of several composers, unless told otherwise. */
    boolean conditioning(List<String> composers) {
        boolean several = composers.size() > 1 || composers.equals(List.of(LanguageModelRun.ALL));
        return switch (condition.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> several;
            case "every-step" -> true;
            case "first-token" -> false;
            default -> throw new IllegalArgumentException("--condition: expected auto, every-step or first-token, got "
                    + condition);
        };
    }
}
