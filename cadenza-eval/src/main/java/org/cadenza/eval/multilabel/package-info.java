/**
 * Multi-label evaluation on plain Java arrays (issue 7, parts 3 and 4): which instrument families are playing, one
 * independent yes/no per family.
 *
 * <ul>
 *   <li>{@link org.cadenza.eval.multilabel.ThresholdTuning}: a decision threshold per instrument, tuned on the
 *       validation split to maximise F1 (default) or balanced accuracy.</li>
 *   <li>{@link org.cadenza.eval.multilabel.MultiLabelMetrics}: exact-match ratio, Hamming loss, micro- and
 *       macro-averaged precision, recall and F1, the per-instrument table, and seed 002's "perfect prediction"
 *       (composer and every instrument right).</li>
 *   <li>{@link org.cadenza.eval.multilabel.PriorBaseline}: the dummy baselines, each instrument's training prior
 *       (thresholds tuned on validation, or 0.5) and the single most frequent training set.</li>
 *   <li>Rare instruments (fewer than 10 pieces, as seed 002 filtered them) are dropped before training by
 *       {@code org.cadenza.features.instruments.InstrumentVocabulary}, which says which.</li>
 * </ul>
 *
 * <p>Shapes and conventions throughout: {@code float[][] probabilities} is [item][label], each value a sigmoid
 * output in [0, 1]; {@code boolean[][] truth} has the same shape, {@code true} = the instrument family sounds in that
 * item; {@code List<String> labels} names the columns in order. A label is predicted <em>present</em> when
 * {@code probability >= threshold} (inclusive), absent when {@code probability < threshold}. Every matrix must be
 * rectangular with at least one item and one label; probabilities must be finite, non-NaN and in [0, 1]. Bad input
 * throws {@link java.lang.IllegalArgumentException} naming the matrix, the item and the label. No deep-learning
 * engine here: the model's outputs arrive as arrays.
 */
package org.cadenza.eval.multilabel;
