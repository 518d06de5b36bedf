package org.cadenza.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the platform throws on a full disk, mapped to one {@link DiskFullException}. */
class DiskFullExceptionTest {

    private static final Path OUT = Path.of("/ws/audio/k/abc.flac");

    @Test
    void aRealFullDeviceIsRecognised() {
        Path full = Path.of("/dev/full"); // Linux: every write fails with ENOSPC
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this system");
        IOException e = assertThrows(IOException.class, () -> Files.write(full, new byte[4096]));
        DiskFullException d = DiskFullException.from(e, OUT).orElseThrow(() -> new AssertionError("not mapped: " + e));
        assertSame(e, d.getCause(), "the cause is kept");
        assertTrue(DiskFullException.isDiskFull(e));
    }

    @Test
    void anIoExceptionSayingNoSpaceNamesTheFileBeingWritten() {
        IOException e = new IOException("No space left on device");
        DiskFullException d = DiskFullException.from(new UncheckedIOException("cannot write", e), OUT).orElseThrow();
        assertEquals(OUT, d.file());
        assertEquals(OUT + ": " + DiskFullException.PROBLEM, d.getMessage());
        assertEquals("disk full: free some space and rerun (finished work is kept)", d.problem());
        assertInstanceOf(ResourceLimitException.class, d);
        assertInstanceOf(UncheckedIOException.class, d.getCause());
    }

    @Test
    void aFileSystemExceptionNamesItsOwnFile() {
        FileSystemException e = new FileSystemException("/ws/sources/ab/Bach/x.mid", null, "No space left on device");
        assertEquals(Path.of("/ws/sources/ab/Bach/x.mid"), DiskFullException.from(e, OUT).orElseThrow().file());
        assertEquals(Path.of("/ws/sources/ab/Bach/x.mid"), DiskFullException.from(e, null).orElseThrow().file());
    }

    @Test
    void sqliteAndFfmpegWordingsAreRecognised() {
        Exception sqlite = new Exception("[SQLITE_FULL] Insertion failed because database is full "
                + "(database or disk is full)");
        assertTrue(DiskFullException.from(new CadenzaException("catalog: cannot insert", sqlite), OUT).isPresent());
        assertTrue(DiskFullException.isDiskFull(new CadenzaException("cannot write x.flac: av_write_frame: "
                + "No space left on device")));
        assertTrue(DiskFullException.isDiskFull(new IOException("There is not enough space on the disk")));
    }

    @Test
    void otherFailuresAreNotADiskFull() {
        assertEquals(Optional.empty(), DiskFullException.from(new AccessDeniedException("/ws/x"), OUT));
        assertEquals(Optional.empty(), DiskFullException.from(new IOException("Read-only file system"), OUT));
        assertEquals(Optional.empty(), DiskFullException.from(null, OUT));
        assertFalse(DiskFullException.isDiskFull(new BadInputException(OUT, "truncated MIDI file")));
        // no file known at all: not mapped (the caller names one)
        assertEquals(Optional.empty(), DiskFullException.from(new IOException("No space left on device"), null));
    }

    @Test
    void anExistingDiskFullExceptionIsPassedOnAsItIs() {
        DiskFullException first = new DiskFullException(OUT, new IOException("No space left on device"));
        RuntimeException wrapped = new RuntimeException("job failed", new CadenzaException("item failed", first));
        assertSame(first, DiskFullException.from(wrapped, Path.of("/elsewhere")).orElseThrow());
        assertSame(first, assertThrows(DiskFullException.class,
                () -> DiskFullException.rethrowIfDiskFull(wrapped, Path.of("/elsewhere"))));
        DiskFullException.rethrowIfDiskFull(new IOException("Permission denied"), OUT); // returns
    }
}
