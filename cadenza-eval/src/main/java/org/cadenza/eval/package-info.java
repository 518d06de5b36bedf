/**
 * Evaluation of the composer and period classifiers: window- and piece-level metrics (a piece = mean
 * log-probability over all its windows), confusion matrices, top losses, most-confused pairs, dummy baselines,
 * trial summaries, learning curves, and {@link org.cadenza.eval.EvaluationReport}, which writes them all into one
 * folder. Plain Java types only: this layer never imports the deep-learning engine.
 */
package org.cadenza.eval;
