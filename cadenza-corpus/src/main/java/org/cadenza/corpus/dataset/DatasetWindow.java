package org.cadenza.corpus.dataset;

import org.cadenza.corpus.jobs.WindowIndex;

import java.util.Objects;

/**
 * One window of a dataset.
 *
 * @param ref        the window: file, piece, composer, cached spectrogram; {@code ref.startSeconds()} is the time of
 *                   {@code startFrame}, {@code ref.windowIndex()} its position among the file's selected windows
 * @param startFrame first spectrogram frame of the window (authoritative: with first-sound selection windows are
 *                   not on {@code WindowIndex}'s grid)
 * @param label      class index into the dataset's class list
 */
public record DatasetWindow(WindowIndex.WindowRef ref, int startFrame, int label) {
    public DatasetWindow {
        Objects.requireNonNull(ref, "ref");
        if (startFrame < 0 || label < 0) {
            throw new IllegalArgumentException("DatasetWindow: startFrame and label must be >= 0, got " + startFrame
                    + ", " + label);
        }
    }
}
