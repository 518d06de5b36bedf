package org.cadenza.eval.map;

import org.cadenza.io.Parameters;


/**
 * One piece's embedding, as the embedding network writes it.
 *
 * @param piece     the piece's id (e.g. {@code bach/Fugue_bwv_846}); shown in {@code map.json}
 * @param composer  the composer's id (e.g. {@code bach}); a composer without an anchor is fine (the piece is still
 *                  projected and plotted), one without a period is plotted in grey as "unknown"
 * @param embedding the piece's embedding, L2-normalised (the map normalises it again, so a mean of unit vectors is
 *                  accepted too); not copied, do not change it afterwards
 */
public record EmbeddedPiece(String piece, String composer, float[] embedding) {

    /** @throws NullPointerException for a null field */
    public EmbeddedPiece {
        Parameters.nonNull("piece, composer, embedding", piece, composer, embedding);
    }
}
