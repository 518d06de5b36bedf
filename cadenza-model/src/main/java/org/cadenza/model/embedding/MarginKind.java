package org.cadenza.model.embedding;

/** The shape of the triplet loss around the margin. */
public enum MarginKind {
    /** {@code max(0, d(a,p) - d(a,n) + margin)} (Schroff et al. 2015). */
    HINGE,
    /** {@code log(1 + exp(d(a,p) - d(a,n)))}, no margin to set (Hermans et al. 2017). */
    SOFT
}
