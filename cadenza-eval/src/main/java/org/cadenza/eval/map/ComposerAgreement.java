package org.cadenza.eval.map;

import java.util.List;

/**
 * Do the composer clusters follow the periods? The dendrogram is cut into as many clusters as there are periods
 * among the anchors, and the cut is compared with the periods of the anchors whose period is known; beside each
 * figure, the same figure for the periods shuffled among those anchors ({@code permutations} seeded shuffles: the
 * tree stays, the labels move), so a reader sees whether it beats chance.
 *
 * <p>When fewer than two periods or three labelled anchors are present, the figures are undefined: NaN, and
 * {@link #defined()} is false.
 *
 * @param anchors                   anchors clustered
 * @param labelledAnchors           anchors whose period is known (the only ones scored)
 * @param clusters                  clusters the tree was cut into (= distinct periods among the labelled anchors)
 * @param adjustedRandIndex         adjusted Rand index of the cut against the periods (Smile's
 *                                  {@code AdjustedRandIndex}): 1 identical partitions, about 0 chance, can be negative
 * @param purity                    share of labelled anchors whose period is the most common one of their cluster,
 *                                  in [0, 1]
 * @param shuffledAdjustedRandIndex mean adjusted Rand index over the shuffles
 * @param shuffledPurity            mean purity over the shuffles
 * @param adjustedRandIndexPValue   {@code (1 + shuffles scoring >= observed) / (1 + permutations)}: small means the
 *                                  clusters follow the periods better than chance
 * @param permutations              number of shuffles
 * @param clusterMembers            the cut: each cluster's composers, in dendrogram leaf order, clusters left to right
 */
public record ComposerAgreement(int anchors, int labelledAnchors, int clusters, double adjustedRandIndex,
                                double purity, double shuffledAdjustedRandIndex, double shuffledPurity,
                                double adjustedRandIndexPValue, int permutations, List<List<String>> clusterMembers) {

    public ComposerAgreement {
        clusterMembers = clusterMembers.stream().map(List::copyOf).toList();
    }

    /** @return whether the figures could be computed (at least two periods and three labelled anchors) */
    public boolean defined() {
        return !Double.isNaN(adjustedRandIndex);
    }
}
