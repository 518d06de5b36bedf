package org.cadenza.corpus.datasets;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One line of the {@code labels.csv} written for a fetched dataset ({@link #HEADER}; read by
 * {@link org.cadenza.corpus.labels.LabelsCsv}).
 *
 * @param path         the file in the fetched folder, {@code <composer>/...}, '/'-separated
 * @param composer     the composer id
 * @param pieceId      files with the same piece id are the same piece or movement
 * @param workId       the unit a train/test split keeps together (a song cycle, the movements of a work)
 * @param sourcePath   the file in the source repository, relative to its top folder
 * @param title        the title as the source gives it
 * @param composerName the composer as the source writes it (a metadata cell, a score's composer record)
 * @param born         the composer's year of birth, when the source gives it
 * @param died         the composer's year of death, when the source gives it
 * @param instruments  the instruments the file names, in score order (none for MIDI datasets)
 */
record FetchedLabel(String path, String composer, String pieceId, String workId, String sourcePath, String title,
                String composerName, OptionalInt born, OptionalInt died, List<String> instruments) {

    /** The columns of {@code labels.csv}, in order. */
    static final List<String> HEADER = List.of("path", "composer", "piece_id", "work_id", "source_path", "title",
            "composer_name", "born", "died", "instruments");

    FetchedLabel {
        for (Object cell : new Object[] {path, composer, pieceId, workId, sourcePath, title, composerName, born, died}) {
            Objects.requireNonNull(cell, "a label cell of " + sourcePath);
        }
        instruments = List.copyOf(instruments);
    }

    /** A row of a MIDI dataset, labelled by its metadata file: no dates, no instruments. */
    static FetchedLabel fromMetadata(String path, String composer, String pieceId, String workId, String sourcePath,
                                 String title, String composerName) {
        return new FetchedLabel(path, composer, pieceId, workId, sourcePath, title, composerName, OptionalInt.empty(),
                OptionalInt.empty(), List.of());
    }

    /** The same row for the file found at {@code sourcePath} in the archive. */
    FetchedLabel withSourcePath(String found) {
        return new FetchedLabel(path, composer, pieceId, workId, found, title, composerName, born, died, instruments);
    }

    /** The cells of this row, in {@link #HEADER} order; unknown years are empty, instruments {@code ;}-separated. */
    List<String> cells() {
        return List.of(path, composer, pieceId, workId, sourcePath, title, composerName, year(born), year(died),
                String.join(";", instruments));
    }

    private static String year(OptionalInt y) {
        return y.isPresent() ? Integer.toString(y.getAsInt()) : "";
    }
}
