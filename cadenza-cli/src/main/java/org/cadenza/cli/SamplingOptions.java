package org.cadenza.cli;

import org.cadenza.model.generation.SamplingSettings;
import picocli.CommandLine.Option;

/** How a style model draws music, one event at a time: temperature, top-k and top-p (generate, style-eval). */
public final class SamplingOptions {

    @Option(names = "--temperature", defaultValue = "1.0")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95", paramLabel = "P")
    double topP;

    /** The sampling these options ask for, drawn with {@code seed}. */
    SamplingSettings settings(long seed) {
        return new SamplingSettings(temperature, topK, topP, seed, true);
    }
}
