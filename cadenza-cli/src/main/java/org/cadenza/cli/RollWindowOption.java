package org.cadenza.cli;

import picocli.CommandLine.Option;

/**
 * {@code --roll-window SPEC}: the windows of the piano roll (e.g. {@code 10s/5s}); each command gives its default where
 * it mixes it in, e.g. {@code @Mixin RollWindowOption rollWindow = new RollWindowOption("5s");} (shown by --help).
 */
public final class RollWindowOption {

    @Option(names = "--roll-window", paramLabel = "SPEC")
    String spec;

    /** For picocli; the commands give their default with {@link #RollWindowOption(String)}. */
    RollWindowOption() {
        this("10s/5s");
    }

    /** @param spec the windows by default, as --roll-window writes them */
    RollWindowOption(String spec) {
        this.spec = spec;
    }

    /** @return the windows as written, for {@link org.cadenza.features.WindowSpec#parse} */
    String value() {
        return spec;
    }
}
