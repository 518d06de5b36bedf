package org.cadenza.eval.map;

/**
 * One piece placed on a 2-D projection.
 *
 * @param piece    the piece's id
 * @param composer the composer's id
 * @param period   the composer's period, or {@value ComposerMap#UNKNOWN} when the periods table does not know it
 * @param x        first coordinate (PCA: the score on the first component; t-SNE: no unit, zero mean)
 * @param y        second coordinate
 */
public record PiecePoint(String piece, String composer, String period, double x, double y) {
}
