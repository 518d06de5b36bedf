package org.cadenza.model.embedding;

/**
 * One triplet of batch positions: an anchor, a positive (same class, another item) and a negative (another class).
 *
 * @param anchor   position of the anchor in the batch
 * @param positive position of an item of the anchor's class, not the anchor itself
 * @param negative position of an item of another class
 */
public record Triplet(int anchor, int positive, int negative) {

    public Triplet {
        if (anchor < 0 || positive < 0 || negative < 0) {
            throw new IllegalArgumentException("negative batch position in " + anchor + ", " + positive + ", "
                    + negative);
        }
        if (anchor == positive) {
            throw new IllegalArgumentException("the positive must differ from the anchor (" + anchor + ")");
        }
    }
}
