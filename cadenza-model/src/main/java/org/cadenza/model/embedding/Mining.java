package org.cadenza.model.embedding;

import org.cadenza.io.CliName;

/** How the triplets of a batch are chosen for the triplet loss (online mining: from the batch's own distances). */
public enum Mining implements CliName {
    /**
     * Batch-hard (Hermans, Beyer and Leibe 2017): one triplet per anchor, with its farthest positive and its nearest
     * negative in the batch.
     */
    BATCH_HARD,
    /**
     * Semi-hard (Schroff, Kalenichenko and Philbin 2015, FaceNet): one triplet per anchor-positive pair, with the
     * nearest negative that is farther than the positive; when no negative is farther, the farthest negative.
     */
    SEMI_HARD;

    /** @return the mining called {@code name} ({@code batch-hard}, {@code semi-hard} or the enum name, any case) */
    public static Mining parse(String name) {
        return CliName.parse(Mining.class, name, "mining");
    }

    /** @return the {@link #cliName()}, as in JSON */
    @Override
    public String toString() {
        return cliName();
    }
}
