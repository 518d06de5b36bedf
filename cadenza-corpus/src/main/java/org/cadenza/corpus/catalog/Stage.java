package org.cadenza.corpus.catalog;

/** A processing stage that produces artifacts or records problems. */
public enum Stage implements CatalogName {
    /** Validation of source files when they enter the catalog. */
    INGEST,
    /** MIDI rendered (or audio decoded) to a mono FLAC at the render sample rate. */
    RENDER,
    /** Spectrogram features computed from the rendered FLAC. */
    FEATURES;
}
