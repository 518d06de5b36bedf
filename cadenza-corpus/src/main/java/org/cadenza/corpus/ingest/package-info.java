/**
 * Bringing music into a workspace: {@link org.cadenza.corpus.ingest.Ingestor} walks a folder or reads a labels CSV,
 * validates every file (MIDI, audio, zip members), quarantines bad ones, records duplicates; idempotent and
 * resumable.
 */
package org.cadenza.corpus.ingest;
