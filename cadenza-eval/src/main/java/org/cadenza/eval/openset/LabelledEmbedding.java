package org.cadenza.eval.openset;

import org.cadenza.io.Parameters;


/**
 * One piece's embedding with its composer.
 *
 * @param piece     the piece's identifier (file name or catalog id), for reports
 * @param composer  the composer's canonical name
 * @param embedding the piece's embedding (typically L2-normalised), at least one dimension; not copied, do not
 *                  change it afterwards
 */
public record LabelledEmbedding(String piece, String composer, float[] embedding) {

    public LabelledEmbedding {
        Parameters.nonNull("piece, composer, embedding", piece, composer, embedding);
        if (embedding.length == 0) {
            throw new IllegalArgumentException("piece " + piece + " (" + composer + ") has an empty embedding");
        }
    }
}
