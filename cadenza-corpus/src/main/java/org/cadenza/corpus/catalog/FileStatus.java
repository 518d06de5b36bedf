package org.cadenza.corpus.catalog;

import java.util.Locale;

/** Where a catalogued file stands after ingest. */
public enum FileStatus {
    /** Valid and unique: jobs work on it. */
    INGESTED,
    /** Failed validation; the reason column says why. Jobs skip it. */
    QUARANTINED,
    /** Same bytes (SHA-256) as an earlier file; {@code duplicate_of} names it. Jobs skip it. */
    DUPLICATE;

    /** The lower-case name stored in the catalog. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #dbName()}. */
    public static FileStatus fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
