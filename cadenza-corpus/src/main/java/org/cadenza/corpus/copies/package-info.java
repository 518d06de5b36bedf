/**
 * Copies of files across corpora: whether a file is a byte copy ({@link org.cadenza.corpus.ContentHash}), a
 * note-identical copy ({@link org.cadenza.corpus.copies.NoteHash}) or a near copy
 * ({@link org.cadenza.corpus.copies.NearCopyRule}: the same movement in another encoding or a performance of it) of
 * another file. {@link org.cadenza.corpus.copies.Fingerprint} holds what is compared for one file,
 * {@link org.cadenza.corpus.copies.CopyIndex} finds, for a file, the copy it is of among many (a run's training
 * files).
 */
package org.cadenza.corpus.copies;
