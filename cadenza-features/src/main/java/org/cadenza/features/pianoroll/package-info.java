/**
 * Piano-roll input for the CNNs: a piece's notes as an onset roll and a frame roll, 88 pitches (A0-C8) x time at
 * 16 frames per second by default, made straight from MIDI with no rendering. Definitions, parameters and the tensor
 * layout are in {@code docs/PIANO_ROLL.md}.
 *
 * <ul>
 *   <li>{@link org.cadenza.features.pianoroll.PianoRollParams}: frame rate, pitch range, onset length and
 *       {@link org.cadenza.features.pianoroll.RollValue}, with documented defaults and a
 *       {@link org.cadenza.features.pianoroll.PianoRollParams#key()} for model contracts.</li>
 *   <li>{@link org.cadenza.features.pianoroll.PianoRoll}: the two rolls {@code [time][pitch]}, made from notes or a
 *       {@link org.cadenza.io.midi.NoteSequence}; {@code window()} gives the CNN's {@code (2, pitches, frames)}
 *       input, zero-padded at the end.</li>
 *   <li>{@link org.cadenza.features.pianoroll.PianoRollWindows}: where the windows start (leading silence and silent
 *       windows skipped, a half-full last window kept).</li>
 * </ul>
 * Pictures: {@link org.cadenza.features.plot.PianoRollPlot}.
 */
package org.cadenza.features.pianoroll;
