package org.cadenza.corpus.copies;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cadenza.corpus.ContentHash;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * The identity of a MIDI file's notes, whatever bytes carry them: SHA-256 (lower-case hex) of the onset-ordered list
 * of (pitch, quantised onset, quantised duration) of every note.
 *
 * <ul>
 *   <li>Onsets are measured from the first note's onset (leading silence does not count) and durations are the
 *       written ones (read with {@link org.cadenza.io.midi.NoteReader.Pedal#IGNORE}: pedal events do not count),
 *       both in seconds rounded to {@value #QUANTUM_SECONDS} s (half-way times up, whatever rounding error the
 *       tempo map left in them).</li>
 *   <li>Velocity, channel, program, track, track names, other meta events and the file's resolution do not count:
 *       two files that sound the same notes at the same times have the same hash, e.g. one re-saved by another
 *       sequencer with another resolution and the tempo events that keep the timing.</li>
 *   <li>Timing does count: the same notes played at another tempo have another hash (they are a near copy,
 *       {@link NearCopyRule}).</li>
 * </ul>
 */
public final class NoteHash {

    /** The time grid, seconds: onsets and durations are rounded to it. */
    public static final double QUANTUM_SECONDS = 0.01;

    private NoteHash() {
    }

    /** The hash of {@code notes} (64 hex digits); of an empty sequence, the hash of nothing. */
    public static String of(NoteSequence notes) {
        double first = notes.firstOnsetSeconds();
        List<long[]> q = new ArrayList<>(notes.notes().size());
        for (Note n : notes.notes()) {
            q.add(new long[] {quantise(n.onsetSeconds() - first), n.pitch(), quantise(n.durationSeconds())});
        }
        q.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1])
                .thenComparingLong(a -> a[2]));
        ByteBuffer b = ByteBuffer.allocate(q.size() * 20);
        for (long[] a : q) {
            b.putLong(a[0]).putInt((int) a[1]).putLong(a[2]);
        }
        return ContentHash.of(b.array());
    }

    /**
     * {@code seconds} in quanta, rounded half up after a nudge of a millionth of a quantum: musical times often fall
     * exactly half-way (0.375 s is 37.5 quanta), and the same time computed from another resolution or tempo map
     * may then lie a rounding error below or above it; the nudge sends both up.
     */
    static long quantise(double seconds) {
        return (long) Math.floor(seconds / QUANTUM_SECONDS + 0.5 + 1e-6);
    }
}
