package org.cadenza.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the same option, meaning the same thing, in every command that has a result. */
public final class JsonOption {

    @Option(names = "--json", description = "Print the result as JSON (for scripts) instead of text.")
    boolean json;

    /** @return whether JSON was asked for */
    public boolean on() {
        return json;
    }
}
