package org.cadenza.cli;

import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The top-level {@code cadenza} command: a list of subcommands, the exit codes, one exception handler. Every command's
 * help text is in the resource bundle {@value #HELP} (src/main/resources/org/cadenza/cli/help.properties), which the
 * subcommands inherit.
 */
@Command(name = "cadenza", mixinStandardHelpOptions = true, versionProvider = CadenzaCommand.Version.class,
        resourceBundle = CadenzaCommand.HELP,
        subcommands = {
                WhoCommand.class,
                ModelsCommand.class,
                IngestCommand.class,
                RenderCommand.class,
                FeaturesCommand.class,
                ShowCommand.class,
                ConvertCommand.class,
                BenchmarkCommand.class,
                StatusCommand.class,
                TrainCommand.class,
                PredictCommand.class,
                EvaluateCommand.class,
                EmbedCommand.class,
                IdentifyCommand.class,
                EnrolCommand.class,
                OpenSetCommand.class,
                MapCommand.class,
                InstrumentsCommand.class,
                TrainStyleCommand.class,
                GenerateCommand.class,
                StyleEvalCommand.class,
                CompareCommand.class,
                LrFindCommand.class,
                DatasetsCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class CadenzaCommand implements Runnable {

    /** The resource bundle of every command's help text. */
    static final String HELP = "org.cadenza.cli.help";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: exception handler and exit codes in place. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CadenzaCommand());
        cl.setExecutionExceptionHandler(CadenzaCommand::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        cl.setUsageHelpWidth(110);
        return cl;
    }

    /** Maps exceptions to a one-line message (plus causes) and an exit code; stack traces only with CADENZA_DEBUG=1. */
    static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        java.util.Optional<String> diskFull = diskFullLine(e);
        if (diskFull.isPresent()) {
            err.println(diskFull.get());
            err.flush();
            return ExitCode.ERROR;
        }
        int code = e instanceof BadInputException ? ExitCode.BAD_INPUT : ExitCode.ERROR;
        String prefix = e instanceof BadInputException ? "bad input: " : "error: ";
        if (e instanceof CadenzaException || e instanceof IllegalArgumentException) {
            err.println("cadenza " + cl.getCommandName() + ": " + prefix + e.getMessage());
        } else {
            err.println("cadenza " + cl.getCommandName() + ": unexpected " + e);
        }
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            err.println("  caused by: " + c);
        }
        if ("1".equals(System.getenv("CADENZA_DEBUG"))) {
            e.printStackTrace(err);
        } else if (!(e instanceof CadenzaException)) {
            err.println("  (set CADENZA_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return code;
    }

    /**
     * The message for a full disk, when {@code e} is or is caused by one: {@code cadenza: disk full while writing
     * <path>: free some space and rerun (finished work is kept)}, naming the file of the
     * {@link org.cadenza.io.DiskFullException} (or of a {@link java.nio.file.FileSystemException} among the causes);
     * without a known file, {@code cadenza: disk full: free some space and rerun (finished work is kept)}. Empty for
     * any other exception.
     */
    static java.util.Optional<String> diskFullLine(Throwable e) {
        if (!org.cadenza.io.DiskFullException.isDiskFull(e)) {
            return java.util.Optional.empty();
        }
        java.util.Optional<java.nio.file.Path> file = org.cadenza.io.DiskFullException.from(e, null)
                .map(org.cadenza.io.DiskFullException::file);
        return java.util.Optional.of("cadenza: disk full" + file.map(f -> " while writing " + f).orElse("")
                + ": free some space and rerun (finished work is kept)");
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CadenzaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"cadenza " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
