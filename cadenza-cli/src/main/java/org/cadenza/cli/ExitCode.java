package org.cadenza.cli;

/** The exit codes of every Cadenza command; {@code --help} of the top command lists them. */
public final class ExitCode {
    /** Everything asked was done. */
    public static final int OK = 0;
    /** Nothing useful was done: an error stopped the command (message on stderr). */
    public static final int ERROR = 1;
    /** The command line itself was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Partial failure: the command finished, but some files were bad or failed (listed in the report). */
    public static final int PARTIAL = 3;
    /** The single input file given was bad (message names the file and the problem). */
    public static final int BAD_INPUT = 4;

    private ExitCode() {
    }

    /** Partial when there were failures, OK otherwise. */
    public static int of(long failures) {
        return failures > 0 ? PARTIAL : OK;
    }
}
