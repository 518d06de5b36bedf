package org.cadenza.model.embedding;

import java.util.Arrays;
import java.util.Locale;

/** How the triplets of a batch are chosen for the triplet loss (online mining: from the batch's own distances). */
public enum Mining {
    /**
     * Batch-hard (Hermans, Beyer and Leibe 2017): one triplet per anchor, with its farthest positive and its nearest
     * negative in the batch.
     */
    BATCH_HARD("batch-hard"),
    /**
     * Semi-hard (Schroff, Kalenichenko and Philbin 2015, FaceNet): one triplet per anchor-positive pair, with the
     * nearest negative that is farther than the positive; when no negative is farther, the farthest negative.
     */
    SEMI_HARD("semi-hard");

    private final String cliName;

    Mining(String cliName) {
        this.cliName = cliName;
    }

    /** @return the name used on the command line and in JSON */
    public String cliName() {
        return cliName;
    }

    /** @return the mining called {@code name} (its cli name or enum name, any case) */
    public static Mining parse(String name) {
        for (Mining m : values()) {
            if (m.cliName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mining '" + name + "'; use one of "
                + Arrays.stream(values()).map(Mining::cliName).toList());
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
