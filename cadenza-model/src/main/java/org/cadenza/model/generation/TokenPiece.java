package org.cadenza.model.generation;

import org.cadenza.io.Parameters;


/**
 * One piece (one file) as language-model training material.
 *
 * @param piece     the piece id (all files of a piece share it and one split)
 * @param composer  the composer's label
 * @param source    the file, for messages
 * @param condition the token the model is given first: {@code BOS} for a model of one composer,
 *                  {@code COMPOSER(name)} for the model conditioned on composers
 * @param body      the event tokens after the conditioning and up to {@code EOS} included
 */
public record TokenPiece(String piece, String composer, String source, int condition, int[] body) {

    public TokenPiece {
        Parameters.nonNull("piece, composer, source", piece, composer, source);
        if (body.length == 0) {
            throw new IllegalArgumentException(source + ": a piece needs at least one token (EOS)");
        }
    }

    /**
     * A piece from a whole encoded sequence ({@code BOS event* EOS}, as {@code NoteTokenizer.encode} writes it without
     * a composer): the {@code BOS} is replaced by {@code condition}.
     */
    public static TokenPiece ofEncoded(String piece, String composer, String source, int condition, int[] encoded) {
        return new TokenPiece(piece, composer, source, condition, java.util.Arrays.copyOfRange(encoded, 1,
                encoded.length));
    }

    /** Tokens the model predicts in this piece. */
    public int length() {
        return body.length;
    }
}
