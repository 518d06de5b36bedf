package org.cadenza.features.instruments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;

/**
 * Hand-built Standard MIDI Files for the tests, written with javax.sound.midi and read back with
 * {@link NoteReader}: 480 ticks per quarter note at the default 120 BPM, so 960 ticks per second.
 */
final class TestMidi {

    static final int TICKS_PER_SECOND = 960;

    private final List<List<MidiEvent>> tracks = new ArrayList<>();

    /** Starts a new track; the following calls add to it. */
    TestMidi track() {
        tracks.add(new ArrayList<>());
        return this;
    }

    /** A program change at {@code seconds}. */
    TestMidi program(int channel, int program, double seconds) {
        return add(ShortMessage.PROGRAM_CHANGE, channel, program, 0, seconds);
    }

    /** A note from {@code on} to {@code off} seconds. */
    TestMidi note(int channel, int pitch, double on, double off) {
        add(ShortMessage.NOTE_ON, channel, pitch, 80, on);
        return add(ShortMessage.NOTE_OFF, channel, pitch, 0, off);
    }

    private TestMidi add(int command, int channel, int d1, int d2, double seconds) {
        try {
            tracks.get(tracks.size() - 1).add(new MidiEvent(new ShortMessage(command, channel, d1, d2),
                    Math.round(seconds * TICKS_PER_SECOND)));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    /** Writes the file as {@code dir/name} (format 1) and reads it back with the pedal applied. */
    NoteSequence writeAndRead(Path dir, String name) throws IOException, InvalidMidiDataException {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        for (List<MidiEvent> events : tracks) {
            Track t = seq.createTrack();
            events.forEach(t::add);
        }
        Path file = dir.resolve(name);
        MidiSystem.write(seq, 1, file.toFile());
        return NoteReader.read(file);
    }
}
