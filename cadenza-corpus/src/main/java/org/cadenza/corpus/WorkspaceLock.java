package org.cadenza.corpus;

import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An exclusive lock on one kind of work in a workspace, held from {@link #ingest} to {@link #close}: an operating
 * system file lock ({@link FileChannel#tryLock()}) on {@code <workspace>/ingest.lock}, so it holds between processes
 * as well as between threads of one process, and is released by the operating system when the holder dies (a
 * {@code kill -9} leaves no stale lock). The file itself stays; it holds the holder's process id and start time
 * ({@code pid <n>} and {@code since <ISO-8601 instant>} lines) so that a refused caller can say since when the work
 * has been running.
 */
public final class WorkspaceLock implements AutoCloseable {

    /** File name of the ingest lock, in the workspace folder. */
    public static final String INGEST_LOCK_FILE = "ingest.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Instant since;

    private WorkspaceLock(Path file, FileChannel channel, FileLock lock, Instant since) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.since = since;
    }

    /**
     * Takes the ingest lock of {@code ws} without waiting.
     *
     * @throws WorkspaceBusyException another ingest (in this or another process) holds it
     * @throws CadenzaException       the lock file cannot be created or written
     */
    public static WorkspaceLock ingest(Workspace ws) {
        return acquire(ws.dir(), INGEST_LOCK_FILE, "ingest");
    }

    private static WorkspaceLock acquire(Path dir, String name, String job) {
        Path file = dir.resolve(name);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, file);
            throw new CadenzaException("cannot open the lock file " + file + ": " + e, e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new WorkspaceBusyException(dir, job, readSince(file));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // shown to people: whole seconds
            byte[] text = ("pid " + ProcessHandle.current().pid() + System.lineSeparator() + "since " + now
                    + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(false);
            return new WorkspaceLock(file, channel, lock, now);
        } catch (IOException e) {
            closeQuietly(channel);
            DiskFullException.rethrowIfDiskFull(e, file);
            throw new CadenzaException("cannot lock " + file + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The start time a holder wrote into the lock file, when it can be read. */
    static Optional<Instant> readSince(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("since ")) {
                    return Optional.of(Instant.parse(line.substring("since ".length()).strip()));
                }
            }
        } catch (IOException | DateTimeParseException e) {
            // the holder has not written it yet, or the platform does not let a locked file be read
        }
        return Optional.empty();
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** When this lock was taken, to the second. */
    public Instant since() {
        return since;
    }

    /** Releases the lock (the file stays, see the class comment). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new CadenzaException("cannot release the lock " + file + ": " + e, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the operating system releases the lock with the channel
        }
    }
}
