package org.cadenza.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cadenza benchmark}: accuracy on the fixed public splits ({@code bench} times speed). */
@Command(name = "benchmark", mixinStandardHelpOptions = true, subcommands = {ManyComposersCommand.class})
public final class BenchmarkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
