package org.cadenza.eval.map;

/**
 * One step of the hierarchical clustering, in scipy's {@code linkage} convention: with {@code n} anchors, an id
 * below {@code n} is an anchor (its index in {@link ComposerMap.Result#composers()}), an id {@code n + i} is the
 * cluster made by merge {@code i}.
 *
 * @param left   the smaller of the two ids merged
 * @param right  the larger of the two ids merged
 * @param height the distance between the two clusters under the linkage (Euclidean distance between unit vectors,
 *               0 to 2); non-decreasing over the merges for average, complete, single and Ward linkage
 * @param size   how many anchors the new cluster holds
 */
public record Merge(int left, int right, double height, int size) {
}
