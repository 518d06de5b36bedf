package org.cadenza.eval;

/**
 * One badly predicted window.
 *
 * @param file           the file
 * @param pieceId        its piece
 * @param startSeconds   where the window starts in the file, seconds
 * @param trueClass      the true class's name
 * @param predictedClass the top class's name
 * @param pTrue          the probability given to the true class, in [0, 1]
 * @param loss           {@code -ln(max(pTrue, 1e-6))}, natural log
 */
public record TopLoss(String file, String pieceId, double startSeconds, String trueClass, String predictedClass,
                      double pTrue, double loss) {
}
