package org.cadenza.cli;

import org.cadenza.io.DiskFullException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Entry point of the {@code cadenza} command. The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    /** Tribuo logs every training at INFO through java.util.logging; the command line shows its own progress. */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

    public static void main(String[] args) {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        // Smile's t-SNE (cadenza map) logs its error every 100 iterations at INFO through slf4j-simple
        System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCode}); never exits the JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line ({@link CadenzaCommand#commandLine()}) with a full disk reported on one line: see
     * {@link #withDiskFullHandler}.
     */
    static CommandLine commandLine() {
        return withDiskFullHandler(CadenzaCommand.commandLine());
    }

    /**
     * Puts a handler in front of {@code cl}'s execution exception handler: an exception that is, or is caused by, a
     * full disk ({@link DiskFullException#isDiskFull}) prints the single line of {@link #diskFullLine} on the error
     * stream, no stack trace and no causes, and gives {@link ExitCode#ERROR}; every other exception goes to the
     * handler that was there.
     */
    static CommandLine withDiskFullHandler(CommandLine cl) {
        CommandLine.IExecutionExceptionHandler others = cl.getExecutionExceptionHandler();
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            Optional<String> line = diskFullLine(e);
            if (line.isEmpty()) {
                return others.handleExecutionException(e, command, parseResult);
            }
            PrintWriter err = command.getErr();
            err.println(line.get());
            err.flush();
            return ExitCode.ERROR;
        });
        return cl;
    }

    /**
     * The message for a full disk, when {@code e} is or is caused by one: {@code cadenza: disk full while writing
     * <path>: free some space and rerun (finished work is kept)}, naming the file of the {@link DiskFullException}
     * (or of a {@link java.nio.file.FileSystemException} among the causes); without a known file,
     * {@code cadenza: disk full: free some space and rerun (finished work is kept)}. Empty for any other exception.
     */
    static Optional<String> diskFullLine(Throwable e) {
        if (!DiskFullException.isDiskFull(e)) {
            return Optional.empty();
        }
        Optional<Path> file = DiskFullException.from(e, null).map(DiskFullException::file);
        return Optional.of("cadenza: disk full" + file.map(f -> " while writing " + f).orElse("")
                + ": free some space and rerun (finished work is kept)");
    }
}
