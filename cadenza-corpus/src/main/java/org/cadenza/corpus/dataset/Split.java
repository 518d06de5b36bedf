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

    /**
     * The split value that keeps a file out of every split although the file is listed: {@code unseen}, as the
     * composers-many benchmark marks the composers no model may train on (the open-set material).
     */
    public static final String UNSEEN = "unseen";

    /** Whether {@code text} is {@link #UNSEEN} (case and surrounding blanks ignored). */
    public static boolean isUnseen(String text) {
        return text != null && text.trim().equalsIgnoreCase(UNSEEN);
    }

    @Override
    public String toString() {
        return id();
    }
}
