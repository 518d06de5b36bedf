package org.cadenza.cli;

import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The workspace, given the same way to every command: {@code -w DIR} / {@code --workspace DIR}, else
 * {@code $CADENZA_WORKSPACE}. The older form, the workspace as the first argument, is still read (hidden from the help).
 */
public final class WorkspaceArgument {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR")
    Path option;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", hidden = true)
    Path positional;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Opens the workspace asked for, which must exist (else the message says how to make one). */
    public org.cadenza.corpus.Workspace open() {
        return WorkspaceOption.existing(dir());
    }

    /**
     * @return the workspace folder asked for
     * @throws ParameterException when none is given, or two different ones
     */
    public Path dir() {
        return resolve(mixee, option, positional);
    }

    /**
     * The workspace of a command that reads it as -w or as an older positional argument of its own (style-eval, whose
     * first argument is the run): -w, else the argument, else {@code $CADENZA_WORKSPACE}.
     *
     * @throws ParameterException when none is given, or two different ones
     */
    static Path resolve(CommandSpec command, Path option, Path positional) {
        if (option != null && positional != null && !option.equals(positional)) {
            throw new ParameterException(command.commandLine(), "two workspaces given: -w " + option + " and "
                    + positional + "; give one, with -w DIR");
        }
        if (option != null) {
            return option;
        }
        if (positional != null) {
            return positional;
        }
        String env = System.getenv("CADENZA_WORKSPACE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        throw new ParameterException(command.commandLine(), "which workspace? give it with -w DIR (a folder made by "
                + "`cadenza ingest <music> -w DIR`), or set CADENZA_WORKSPACE");
    }
}
