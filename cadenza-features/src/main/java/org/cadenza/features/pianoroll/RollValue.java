package org.cadenza.features.pianoroll;

/** What a marked cell of a {@link PianoRoll} holds. */
public enum RollValue {
    /** 1.0 where a note sounds (frame roll) or starts (onset roll), 0.0 elsewhere. */
    BINARY,
    /** The note's velocity / 127, in (0, 1], where it sounds or starts; 0.0 elsewhere. */
    VELOCITY
}
