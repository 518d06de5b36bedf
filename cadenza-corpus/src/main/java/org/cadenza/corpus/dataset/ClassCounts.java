package org.cadenza.corpus.dataset;

/**
 * What one class holds in one split.
 *
 * @param label   the class label
 * @param files   distinct files with at least one window
 * @param pieces  distinct pieces with at least one window
 * @param windows windows (with repeats, when oversampled)
 */
public record ClassCounts(String label, int files, int pieces, int windows) {
}
