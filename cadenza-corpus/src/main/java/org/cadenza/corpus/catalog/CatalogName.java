package org.cadenza.corpus.catalog;

import java.util.Locale;

/**
 * An enum stored in the catalog by its constant's name in lower case ({@code ingested}, {@code midi},
 * {@code render}); the one rule for writing and reading such columns back.
 */
public interface CatalogName {

    /** The constant's own name ({@link Enum#name()}). */
    String name();

    /** The lower-case name stored in the catalog. */
    default String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@link #dbName()}: {@code CatalogName.fromDb(Stage.class, "render")} is {@code Stage.RENDER}.
     *
     * @throws IllegalArgumentException when {@code s} is no constant of {@code type}
     */
    static <E extends Enum<E> & CatalogName> E fromDb(Class<E> type, String s) {
        return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    }
}
