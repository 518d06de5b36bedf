package org.cadenza.features.symbolic;

/**
 * How the melody (the top line) and the bass (the bottom line) are taken out of polyphonic notes, the "skyline"
 * of Uitdenbogerd and Zobel (1998, "Manipulation of music for melody matching", ACM Multimedia).
 */
public enum SkylineMode {
    /**
     * The highest note of every onset group joins the melody and the lowest joins the bass; a new melody note cuts
     * the previous one (Uitdenbogerd and Zobel's "all-mono" skyline). Robust to legato overlaps and to the sustain
     * pedal. Default.
     */
    ONSET,
    /**
     * The highest note of an onset group joins the melody only when no higher note struck earlier still sounds more
     * than the chord tolerance after the group's onset (the highest <em>sounding</em> note); the bass likewise with
     * the lowest note. Meant for notes read with the pedal ignored: pedal-lengthened notes hide later, lower ones.
     */
    SOUNDING
}
