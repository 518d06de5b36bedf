/**
 * Late fusion: several trained runs (audio CNN, piano-roll CNN, notes models) combined by a weighted sum of their
 * per-file (per-piece) mean log-probabilities, the weights fit on the validation split only
 * ({@link org.cadenza.model.fusion.LateFusion}); prediction through the members
 * ({@link org.cadenza.model.fusion.FusionPredictor}).
 */
package org.cadenza.model.fusion;
