/**
 * Batch work over the catalog: {@link org.cadenza.corpus.jobs.RenderJob} (MIDI or audio to mono FLAC),
 * {@link org.cadenza.corpus.jobs.FeatureJob} (FLAC to cached spectrograms) and
 * {@link org.cadenza.corpus.jobs.WindowIndex} (fixed-length windows from cached frame counts). Jobs are parallel,
 * resumable, and record one problem per failed file.
 */
package org.cadenza.corpus.jobs;
