package org.cadenza.cli;

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
        return CadenzaCommand.commandLine().execute(args);
    }
}
