package org.cadenza.model.embedding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who, among the composers a model knows, a file is closest to, and whether it is close enough to be theirs.
 *
 * @param file         the file
 * @param windows      windows embedded
 * @param ranking      every composer by increasing distance of the piece embedding to its anchor (enrolled
 *                     composers included)
 * @param nearestPiece the closest training piece and its distance
 * @param threshold    the calibrated threshold, when the model has one
 * @param verdict      known (within the threshold), unknown (beyond it) or not calibrated
 */
public record Identification(Path file, int windows, List<Anchors.Ranked> ranking, Optional<NearestPiece> nearestPiece,
                             Optional<OpenSetThreshold> threshold, Verdict verdict) {

    /** What the model says about the piece's composer. */
    public enum Verdict {
        /** Close enough to the nearest composer's anchor: that composer. */
        KNOWN,
        /** Farther from every anchor than the calibrated threshold: a composer the model has not seen. */
        UNKNOWN,
        /** The model has no calibrated threshold: only the ranking is given. */
        NOT_CALIBRATED
    }

    /**
     * @param piece    the training piece's id
     * @param composer its composer
     * @param distance Euclidean distance between the embeddings
     */
    public record NearestPiece(String piece, String composer, double distance) {
    }

    public Identification {
        ranking = List.copyOf(ranking);
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("an identification needs at least one composer");
        }
    }

    /** @return the nearest composer */
    public Anchors.Ranked nearest() {
        return ranking.get(0);
    }

    /** @return the novelty score used for the verdict: the distance to the nearest composer anchor */
    public double novelty() {
        return nearest().distance();
    }
}
