package org.cadenza.corpus.copies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cadenza.corpus.ContentHash;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;

/**
 * When two MIDI files are near copies: the same movement in another encoding (a score MIDI and a hand-sequenced
 * file) or a performance of it. Two tests, either suffices:
 *
 * <ol>
 *   <li><b>The same opening</b> (the bundled datasets' {@code near_duplicates} rule): the first {@link #firstPitches}
 *       pitches in onset order (ties by pitch) are identical; files with fewer notes are not compared this way.</li>
 *   <li><b>Shared melody</b>: the notes are grouped into chords (a note whose onset is at most
 *       {@link #chordSeconds} after the previous note's joins its chord, so a rolled or unevenly played chord stays
 *       one), each chord is reduced to its highest pitch (the top voice), and the runs of {@link #shingleLength}
 *       consecutive top pitches with at least {@link #minDistinctPitches} different pitches (repeated notes and
 *       trills say nothing) are the file's shingles. The containment of two files, |A &cap; B| / min(|A|, |B|) over
 *       their sets of shingles, is 0..1; they are near copies when it is at least {@link #minContainment} and both
 *       have at least {@link #minShingles} shingles. Containment rather than Jaccard: a version without repeats, or
 *       one movement against a file of the whole work, is still a copy.</li>
 * </ol>
 *
 * <p>Percussion (channel index 9) is left out of both. Pitches are compared as written: a transposed copy is not
 * found. {@link #DEFAULT}'s threshold is calibrated on the bundled datasets (see its Javadoc).
 *
 * @param firstPitches       length of the opening compared by the first test, notes, &gt;= 1 (default 120)
 * @param chordSeconds       the largest gap between onsets inside one chord, seconds, &gt;= 0 (default 0.05)
 * @param shingleLength      top-voice pitches per shingle, &gt;= 2 (default 8)
 * @param minDistinctPitches different pitches a shingle needs to count, 1..shingleLength (default 3)
 * @param minShingles        shingles each file needs before containment is trusted, &gt;= 1 (default 50)
 * @param minContainment     containment from which two files are near copies, 0..1 (default 0.3)
 */
