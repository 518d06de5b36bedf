package org.cadenza.io.score.musicxml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.audiveris.proxymusic.MidiInstrument;
import org.audiveris.proxymusic.ScoreInstrument;
import org.audiveris.proxymusic.ScorePart;
import org.cadenza.io.score.InstrumentNames;

/**
 * What a part's {@code <score-part>} says about how it sounds.
 *
 * <p>Program: the first {@code <midi-instrument>}'s {@code <midi-program>} (1-based in MusicXML) minus 1; without
 * one, {@link InstrumentNames#ofName} of the part name, then of its {@code <instrument-name>}s; else 0 (piano).
 * Percussion: a {@code <midi-channel>} of 10 (1-based). Unpitched notes sound the {@code <midi-unpitched>} key
 * (1-based) of their {@code <instrument>}'s midi-instrument, else of the part's first midi-instrument with one.
 *
 * @param name        the part name, "" when it has none
 * @param instruments its score-instrument names, in order
 * @param program     General MIDI program, 0-127
 * @param percussion  whether a midi-instrument plays on channel 10
 * @param unpitched   the MIDI key (0-127) of each score-instrument with a {@code <midi-unpitched>}
 * @param defaultKey  the first of those keys, or -1
 */
record PartInstrument(String name, List<String> instruments, int program, boolean percussion,
                      Map<Object, Integer> unpitched, int defaultKey) {

    static final PartInstrument NONE = new PartInstrument("", List.of(), 0, false, Map.of(), -1);

    static PartInstrument of(ScorePart sp) {
        if (sp == null) {
            return NONE;
        }
        String name = sp.getPartName() == null || sp.getPartName().getValue() == null ? ""
                : sp.getPartName().getValue().strip();
        List<String> instruments = new ArrayList<>();
        for (ScoreInstrument si : sp.getScoreInstrument()) {
            if (si.getInstrumentName() != null && !si.getInstrumentName().isBlank()) {
                instruments.add(si.getInstrumentName().strip());
            }
        }
        Integer midiProgram = null;
        boolean percussion = false;
        Map<Object, Integer> unpitched = new IdentityHashMap<>();
        int defaultKey = -1;
        for (Object o : sp.getMidiDeviceAndMidiInstrument()) {
            if (o instanceof MidiInstrument mi) {
                if (midiProgram == null && mi.getMidiProgram() != null) {
                    midiProgram = mi.getMidiProgram();
                }
                percussion |= mi.getMidiChannel() != null && mi.getMidiChannel() == 10;
                if (mi.getMidiUnpitched() != null) {
                    int key = Math.max(0, Math.min(127, mi.getMidiUnpitched() - 1));
                    if (mi.getId() != null) {
                        unpitched.put(mi.getId(), key);
                    }
                    defaultKey = defaultKey < 0 ? key : defaultKey;
                }
            }
        }
        int program;
        if (midiProgram != null) {
            program = Math.max(0, Math.min(127, midiProgram - 1));
        } else {
            OptionalInt named = InstrumentNames.ofName(name);
            for (int i = 0; named.isEmpty() && i < instruments.size(); i++) {
                named = InstrumentNames.ofName(instruments.get(i));
            }
            program = named.orElse(0);
        }
        return new PartInstrument(name, List.copyOf(instruments), program, percussion, unpitched, defaultKey);
    }

    /** The key an unpitched note of score-instrument {@code instrument} (null: none named) sounds, or -1. */
    int unpitchedKey(Object instrument) {
        Integer key = instrument == null ? null : unpitched.get(instrument);
        return key != null ? key : defaultKey;
    }
}
