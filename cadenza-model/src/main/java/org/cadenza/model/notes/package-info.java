/**
 * The notes route: symbolic features of windows of a MIDI file's notes
 * ({@link org.cadenza.features.symbolic.SymbolicFeatures}) classified by a Tribuo model
 * ({@link org.cadenza.model.classical.ClassicalModel}); no audio at all. Training
 * ({@link org.cadenza.model.notes.NotesTraining}) and file prediction ({@link org.cadenza.model.notes.NotesPredictor}).
 */
package org.cadenza.model.notes;
