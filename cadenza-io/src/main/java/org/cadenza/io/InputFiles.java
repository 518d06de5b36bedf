package org.cadenza.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The checks a reader makes on a user's file before it parses it, each failure a {@link BadInputException}. */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Refuses a folder, a missing file, an empty file and one that cannot be opened for reading, with the messages
     * {@code "is a directory, not <what>"}, {@code "file not found"}, {@code "empty file (0 bytes), expected
     * <expected>"}, {@code "cannot read the file: permission denied"} or {@code "cannot read the file: <cause>"}.
     *
     * @param file     the user's file
     * @param what     what it should be, after "not": {@code "a zip archive"}, {@code "an audio file"}
     * @param expected what it should hold, after "expected": {@code "a zip archive"}, {@code "audio"}
     * @throws BadInputException naming the file and the problem (with the cause where there is one)
     */
    public static void requireReadable(Path file, String what, String expected) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a directory, not " + what);
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file, "file not found");
        }
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(file, "empty file (0 bytes), expected " + expected);
            }
            // opening it here gives a Java cause (a reader such as FFmpeg only says "Permission denied")
            Files.newInputStream(file).close();
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot read the file: permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the file: " + e, e);
        }
    }

    /**
     * Refuses a file larger than {@code maxBytes} with the message {@code "file is too large: <size> bytes, over the
     * limit of <maxBytes> bytes"}.
     *
     * @param file     the user's file, readable ({@link #requireReadable})
     * @param maxBytes the largest size accepted, bytes
     * @return the file's size, bytes
     * @throws ResourceLimitException the file is larger
     * @throws BadInputException      its size cannot be read
     */
    public static long requireAtMostBytes(Path file, long maxBytes) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the file size: " + e, e);
        }
        if (size > maxBytes) {
            throw new ResourceLimitException(file, String.format(Locale.ROOT,
                    "file is too large: %,d bytes, over the limit of %,d bytes", size, maxBytes));
        }
        return size;
    }
}
