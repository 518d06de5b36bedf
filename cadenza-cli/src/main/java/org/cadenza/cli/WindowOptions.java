package org.cadenza.cli;

import org.cadenza.features.WindowSpec;
import picocli.CommandLine.Option;

/** How a file's spectrogram is cut into windows, and its mel bands (features, and the trainings that read them). */
public final class WindowOptions {

    @Option(names = "--window", defaultValue = "5s")
    String window;

    @Option(names = "--hop")
    String hop;

    @Option(names = "--mels", defaultValue = "128")
    int mels;

    /** @return windows of --window every --hop (every window length when no hop is given) */
    WindowSpec spec() {
        return WindowSpec.parse(hop == null ? window : window + "/" + hop);
    }
}
