/**
 * Symbolic features: what the notes of a MIDI file tell without any audio (issue 5, the symbolic route).
 *
 * <ul>
 *   <li>{@link org.cadenza.features.symbolic.NoteWindowSpec}, {@link org.cadenza.features.symbolic.NoteWindower},
 *       {@link org.cadenza.features.symbolic.NoteWindow}: a {@link org.cadenza.io.midi.NoteSequence} cut into
 *       windows of seconds ({@code "30s/15s"}) or of bars ({@code "8bars/4bars"}), leading silence skipped,
 *       percussion dropped, optionally only the first N seconds.</li>
 *   <li>{@link org.cadenza.features.symbolic.SymbolicParams}: every parameter with its default and
 *       {@link org.cadenza.features.symbolic.SymbolicParams#key()} for models' contracts.</li>
 *   <li>{@link org.cadenza.features.symbolic.SymbolicFeatures}: a named vector (153 values with the defaults) of
 *       pitch-class, key, register, melodic and harmonic interval, density, duration, rhythm, polyphony, velocity
 *       and chord-type features, per window or per piece; definitions in {@code docs/SYMBOLIC_FEATURES.md}.</li>
 *   <li>{@link org.cadenza.features.symbolic.KeyEstimate} (Krumhansl-Schmuckler key finding with the
 *       Krumhansl-Kessler profiles), {@link org.cadenza.features.symbolic.ChordType} (chord templates),
 *       {@link org.cadenza.features.symbolic.SkylineMode}, {@link org.cadenza.features.symbolic.ChordNotes}.</li>
 * </ul>
 */
package org.cadenza.features.symbolic;
