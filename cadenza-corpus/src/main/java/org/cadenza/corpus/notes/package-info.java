/**
 * The notes of a workspace's MIDI files for the routes that read notes instead of audio: reading many files in
 * parallel with progress, recording a problem per bad file and going on ({@link org.cadenza.corpus.notes.NoteFiles}),
 * and symbolic augmentation ({@link org.cadenza.corpus.notes.NoteAugmentation}).
 */
package org.cadenza.corpus.notes;
