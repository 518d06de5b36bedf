package org.cadenza.corpus.dataset;

import java.util.Locale;
import java.util.Optional;

/** The three sides of a dataset split. Every file and window of one piece is on one side only. */
public enum Split {
    /** Training data. */
    TRAIN,
    /** Validation data: model selection and early stopping. */
    VAL,
    /** Test data: touched once per reported configuration. */
    TEST;

    /** The lower-case name used in CSV files and the catalog: {@code train}, {@code val}, {@code test}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a split name as written in split files and labels CSVs: {@code train}, {@code val} /
     * {@code validation} / {@code valid} / {@code dev}, {@code test}; case and surrounding blanks ignored.
     *
     * @return empty for anything else
     */
    public static Optional<Split> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> Optional.of(TRAIN);
            case "val", "validation", "valid", "dev" -> Optional.of(VAL);
            case "test", "testing" -> Optional.of(TEST);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id();
    }
}
