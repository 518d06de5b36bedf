package org.cadenza.cli;

import org.cadenza.features.FeatureKind;
import picocli.CommandLine.Option;

/** {@code --kind}: which spectrogram (features, show). */
public final class FeatureKindOption {

    @Option(names = "--kind", defaultValue = "logmel")
    FeatureKind kind;

    /** @return the spectrogram asked for */
    public FeatureKind value() {
        return kind;
    }
}
