/**
 * Instrument labels from MIDI (issue 7, part 1): which instrument families play in a piece or sound in a window,
 * as multi-label targets for a model that recognises instruments.
 *
 * <ul>
 *   <li>{@link org.cadenza.features.instruments.InstrumentMap}: General MIDI program (0-127) to family, channel
 *       index 9 to {@code percussion}; the built-in table is the resource {@code instrument-families.csv},
 *       overridable with a user CSV ({@code program,family}); {@code key()} for models' contracts. Every choice
 *       is in {@code docs/INSTRUMENTS.md}.</li>
 *   <li>{@link org.cadenza.features.instruments.InstrumentLabels}: the families of a piece, of a window (a family
 *       counts when it sounds at least {@code minSoundingSeconds}, default 0.25 s), of many windows at once, and
 *       multi-hot target vectors.</li>
 *   <li>{@link org.cadenza.features.instruments.InstrumentVocabulary}: the families of a corpus kept for a model
 *       (present in at least {@code minPieces} pieces, default 10) and those dropped, with their piece counts.</li>
 * </ul>
 */
package org.cadenza.features.instruments;
