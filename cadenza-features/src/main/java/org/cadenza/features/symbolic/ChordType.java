package org.cadenza.features.symbolic;

import java.util.List;

/**
 * The chord templates of the chord-type histogram: a pitch-class set matches a template when some transposition of
 * the template equals it exactly (so inversions and octave doublings match; an incomplete chord, e.g. a seventh
 * without its fifth, is {@link #OTHER}). Template intervals are semitones above the root, as in music21's
 * {@code chord.Chord.commonName} tables.
 */
public enum ChordType {
    /** One pitch class: a single note, or octaves / unisons of it. */
    SINGLE_PITCH_CLASS("chord_single_pitch_class"),
    /** Any two pitch classes. */
    DYAD("chord_dyad"),
    /** {0, 4, 7}. */
    MAJOR_TRIAD("chord_major_triad", 0, 4, 7),
    /** {0, 3, 7}. */
    MINOR_TRIAD("chord_minor_triad", 0, 3, 7),
    /** {0, 3, 6}. */
    DIMINISHED_TRIAD("chord_diminished_triad", 0, 3, 6),
    /** {0, 4, 8}. */
    AUGMENTED_TRIAD("chord_augmented_triad", 0, 4, 8),
    /** {0, 4, 7, 10}. */
    DOMINANT_SEVENTH("chord_dominant_seventh", 0, 4, 7, 10),
    /** {0, 4, 7, 11}. */
    MAJOR_SEVENTH("chord_major_seventh", 0, 4, 7, 11),
    /** {0, 3, 7, 10} (as a set, also the major sixth chord). */
    MINOR_SEVENTH("chord_minor_seventh", 0, 3, 7, 10),
    /** {0, 3, 6, 10} (as a set, also the minor sixth chord). */
    HALF_DIMINISHED_SEVENTH("chord_half_diminished_seventh", 0, 3, 6, 10),
    /** {0, 3, 6, 9}. */
    DIMINISHED_SEVENTH("chord_diminished_seventh", 0, 3, 6, 9),
    /** {0, 5, 7}: the suspended fourth; the suspended second {0, 2, 7} is the same set transposed. */
    SUSPENDED("chord_suspended", 0, 5, 7),
    /** Three or more pitch classes matching none of the templates above. */
    OTHER("chord_other");

    private static final List<ChordType> VALUES = List.of(values());

    private final String featureName;
    private final int mask;

    ChordType(String featureName, int... intervals) {
        this.featureName = featureName;
        int m = 0;
        for (int i : intervals) {
            m |= 1 << i;
        }
        this.mask = m;
    }

    /** The feature's name in {@link SymbolicFeatures#names()}, e.g. {@code chord_major_triad}. */
    public String featureName() {
        return featureName;
    }

    /**
     * The type of a pitch-class set.
     *
     * @param pitchClassMask bit {@code p} set for each pitch class {@code p} (0 = C ... 11 = B) present; 0 &lt; mask
     *                       &lt; 4096
     */
    public static ChordType of(int pitchClassMask) {
        if (pitchClassMask <= 0 || pitchClassMask >= 1 << 12) {
            throw new IllegalArgumentException("a pitch-class set is a non-empty 12-bit mask, got " + pitchClassMask);
        }
        int size = Integer.bitCount(pitchClassMask);
        if (size == 1) {
            return SINGLE_PITCH_CLASS;
        }
        if (size == 2) {
            return DYAD;
        }
        for (int root = 0; root < 12; root++) {
            if ((pitchClassMask & (1 << root)) == 0) {
                continue;
            }
            int rotated = ((pitchClassMask >>> root) | (pitchClassMask << (12 - root))) & 0xFFF;
            for (ChordType t : VALUES) {
                if (t.mask != 0 && t.mask == rotated) {
                    return t;
                }
            }
        }
        return OTHER;
    }
}
