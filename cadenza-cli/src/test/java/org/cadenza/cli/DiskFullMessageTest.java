package org.cadenza.cli;

import org.cadenza.io.BadInputException;
import org.cadenza.io.DiskFullException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk is one line on stderr and the error exit code, never a stack trace. */
class DiskFullMessageTest {

    private static final Path FLAC = Path.of("/ws/audio/0123/abc.flac");

    /** A command that fails as a job does when the disk is full. */
    @CommandLine.Command(name = "render")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    /** Runs {@code failure} through Cadenza's exception handler; returns (exit code, stderr). */
    private static String[] run(RuntimeException failure) {
        CommandLine cl = new CommandLine(new Failing(failure));
        cl.setExecutionExceptionHandler(CadenzaCommand::handle);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute();
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void theMessageNamesTheFileBeingWritten() {
        DiskFullException full = new DiskFullException(FLAC, new IOException("No space left on device"));
        assertEquals(Optional.of("cadenza: disk full while writing /ws/audio/0123/abc.flac: free some space and rerun"
                + " (finished work is kept)"), CadenzaCommand.diskFullLine(full));
        // wrapped by a job, or never mapped: still recognised, the file taken from the platform's exception
        assertEquals(CadenzaCommand.diskFullLine(full), CadenzaCommand.diskFullLine(new RuntimeException("render failed", full)));
        assertEquals(Optional.of("cadenza: disk full while writing /ws/features/x.bin: free some space and rerun"
                + " (finished work is kept)"), CadenzaCommand.diskFullLine(new UncheckedIOException("cannot write",
                new FileSystemException("/ws/features/x.bin", null, "No space left on device"))));
        assertEquals(Optional.of("cadenza: disk full: free some space and rerun (finished work is kept)"),
                CadenzaCommand.diskFullLine(new UncheckedIOException(new IOException("No space left on device"))));
        assertEquals(Optional.empty(), CadenzaCommand.diskFullLine(new BadInputException(FLAC, "truncated")));
    }

    @Test
    void theHandlerPrintsOneLineAndTheErrorCode() {
        IOException platform = new IOException("No space left on device");
        for (int i = 0; i < 40; i++) { // a deep chain, as a job's wrapping gives
            platform.addSuppressed(new IOException("close failed " + i));
        }
        String[] r = run(new RuntimeException("render job failed",
                new DiskFullException(FLAC, new UncheckedIOException(platform))));
        assertEquals(String.valueOf(ExitCode.ERROR), r[0]);
        assertEquals("cadenza: disk full while writing /ws/audio/0123/abc.flac: free some space and rerun"
                + " (finished work is kept)" + System.lineSeparator(), r[1]);
    }

    @Test
    void otherErrorsStillGoToCadenzasHandler() {
        String[] r = run(new BadInputException(Path.of("x.mid"), "truncated MIDI file"));
        assertEquals(String.valueOf(ExitCode.BAD_INPUT), r[0]);
        assertTrue(r[1].startsWith("cadenza render: bad input: x.mid: truncated MIDI file"), r[1]);
    }
}
