package org.cadenza.cli;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real MIDI files for the command-line tests, written with javax.sound.midi. */
final class TestMidi {
    private TestMidi() {
    }

    /**
     * A melody of {@code notes} quarter notes at 120 BPM (0.5 s each) starting at {@code pitch}, program {@code program}.
     */
    static Path melody(Path file, int pitch, int notes, int program) throws IOException {
        try {
            Sequence seq = new Sequence(Sequence.PPQ, 480);
            Track t = seq.createTrack();
            t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0));
            for (int i = 0; i < notes; i++) {
                int p = pitch + (i * 7) % 12;
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, p, 90), i * 480L));
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, p, 0), i * 480L + 400));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            MidiSystem.write(seq, 1, file.toFile());
            return file;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
