package org.cadenza.eval.map;

/**
 * How the distance between two clusters of composers is measured when the dendrogram is built (Smile's
 * {@code smile.clustering.linkage} classes over the Euclidean distance between unit vectors).
 */
public enum Linkage {
    /** UPGMA: the mean of the pairwise distances between the two clusters' members (the default). */
    AVERAGE,
    /** The largest pairwise distance between the two clusters' members. */
    COMPLETE,
    /** The smallest pairwise distance between the two clusters' members (tends to chain). */
    SINGLE,
    /**
     * Ward's minimum-variance criterion (Lance-Williams update on squared distances; heights are the square root,
     * as scipy's and R's {@code ward.D2}).
     */
    WARD
}