public record NearCopyRule(int firstPitches, double chordSeconds, int shingleLength, int minDistinctPitches,
                           int minShingles, double minContainment) {

    /**
     * The rule used by blind evaluation: chords within 50 ms, shingles of 8 top-voice pitches with at least 3
     * different ones, at least 50 shingles per file, containment at least 0.25. The threshold was calibrated on the
     * bundled datasets (every MIDI file of ASAP and piano-midi.de, 1,634 files):
     * <ul>
     *   <li>different pieces of one composer: piano-midi.de, 3,000 pairs of files of different works, containment
     *       at most 0.208 (Mussorgsky's Promenade 1 and 7, one theme), 99.9th percentile 0.058; ASAP, 143,454 pairs
     *       of different pieces, 99.9th percentile 0.054, none from 0.1 up but the 15 pairs of Schumann's Toccata
     *       and Toccata_repeat, the same music under two ASAP piece ids;</li>
     *   <li>different composers: piano-midi.de against ASAP, 398,948 pairs, at most 0.151 (chromatic runs of
     *       Chopin's op. 10/2 and Liszt's Don Juan);</li>
     *   <li>the same piece: an ASAP performance against its own score MIDI, median 0.62, at least 0.25 for 993 of
     *       1,067 performances (93 %; the rest are fast, heavily pedalled or ornamented pieces, Chopin op. 25/1,
     *       Ravel); the 65 piano-midi.de files with a same-composer ASAP file at 0.25 or more all reach 0.555 or
     *       more, every one the same movement (the opening rule alone finds 22 of them).</li>
     * </ul>
     */
    public static final NearCopyRule DEFAULT = new NearCopyRule(120, 0.05, 8, 3, 50, 0.25);

    public NearCopyRule {
        if (firstPitches < 1 || !(chordSeconds >= 0) || shingleLength < 2 || minDistinctPitches < 1
                || minDistinctPitches > shingleLength || minShingles < 1 || !(minContainment >= 0)
                || minContainment > 1) {
            throw new IllegalArgumentException("near-copy rule: firstPitches >= 1, chordSeconds >= 0, shingleLength"
                    + " >= 2, 1 <= minDistinctPitches <= shingleLength, minShingles >= 1, 0 <= minContainment <= 1;"
                    + " got " + this);
        }
    }

    /** The same rule with another containment threshold. */
    public NearCopyRule withMinContainment(double v) {
        return new NearCopyRule(firstPitches, chordSeconds, shingleLength, minDistinctPitches, minShingles, v);
    }

    /**
     * What the rule compares of one file.
     *
     * @param opening   SHA-256 of the first {@link #firstPitches} pitches, empty when the file has fewer notes
     * @param shingles  the top-voice shingles' 64-bit hashes, sorted, distinct
     */
    public record Profile(Optional<String> opening, long[] shingles) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Profile p && p.opening.equals(opening) && Arrays.equals(p.shingles, shingles);
        }

        @Override
        public int hashCode() {
            return 31 * opening.hashCode() + Arrays.hashCode(shingles);
        }

        @Override
        public String toString() {
            return "Profile[opening=" + opening + ", shingles=" + shingles.length + "]";
        }
    }

    /** The profile of {@code notes} under this rule. */
    public Profile profile(NoteSequence notes) {
        List<Note> pitched = notes.pitchedNotes(); // sorted by onset, then pitch
        Optional<String> opening = Optional.empty();
        if (pitched.size() >= firstPitches) {
            byte[] b = new byte[firstPitches];
            for (int i = 0; i < firstPitches; i++) {
                b[i] = (byte) pitched.get(i).pitch();
            }
            opening = Optional.of(ContentHash.of(b));
        }
        // the top voice: the highest pitch of each chord
        List<Integer> top = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (Note n : pitched) {
            if (n.onsetSeconds() - previous > chordSeconds || top.isEmpty()) {
                top.add(n.pitch());
            } else if (n.pitch() > top.get(top.size() - 1)) {
                top.set(top.size() - 1, n.pitch());
            }
            previous = n.onsetSeconds();
        }
        long[] out = new long[Math.max(0, top.size() - shingleLength + 1)];
        int count = 0;
        boolean[] seen = new boolean[128];
        for (int i = 0; i + shingleLength <= top.size(); i++) {
            Arrays.fill(seen, false);
            int distinct = 0;
            long h = 1125899906842597L;
            for (int k = i; k < i + shingleLength; k++) {
                int p = top.get(k);
                if (!seen[p]) {
                    seen[p] = true;
                    distinct++;
                }
                h = 31 * h + p;
            }
            if (distinct >= minDistinctPitches) {
                out[count++] = mix(h);
            }
        }
        long[] shingles = Arrays.stream(out, 0, count).sorted().distinct().toArray();
        return new Profile(opening, shingles);
    }

    /** |A &cap; B| / min(|A|, |B|) of the two profiles' shingles, 0..1; 0 when either has fewer than minShingles. */
    public double containment(Profile a, Profile b) {
        int na = a.shingles().length;
        int nb = b.shingles().length;
        if (na < minShingles || nb < minShingles) {
            return 0;
        }
        return (double) shared(a.shingles(), b.shingles()) / Math.min(na, nb);
    }

    /** Whether {@code a} and {@code b} are near copies: the same opening, or containment &gt;= the threshold. */
    public boolean isNear(Profile a, Profile b) {
        return sameOpening(a, b) || containment(a, b) >= minContainment;
    }

    /** Whether both have an opening and it is the same. */
    public static boolean sameOpening(Profile a, Profile b) {
        return a.opening().isPresent() && a.opening().equals(b.opening());
    }

    /** Shingles both sorted arrays hold. */
    static int shared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }

    /** A 64-bit finaliser (MurmurHash3's fmix64): spreads the polynomial hash over all bits. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb1b5cd4dc1a3L;
        h ^= h >>> 33;
        return h;
    }

    /** A key naming the rule's parameters, for caches and reports. */
    public String key() {
        return "first" + firstPitches + "-chord" + chordSeconds + "-n" + shingleLength + "-d" + minDistinctPitches
                + "-min" + minShingles + "-c" + minContainment;
    }
}
