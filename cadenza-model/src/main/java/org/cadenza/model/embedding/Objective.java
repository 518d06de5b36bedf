package org.cadenza.model.embedding;

import java.util.Arrays;

/** What the embedding network is trained to do. */
public enum Objective {
    /** Triplet loss with online mining: pieces of a composer closer to each other than to other composers' by a margin. */
    TRIPLET("triplet"),
    /**
     * Softmax cross-entropy through a linear classifier on the scaled unit embedding (the comparison: the embedding
     * of a classifier); it also gives the logits that the maximum-softmax and energy scores need.
     */
    SOFTMAX("softmax");

    private final String cliName;

    Objective(String cliName) {
        this.cliName = cliName;
    }

    /** @return the name used on the command line */
    public String cliName() {
        return cliName;
    }

    /** @return the objective called {@code name} (cli or enum name, any case) */
    public static Objective parse(String name) {
        for (Objective o : values()) {
            if (o.cliName.equalsIgnoreCase(name) || o.name().equalsIgnoreCase(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + name + "'; use one of "
                + Arrays.stream(values()).map(Objective::cliName).toList());
    }
}
