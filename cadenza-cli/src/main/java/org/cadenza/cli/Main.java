package org.cadenza.cli;

import picocli.CommandLine;

/** Entry point of the {@code cadenza} command. The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCode}); never exits the JVM. */
    public static int run(String... args) {
        return CadenzaCommand.commandLine().execute(args);
    }
}
