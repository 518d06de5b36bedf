package org.cadenza.model.embedding;

import org.cadenza.io.CliName;

/** What the embedding network is trained to do. */
public enum Objective implements CliName {
    /** Triplet loss with online mining: pieces of a composer closer to each other than to other composers' by a margin. */
    TRIPLET,
    /**
     * Softmax cross-entropy through a linear classifier on the scaled unit embedding (the comparison: the embedding
     * of a classifier); it also gives the logits that the maximum-softmax and energy scores need.
     */
    SOFTMAX;

    /** @return the objective called {@code name} ({@code triplet} or {@code softmax}, any case) */
    public static Objective parse(String name) {
        return CliName.parse(Objective.class, name, "objective");
    }
}
