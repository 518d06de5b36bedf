package org.cadenza.io.score.musicxml;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalInt;

/**
 * MusicXML dynamics to MIDI note-on velocities (1-127).
 *
 * <p>Marks ({@code <dynamics>} in a {@code <direction>}) set the part's level from where they stand, by this table
 * (MuseScore's defaults from ppp to fff): pppppp 4, ppppp 6, pppp 10, ppp 16, pp 33, p 49, mp 64, mf 80, f 96,
 * ff 112, fff 126, ffff/fffff/ffffff 127; a loud attack followed by a soft level takes the level that stays:
 * fp and sfp 49 (p), sfpp 33 (pp), pf 96 (f), sfzp 49 (p). Momentary accents (sf, sfz, sffz, fz, rf, rfz), n
 * (niente) and other-dynamics leave the level unchanged. Before any dynamics a part plays mf, {@value #DEFAULT}.
 *
 * <p>A {@code dynamics} attribute (of {@code <sound>} or {@code <note>}) is a percentage of the default forte
 * velocity 90 (MusicXML's definition): velocity = round(dynamics &times; 0.9), clamped to 1-127.
 */
final class DynamicMarks {

    /** The velocity of a part before any dynamics: mf, 80. */
    static final int DEFAULT = 80;

    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("pppppp", 4), Map.entry("ppppp", 6), Map.entry("pppp", 10), Map.entry("ppp", 16),
            Map.entry("pp", 33), Map.entry("p", 49), Map.entry("mp", 64), Map.entry("mf", 80), Map.entry("f", 96),
            Map.entry("ff", 112), Map.entry("fff", 126), Map.entry("ffff", 127), Map.entry("fffff", 127),
            Map.entry("ffffff", 127), Map.entry("fp", 49), Map.entry("sfp", 49), Map.entry("sfpp", 33),
            Map.entry("pf", 96), Map.entry("sfzp", 49));

    private DynamicMarks() {
    }

    /** The level a mark (element name: {@code p}, {@code ff}, {@code sfp}) sets; empty for accents and the rest. */
    static OptionalInt level(String mark) {
        Integer v = LEVELS.get(mark);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** The velocity of a {@code dynamics} attribute: round(percent &times; 0.9), clamped to 1-127. */
    static int ofPercent(BigDecimal percent) {
        long v = Math.round(percent.doubleValue() * 0.9);
        return (int) Math.max(1, Math.min(127, v));
    }
}
