/**
 * MIDI to audio, offline, with the JDK's Gervill synthesizer ({@code com.sun.media.sound}; code using this package
 * runs with {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}).
 *
 * <ul>
 *   <li>{@link org.cadenza.render.RenderSettings}: every parameter with its documented default, and
 *       {@link org.cadenza.render.RenderSettings#key()} for cache keys; excerpts (the first N seconds, counted from
 *       the file's start or from the first note) and augmentation are settings too.</li>
 *   <li>{@link org.cadenza.render.ProgramPolicy}: the file's own instruments, or one fixed GM program for all.</li>
 *   <li>{@link org.cadenza.render.Augmentation}: transposition and tempo change applied to a copy of the MIDI before
 *       rendering (training-data augmentation).</li>
 *   <li>{@link org.cadenza.render.Soundbanks}: finds the default soundfont and loads each soundbank once per process.</li>
 *   <li>{@link org.cadenza.render.MidiRenderer}: {@code render(Path) -> AudioClip}, mono float, thread-safe,
 *       deterministic.</li>
 * </ul>
 *
 * <p>Speed against the fluidsynth CLI is measured by {@code org.cadenza.bench.RenderBenchmark}; figures are in
 * {@code docs/benchmarks/render.md}.
 */
package org.cadenza.render;
