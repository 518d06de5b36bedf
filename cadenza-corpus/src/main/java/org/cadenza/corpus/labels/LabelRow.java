package org.cadenza.corpus.labels;

import org.cadenza.io.Parameters;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One row of a labels CSV.
 *
 * @param file            the labelled file, absolute (the CSV's {@code path} resolved against the CSV's folder)
 * @param writtenPath     the {@code path} cell as written
 * @param composerWritten the {@code composer} cell as written (normalise with {@code ComposerNames})
 * @param pieceId         the piece id: the {@code work_id} cell when the CSV has one and it is not empty (keeps the
 *                        movements of one work together, as in piano-midi-de), else the {@code piece_id} cell
 * @param period          the {@code period} cell, when present and not empty
 * @param split           the {@code split} cell normalised to {@code train}, {@code val} or {@code test}, when
 *                        present and not empty
 * @param line            1-based line number of the record in the CSV (the header is line 1)
 */
public record LabelRow(Path file, String writtenPath, String composerWritten, String pieceId,
                       Optional<String> period, Optional<String> split, long line) {

    public LabelRow {
        Parameters.nonNull("file, writtenPath, composerWritten, pieceId, period, split",
                file, writtenPath, composerWritten, pieceId, period, split);
    }
}
