/**
 * The piano-roll route: onset and frame rolls of a MIDI file's notes ({@link org.cadenza.features.pianoroll.PianoRoll},
 * 88 pitches x time) fed as two channels to the same CNNs as the audio route; no rendering at all. Training
 * ({@link org.cadenza.model.pianoroll.PianoRollTraining}) and file prediction
 * ({@link org.cadenza.model.pianoroll.PianoRollPredictor}).
 */
package org.cadenza.model.pianoroll;
