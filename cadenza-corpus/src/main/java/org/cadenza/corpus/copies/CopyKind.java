package org.cadenza.corpus.copies;

import java.util.Locale;

/** How a file is a copy of another, strongest first; {@link #NONE} when it is not. */
public enum CopyKind {
    /** The same bytes (same SHA-256). */
    BYTE,
    /** Other bytes, the same notes ({@link NoteHash}): other track names, tempo events, resolution, velocities. */
    NOTES,
    /** The same music in another encoding or performance ({@link NearCopyRule}). */
    NEAR,
    /** Named as a near-duplicate by the {@code near_duplicates} column of the file's labels CSV. */
    LISTED,
    /** Not a copy. */
    NONE;

    /** The lower-case name written in reports and CSVs ({@code byte}, {@code notes}, {@code near}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this kind is stronger evidence than {@code other} (earlier in the declaration). */
    public boolean strongerThan(CopyKind other) {
        return ordinal() < other.ordinal();
    }
}
