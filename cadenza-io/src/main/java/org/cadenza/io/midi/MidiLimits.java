package org.cadenza.io.midi;

import org.cadenza.io.Parameters;

/**
 * Safety limits applied to a user's MIDI file by every reader of MIDI: {@link MidiInspector#inspect} (ingest),
 * {@link MidiInspector#read} and {@link NoteReader#read(java.nio.file.Path, MidiLimits, NoteReader.Pedal)} (notes),
 * all with the same checks and messages.
 *
 * @param maxSeconds longest accepted piece, in seconds of music (tempo map applied, up to the last note-off);
 *                   finite and &gt; 0. Default {@value #DEFAULT_MAX_SECONDS} s (3 h).
 * @param maxBytes   largest accepted file, in bytes; &gt; 0. Default {@value #DEFAULT_MAX_BYTES} (64 MiB).
 * @param minBpm     slowest accepted tempo, in quarter notes per minute; finite and &gt; 0. Default
 *                   {@value #DEFAULT_MIN_BPM} BPM.
 * @param maxBpm     fastest accepted tempo, in quarter notes per minute; finite and &ge; {@code minBpm}. Default
 *                   {@value #DEFAULT_MAX_BPM} BPM.
 */
public record MidiLimits(double maxSeconds, long maxBytes, double minBpm, double maxBpm) {

    /** Default longest piece: 3 hours, in seconds. */
    public static final double DEFAULT_MAX_SECONDS = 3 * 3600.0;
    /** Default largest file: 64 MiB, in bytes. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Default slowest tempo, in BPM. */
    public static final double DEFAULT_MIN_BPM = 4.0;
    /** Default fastest tempo, in BPM. */
    public static final double DEFAULT_MAX_BPM = 1200.0;

    /** 3 h (10,800 s), 64 MiB, tempo 4..1200 BPM. */
    public static final MidiLimits DEFAULTS =
            new MidiLimits(DEFAULT_MAX_SECONDS, DEFAULT_MAX_BYTES, DEFAULT_MIN_BPM, DEFAULT_MAX_BPM);

    public MidiLimits {
        Parameters.finitePositive("maxSeconds", maxSeconds, "s");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
        }
        Parameters.finitePositive("minBpm", minBpm, "BPM");
        if (!(maxBpm >= minBpm) || Double.isInfinite(maxBpm)) {
            throw new IllegalArgumentException(
                    "maxBpm must be finite and >= minBpm (" + minBpm + " BPM), got " + maxBpm);
        }
    }

    /** A copy with another longest piece, in seconds. */
    public MidiLimits withMaxSeconds(double seconds) {
        return new MidiLimits(seconds, maxBytes, minBpm, maxBpm);
    }

    /** A copy with another largest file size, in bytes. */
    public MidiLimits withMaxBytes(long bytes) {
        return new MidiLimits(maxSeconds, bytes, minBpm, maxBpm);
    }

    /** A copy with another accepted tempo range, in BPM. */
    public MidiLimits withBpmRange(double min, double max) {
        return new MidiLimits(maxSeconds, maxBytes, min, max);
    }
}
