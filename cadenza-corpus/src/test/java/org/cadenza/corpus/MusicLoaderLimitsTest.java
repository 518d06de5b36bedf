package org.cadenza.corpus;

import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audio route refuses the MIDI files ingest refuses, with ingest's message, before making a synthesizer. */
class MusicLoaderLimitsTest {

    @TempDir
    Path tmp;

    /** No synthesizer may be made for a file over a limit. */
    private static final Supplier<MidiRenderer> NO_RENDERER = () -> {
        throw new AssertionError("a renderer was asked for a file that breaks a MIDI limit");
    };

    /** PPQ 1 at 60 BPM (a tick per second): one note at the start, one ending 388 hours later. */
    private Path veryLongMidi() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 1);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x0F, 0x42, 0x40}, 3), 0));
        long end = 388L * 3600;
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 90), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 1));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 62, 90), end - 1));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 62, 0), end));
        Path f = tmp.resolve("388-hours.mid");
        MidiSystem.write(seq, 0, f.toFile());
        return f;
    }

    @Test
    void aMidiHundredsOfHoursLongIsRefusedWithIngestsMessage() throws Exception {
        Path f = veryLongMidi();
        String ingest = assertThrows(ResourceLimitException.class,
                () -> MidiInspector.inspect(f, MidiLimits.DEFAULTS)).getMessage();
        MusicLoader loader = new MusicLoader(RenderSettings.builder().build(), NO_RENDERER);
        BadInputException byKind = assertThrows(BadInputException.class, () -> loader.load(f, MediaKind.MIDI));
        assertEquals(ResourceLimitException.class, byKind.getClass());
        assertEquals(ingest, byKind.getMessage());
        assertEquals(ingest, assertThrows(ResourceLimitException.class, () -> loader.load(f)).getMessage());
        assertTrue(ingest.contains("too long: 388:00:00"), ingest);
    }
}
