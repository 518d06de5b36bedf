package org.cadenza.io.midi;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link MidiInspector#inspect} found in a valid MIDI file.
 *
 * @param file                  the inspected file
 * @param format                Standard MIDI File format: 0 (one track), 1 (parallel tracks) or 2 (sequential
 *                              patterns, read one after another)
 * @param tracks                number of tracks (MTrk chunks; for format 2, patterns)
 * @param resolution            ticks per quarter note for PPQ files, ticks per frame for SMPTE files
 * @param noteCount             number of note-on events with velocity &gt; 0, all channels (percussion included)
 * @param durationSeconds       seconds from tick 0 to the last note-off (the tempo map applied; trailing
 *                              end-of-track padding not counted)
 * @param minBpm                slowest tempo in effect between tick 0 and the last note-off, in quarter notes per
 *                              minute (120 BPM, the SMF default, where no set-tempo event applies)
 * @param maxBpm                fastest tempo in effect over the same span, in BPM
 * @param programs              General MIDI programs (0-127) of the channels other than channel 10 that play
 *                              notes; a channel that plays before any program change counts as program 0. Sorted,
 *                              unmodifiable
 * @param usesPercussionChannel whether channel 10 (index 9, GM percussion) plays notes
 */
public record MidiInfo(Path file, int format, int tracks, int resolution, long noteCount, double durationSeconds,
                       double minBpm, double maxBpm, SortedSet<Integer> programs, boolean usesPercussionChannel) {

    public MidiInfo {
        Objects.requireNonNull(file, "file");
        programs = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(programs, "programs")));
        for (int p : programs) {
            if (p < 0 || p > 127) {
                throw new IllegalArgumentException("GM program must be 0-127, got " + p);
            }
        }
        if (noteCount < 0 || !(durationSeconds >= 0) || !(minBpm > 0) || !(maxBpm >= minBpm)) {
            throw new IllegalArgumentException("inconsistent MIDI info for " + file + ": notes " + noteCount
                    + ", duration " + durationSeconds + " s, tempo " + minBpm + ".." + maxBpm + " BPM");
        }
    }
}
