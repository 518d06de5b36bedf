package org.cadenza.io.midi;

/**
 * One sounding note of a MIDI file, in seconds (the tempo map applied).
 *
 * @param pitch         MIDI key number, 0-127 (60 = middle C, 21 = A0 and 108 = C8 on the piano)
 * @param onsetSeconds  when the note starts, seconds from tick 0, &gt;= 0
 * @param offsetSeconds when it stops sounding (its note-off, or the sustain pedal's release when the pedal is
 *                      applied), seconds, &gt;= {@code onsetSeconds}
 * @param velocity      note-on velocity, 1-127
 * @param channel       MIDI channel, 0-15 (9 is General MIDI percussion)
 * @param program       the General MIDI program (0-127) in effect on the channel at the onset; 0 before any
 *                      program change
 * @param track         index of the track (MTrk chunk) the note-on was in, 0-based
 */
public record Note(int pitch, double onsetSeconds, double offsetSeconds, int velocity, int channel, int program,
                   int track) {

    public Note {
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch must be 0-127, got " + pitch);
        }
        if (!(onsetSeconds >= 0) || !(offsetSeconds >= onsetSeconds) || Double.isInfinite(offsetSeconds)) {
            throw new IllegalArgumentException("a note needs 0 <= onset <= offset, finite; got " + onsetSeconds
                    + " .. " + offsetSeconds + " s");
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be 1-127, got " + velocity);
        }
        if (channel < 0 || channel > 15 || program < 0 || program > 127 || track < 0) {
            throw new IllegalArgumentException("channel 0-15, program 0-127 and track >= 0 expected, got channel "
                    + channel + ", program " + program + ", track " + track);
        }
    }

    /** A piano note on channel 0, program 0, track 0. */
    public static Note of(int pitch, double onsetSeconds, double offsetSeconds, int velocity) {
        return new Note(pitch, onsetSeconds, offsetSeconds, velocity, 0, 0, 0);
    }

    /** {@code offsetSeconds - onsetSeconds}, seconds, &gt;= 0. */
    public double durationSeconds() {
        return offsetSeconds - onsetSeconds;
    }

    /** Pitch class 0-11 (0 = C, 1 = C sharp, ..., 11 = B). */
    public int pitchClass() {
        return pitch % 12;
    }

    /** Whether the note is on the General MIDI percussion channel (channel index 9), i.e. not pitched. */
    public boolean isPercussion() {
        return channel == 9;
    }
}
