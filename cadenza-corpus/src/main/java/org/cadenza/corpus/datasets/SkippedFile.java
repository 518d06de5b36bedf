package org.cadenza.corpus.datasets;


import org.cadenza.io.CliName;
import org.cadenza.io.Parameters;

/**
 * A file of the source repository that a fetch left out of {@code labels.csv}, and why. A fetch lists them in the
 * dataset folder's {@code skipped.csv} ({@code source_path,reason,detail}).
 *
 * @param sourcePath the file in the source repository, relative to its top folder
 * @param reason     why it was left out
 * @param detail     what was found, e.g. the composer as written or the reader's message
 */
public record SkippedFile(String sourcePath, Reason reason, String detail) {

    /** Why a file was left out. */
    public enum Reason implements CliName {
        /** The file names no composer, or an anonymous one ("Anonim", "Anonymous"). */
        ANONYMOUS,
        /** The file could not be read as a score. */
        UNREADABLE,
        /** The file is wrong in the source at the pinned commit (see {@link PublicDataset#knownErrors()}). */
        KNOWN_ERROR,
        /** The source's metadata lists the file but the archive does not hold it. */
        NOT_IN_ARCHIVE,
        /** Another file of the source was already written at the same path of the fetched folder. */
        SAME_PATH
    }

    public SkippedFile {
        Parameters.nonNull("sourcePath, reason, detail", sourcePath, reason, detail);
    }
}
