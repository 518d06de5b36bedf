package org.cadenza.io;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The disk filled up while Cadenza was writing (a catalog row, an extracted zip member, rendered audio, a feature
 * cache file). Not the input's fault: nothing is quarantined or recorded as failed; the job stops, what it finished
 * stays, and rerunning it after freeing space resumes.
 *
 * <p>{@link #from(Throwable, Path)} is the one mapping from what the platform throws ({@code IOException} "No space
 * left on device", a {@link FileSystemException} with that reason, SQLite's "database or disk is full", FFmpeg's
 * ENOSPC) to this exception; the cause is always kept.
 */
public class DiskFullException extends ResourceLimitException {
    private static final long serialVersionUID = 1L;

    /** The problem text (after the file name in {@link #getMessage()}). */
    public static final String PROBLEM = "disk full: free some space and rerun (finished work is kept)";

    /** Lower-case fragments of the messages that mean the device or file system has no space left. */
    private static final String[] SIGNS = {
        "no space left on device",              // ENOSPC, as the JDK and FFmpeg (av_strerror) word it
        "enospc",
        "there is not enough space on the disk", // Windows ERROR_DISK_FULL
        "database or disk is full",              // SQLite SQLITE_FULL
    };

    /**
     * @param file  the file being written when the disk filled up
     * @param cause what the platform threw
     */
    public DiskFullException(Path file, Throwable cause) {
        super(Objects.requireNonNull(file, "file"), PROBLEM, Objects.requireNonNull(cause, "cause"));
    }

    /** Whether {@code t} or any of its causes says that the disk is full (or is a {@code DiskFullException}). */
    public static boolean isDiskFull(Throwable t) {
        for (Throwable c : chain(t)) {
            if (c instanceof DiskFullException || saysDiskFull(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Maps a failure to write to a {@code DiskFullException} when the disk is full.
     *
     * @param t       what was thrown while writing
     * @param writing the file being written, named when no {@link FileSystemException} in {@code t}'s causes names
     *                one; may be null when unknown (then the result is empty unless a cause names a file or is a
     *                {@code DiskFullException} already)
     * @return the {@code DiskFullException} among {@code t} and its causes if there is one; else a new one (cause
     *         {@code t}) when {@code t} or a cause says the disk is full; else empty
     */
    public static Optional<DiskFullException> from(Throwable t, Path writing) {
        if (t == null) {
            return Optional.empty();
        }
        Path named = null;
        boolean full = false;
        for (Throwable c : chain(t)) {
            if (c instanceof DiskFullException d) {
                return Optional.of(d);
            }
            full |= saysDiskFull(c.getMessage());
            if (named == null && c instanceof FileSystemException fse && fse.getFile() != null) {
                named = Path.of(fse.getFile());
            }
        }
        Path file = named != null ? named : writing;
        return full && file != null ? Optional.of(new DiskFullException(file, t)) : Optional.empty();
    }

    /**
     * Throws {@link #from(Throwable, Path) from(t, writing)} when the disk is full; returns otherwise. For the
     * {@code catch} blocks of code that writes, before it reports the failure its own way.
     */
    public static void rethrowIfDiskFull(Throwable t, Path writing) {
        Optional<DiskFullException> full = from(t, writing);
        if (full.isPresent()) {
            throw full.get();
        }
    }

    private static boolean saysDiskFull(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        for (String sign : SIGNS) {
            if (m.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    /** {@code t} and its causes and suppressed exceptions, each once. */
    private static List<Throwable> chain(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        List<Throwable> out = new ArrayList<>();
        if (t != null) {
            todo.add(t);
        }
        while (!todo.isEmpty()) {
            Throwable c = todo.poll();
            if (seen.put(c, Boolean.TRUE) != null) {
                continue;
            }
            out.add(c);
            if (c.getCause() != null) {
                todo.add(c.getCause());
            }
            for (Throwable s : c.getSuppressed()) {
                todo.add(s);
            }
        }
        return out;
    }
}
