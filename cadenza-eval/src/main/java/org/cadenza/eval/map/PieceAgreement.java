package org.cadenza.eval.map;

/**
 * Do pieces of one period lie together in the embedding space? Computed over the pieces whose composer's period is
 * known, with the Euclidean distance between unit vectors ({@code sqrt(2 - 2 cos)}, so the same neighbours as the
 * cosine distance). Each figure stands beside the same figure for shuffled periods ({@code permutations} seeded
 * shuffles).
 *
 * <p>{@code knnAgreement} is flattered by the composer: a piece's nearest neighbours are often by the same
 * composer, who has the same period. {@code knnOtherComposers} asks only pieces by other composers, and its shuffle
 * moves the periods between composers (not pieces), so it says whether periods group beyond single composers.
 * Undefined figures (fewer than two periods or three labelled pieces; no piece with a neighbour by another composer)
 * are NaN.
 *
 * @param pieces                         pieces projected
 * @param labelledPieces                 pieces whose period is known (the only ones scored)
 * @param k                              neighbours asked: 5, or fewer when there are fewer other labelled pieces
 * @param knnAgreement                   leave-one-out k-nearest-neighbour agreement: share of labelled pieces whose
 *                                       neighbours' majority period (ties: the period of the nearest among the tied)
 *                                       is their own, in [0, 1]
 * @param shuffledKnnAgreement           the same, mean over shuffles of the periods among the pieces
 * @param knnPValue                      {@code (1 + shuffles scoring >= observed) / (1 + permutations)}
 * @param mostFrequentPeriodShare        share of labelled pieces in the most common period: what always answering
 *                                       that period would score
 * @param knnOtherComposers              the same agreement asking only the k nearest pieces by other composers
 * @param shuffledKnnOtherComposers      the same, mean over shuffles of the periods among the composers
 * @param knnOtherComposersPValue        its p-value as above
 * @param piecesScoredOtherComposers     labelled pieces that have at least one labelled piece by another composer
 * @param silhouette                     mean silhouette of the period labels, Euclidean distance between unit
 *                                       vectors, in [-1, 1] (a piece alone in its period counts 0, as scikit-learn)
 * @param shuffledSilhouette             the same, mean over shuffles of the periods among the pieces
 * @param permutations                   number of shuffles of each kind
 */
public record PieceAgreement(int pieces, int labelledPieces, int k, double knnAgreement, double shuffledKnnAgreement,
                             double knnPValue, double mostFrequentPeriodShare, double knnOtherComposers,
                             double shuffledKnnOtherComposers, double knnOtherComposersPValue,
                             int piecesScoredOtherComposers, double silhouette, double shuffledSilhouette,
                             int permutations) {

    /** The distance the piece-level figures use. */
    public static final String DISTANCE = "Euclidean distance between unit vectors (sqrt(2 - 2 cos))";

    /** @return whether the figures could be computed (at least two periods and three labelled pieces) */
    public boolean defined() {
        return !Double.isNaN(knnAgreement);
    }
}
