package org.cadenza.cli;

import picocli.CommandLine.Option;

/** {@code --false-alarm}: what the unknown-composer threshold is calibrated for (embed, openset). */
public final class FalseAlarmOption {

    @Option(names = "--false-alarm", defaultValue = "0.05", paramLabel = "RATE")
    double rate;

    /** @return the share of known validation pieces the threshold may call unknown, in [0, 1) */
    public double rate() {
        return rate;
    }
}
