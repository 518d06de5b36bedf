package org.cadenza.eval.generation;

import java.util.ArrayList;
import java.util.List;

import org.cadenza.io.midi.Note;

/**
 * Notes struck together: consecutive notes (in onset order) whose onsets lie within
 * {@link MusicStatistics#ONSET_TOLERANCE_SECONDS} of the first onset of their group form one group. A group's time
 * is its first onset; groups never chain (a note 8 ms after a note 8 ms after the group's first onset starts a new
 * group, 16 ms &gt; 10 ms).
 */
final class OnsetGroups {

    /** Absorbs rounding in differences of seconds such as {@code 1.01 - 1.0}. */
    private static final double EPSILON_SECONDS = 1e-9;

    private OnsetGroups() {
    }

    /**
     * @param notes pitched notes sorted by onset (as {@link org.cadenza.io.midi.NoteSequence} keeps them)
     * @return the groups in time order, each non-empty and sorted as given (onset, then pitch)
     */
    static List<List<Note>> of(List<Note> notes) {
        List<List<Note>> groups = new ArrayList<>();
        List<Note> current = null;
        double start = 0;
        for (Note n : notes) {
            boolean apart = n.onsetSeconds() - start > MusicStatistics.ONSET_TOLERANCE_SECONDS + EPSILON_SECONDS;
            if (current == null || apart) {
                current = new ArrayList<>();
                groups.add(current);
                start = n.onsetSeconds();
            }
            current.add(n);
        }
        return groups;
    }

    /** The highest pitch of a group: the "skyline" note that stands for a chord in the melodic features. */
    static int topPitch(List<Note> group) {
        int top = -1;
        for (Note n : group) {
            top = Math.max(top, n.pitch());
        }
        return top;
    }
}
