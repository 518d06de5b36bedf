package org.cadenza.render;

/** Gervill's global effects. Both are off by default in {@link RenderSettings} (dry signal, and faster). */
public enum Effect {
    /** Gervill's reverb (driven by each channel's CC 91 and the soundfont's reverb sends). */
    REVERB,
    /** Gervill's chorus (CC 93). */
    CHORUS
}
