/**
 * Open-set evaluation on plain Java arrays (issue 6, parts 4 and 5): does the model know when a piece is by a
 * composer it has never seen, and can a new composer be added from a few pieces without retraining?
 *
 * <ul>
 *   <li>{@link org.cadenza.eval.openset.NoveltyScores}: four novelty scores, higher = more likely unknown
 *       (distance to the nearest composer anchor, distance to the k-th nearest training embedding, negated maximum
 *       softmax probability, energy).</li>
 *   <li>{@link org.cadenza.eval.openset.OpenSetMetrics}: AUROC, FPR at 95% TPR, detection accuracy at a threshold,
 *       closed-set accuracy.</li>
 *   <li>{@link org.cadenza.eval.openset.ThresholdCalibration}: the threshold for a chosen false-alarm rate, from
 *       the scores of known pieces on the validation split.</li>
 *   <li>{@link org.cadenza.eval.openset.FewShotEnrolment}: enrol new composers from k pieces each (an anchor =
 *       L2-normalised mean embedding) and measure nearest-anchor accuracy over repeated seeded draws.</li>
 * </ul>
 *
 * <p>Convention throughout: a novelty score is a real number where HIGHER means "more likely by an unknown
 * composer"; a piece is accepted as known when its score is {@code <=} the threshold and flagged unknown when it is
 * {@code >} the threshold. No deep-learning engine here: the embeddings and logits arrive as arrays.
 */
package org.cadenza.eval.openset;
