package org.cadenza.corpus.dataset;

/**
 * Which windows a class gives when balancing takes fewer ({@link Balancing.Mode#CAP}) or more
 * ({@link Balancing.Mode#OVERSAMPLE}) than it has.
 */
public enum PieceSampling {
    /**
     * Seed 001's even sampling (the default): the class's pieces are visited in a seeded random order, one
     * window (seeded random among those not yet taken) from each piece per round, a new piece order every round,
     * so a long piece cannot dominate its class. Oversampling repeats the same procedure over all windows again.
     */
    ROUND_ROBIN,
    /** Windows drawn uniformly at random (seeded) from the whole class: long pieces give more. */
    UNIFORM
}
