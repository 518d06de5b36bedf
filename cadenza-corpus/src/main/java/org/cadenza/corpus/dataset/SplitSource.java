package org.cadenza.corpus.dataset;

import java.nio.file.Path;
import java.util.Objects;

/** Where a dataset's train / val / test split comes from. */
public sealed interface SplitSource permits SplitSource.Random, SplitSource.FromFile, SplitSource.FromCatalog {

    /** Seeded random split by piece, stratified by class ({@link PieceSplitter#random}); 70/10/20 by default. */
    record Random(SplitRatios ratios) implements SplitSource {
        public Random {
            Objects.requireNonNull(ratios, "ratios");
        }
    }

    /**
     * A split file ({@link PieceSplitter#fromFile}).
     *
     * @param csv  the split CSV ({@code path,split[,composer,piece_id]})
     * @param root the folder its paths are relative to (for asap-composer10: the asap dataset folder)
     */
    record FromFile(Path csv, Path root) implements SplitSource {
        public FromFile {
            Objects.requireNonNull(csv, "csv");
            Objects.requireNonNull(root, "root");
        }
    }

    /** The {@code split} column stored in the catalog at ingest ({@link PieceSplitter#fromCatalog}). */
    record FromCatalog() implements SplitSource {
    }

    /** The default: {@code new Random(SplitRatios.DEFAULT)}. */
    SplitSource DEFAULT = new Random(SplitRatios.DEFAULT);

    /** Canonical text for data hashes (a split file is named by its SHA-256, not its path). */
    default String key() {
        if (this instanceof Random r) {
            return "random(" + r.ratios() + ")";
        }
        if (this instanceof FromFile f) {
            try {
                return "file(sha256=" + org.cadenza.corpus.ContentHash.of(f.csv()) + ")";
            } catch (java.io.IOException e) {
                throw new org.cadenza.io.BadInputException(f.csv(), "cannot read the split file: " + e, e);
            }
        }
        return "catalog";
    }
}
