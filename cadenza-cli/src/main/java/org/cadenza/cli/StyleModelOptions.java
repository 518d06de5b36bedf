package org.cadenza.cli;

import java.util.List;
import java.util.Locale;

import org.cadenza.model.generation.LanguageModelConfig;
import org.cadenza.model.generation.LanguageModelRun;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The style model of {@code train-style} and how it is trained: LSTM size, crops, epochs, conditioning. */
public final class StyleModelOptions {

    @Option(names = "--hidden", defaultValue = "256")
    int hidden;

    @Option(names = "--layers", defaultValue = "3")
    int layers;

    @Option(names = "--embedding", defaultValue = "128")
    int embedding;

    @Option(names = "--dense", defaultValue = "256")
    int dense;

    @Option(names = "--dropout", defaultValue = "0.3")
    double dropout;

    @Option(names = "--context", defaultValue = "256", paramLabel = "TOKENS")
    int context;

    @Option(names = "--batch", defaultValue = "32")
    int batch;

    @Option(names = "--tokens-per-epoch", defaultValue = "0", paramLabel = "N")
    long tokensPerEpoch;

    @Mixin
    TrainingSchedule schedule = new TrainingSchedule(20, 4, 0.002);

    @Option(names = "--condition", defaultValue = "auto")
    String condition;

    @Option(names = "--balance-composers")
    boolean balanceComposers;

    /** The model and training configuration for these {@code composers}, with this {@code seed}. */
    LanguageModelConfig config(long seed, List<String> composers) {
        return new LanguageModelConfig(embedding, hidden, layers, dense, dropout, context, batch, tokensPerEpoch,
                schedule.epochs.value(), schedule.patience, schedule.lr, LanguageModelConfig.defaults().weightDecay(),
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
