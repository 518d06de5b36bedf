package org.cadenza.features.symbolic;

/** Which notes make the pitch-class set that {@link ChordType} classifies at each onset group. */
public enum ChordNotes {
    /** Only the notes struck in the onset group (within the chord tolerance). Default. */
    STRUCK,
    /** The notes struck in the group and those struck earlier that still sound more than the tolerance after it. */
    SOUNDING
}
