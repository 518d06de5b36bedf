package org.cadenza.eval;

/** How the windows of a piece are combined into one prediction for the piece. */
public enum PieceAggregation {
    /**
     * The default, as asap-composer10 defines it: score(c) = mean over all windows of ln(max(p_c, 1e-6));
     * the prediction is the class with the highest score.
     */
    MEAN_LOG_PROBABILITY,
    /** For a model without probabilities: score(c) = share of the piece's windows whose top class is c. */
    VOTE_SHARE
}
