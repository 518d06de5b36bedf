package org.cadenza.corpus.catalog;

/** Where a catalogued file stands after ingest. */
public enum FileStatus implements CatalogName {
    /** Valid and unique: jobs work on it. */
    INGESTED,
    /** Failed validation; the reason column says why. Jobs skip it. */
    QUARANTINED,
    /** Same bytes (SHA-256) as an earlier file; {@code duplicate_of} names it. Jobs skip it. */
    DUPLICATE;
}
