package org.cadenza.corpus.datasets;

import java.util.Optional;

/**
 * Where a score corpus keeps its files and what their paths say: which members are scores, the composer a folder
 * names (for files that name none), and the path, piece and work a file gets in the fetched folder. Paths are
 * '/'-separated and relative to the archive's top folder.
 */
interface ScoreNaming {

    /** Whether the member at {@code relativePath} is one of the corpus's scores. */
    boolean accepts(String relativePath);

    /** The composer as the path writes it, used where the file names none; empty when the path names no composer. */
    Optional<String> composerFromPath(String relativePath);

    /**
     * Where the score at {@code relativePath} goes and what it is.
     *
     * @param composer the composer id the score was labelled with
     */
    Placement place(String relativePath, String composer);

    /** The scores' place in the repository, for messages ("scores/<composer>/<set>/<song>/*.mxl"). */
    String expected();

    /** The record of a score that names its composer, for SOURCE.txt ("the MusicXML <creator type="composer">"). */
    String composerRecord();

    /**
     * A score's place in the fetched folder.
     *
     * @param path    {@code <composer>/...}, '/'-separated
     * @param pieceId the piece or movement
     * @param workId  the unit a split keeps together
     * @param title   the title the path gives, used where the score gives none
     */
    record Placement(String path, String pieceId, String workId, String title) {
    }
}
