/**
 * Objective measures of generated music, in the manner of MGEval (Yang &amp; Lerch 2018, "On the evaluation of
 * generative models in music"): per-piece statistics ({@link org.cadenza.eval.generation.MusicStatistics}),
 * the comparison of a generated set with a real set by intra- and inter-set distances, their kernel density
 * estimates, Kullback-Leibler divergence and overlapping area
 * ({@link org.cadenza.eval.generation.SetComparison}), and the degeneracy checks that catch a generator that
 * repeats one note forever or falls silent ({@link org.cadenza.eval.generation.DegeneracyCheck}).
 * Pure Java over {@link org.cadenza.io.midi.NoteSequence}; Smile supplies the kernel density estimate and the
 * Jensen-Shannon divergence. Measures and how to read them: {@code docs/GENERATION_METRICS.md}.
 */
package org.cadenza.eval.generation;
