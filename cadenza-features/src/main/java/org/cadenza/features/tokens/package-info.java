/**
 * Tokens for language models of music (issue 8, generation): notes as a MIDI-like event sequence and back.
 *
 * <ul>
 *   <li>{@link org.cadenza.features.tokens.TokenizerParams}: the time grid (10 ms), the longest time shift (1 s) and
 *       duration (5 s), 32 velocity bins and the pitch range (21-108), with {@code key()} for models' contracts.</li>
 *   <li>{@link org.cadenza.features.tokens.Vocabulary}: token id &lt;-&gt; text ({@code NOTE(60)},
 *       {@code TIME_SHIFT(25)}, {@code COMPOSER(chopin)}, ...), with composer tokens for one model conditioned on
 *       the composer.</li>
 *   <li>{@link org.cadenza.features.tokens.NoteTokenizer}: {@code encode} a
 *       {@link org.cadenza.io.midi.NoteSequence} (with a report of the notes clipped and dropped) and
 *       {@code decode} tokens back, strictly (tests) or leniently (sampled sequences, malformed tokens skipped and
 *       counted).</li>
 * </ul>
 * The vocabulary and its grammar are documented in {@code docs/TOKENS.md}; notes go back to a MIDI file with
 * {@link org.cadenza.io.midi.MidiWriter}.
 */
package org.cadenza.features.tokens;
