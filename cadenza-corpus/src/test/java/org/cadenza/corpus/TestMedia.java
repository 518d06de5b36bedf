package org.cadenza.corpus;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small media files built in the test's temp folder (no media is committed). */
public final class TestMedia {

    private TestMedia() {
    }

    /**
     * Writes a format-1 MIDI file at 120 BPM, 480 ticks per quarter: the given pitches one after the other,
     * each a quarter note (0.5 s) long, on channel 0 with the given GM program.
     */
    public static Path midi(Path file, int program, int... pitches) throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        MetaMessage tempo = new MetaMessage(0x51, new byte[] {0x07, (byte) 0xA1, 0x20}, 3);
        t.add(new MidiEvent(tempo, 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0));
        long tick = 0;
        for (int p : pitches) {
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, p, 96), tick));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, p, 0), tick + 480));
            tick += 480;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        MidiSystem.write(seq, 1, file.toFile());
        return file;
    }

    /** A MIDI file with a tempo event and no notes. */
    public static Path midiWithoutNotes(Path file) throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x07, (byte) 0xA1, 0x20}, 3), 0));
        Files.createDirectories(file.toAbsolutePath().getParent());
        MidiSystem.write(seq, 1, file.toFile());
        return file;
    }

    /** A valid MIDI file cut after {@code keep} bytes. */
    public static Path truncatedMidi(Path file, int keep) throws Exception {
        midi(file, 0, 60, 62, 64, 65, 67);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, keep));
        return file;
    }

    /** A zip holding the given (name, bytes) members, names written as given (even "../x.mid"). */
    public static Path zip(Path file, Object... nameBytesPairs) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (int i = 0; i < nameBytesPairs.length; i += 2) {
                zos.putNextEntry(new ZipEntry((String) nameBytesPairs[i]));
                zos.write((byte[]) nameBytesPairs[i + 1]);
                zos.closeEntry();
            }
        }
        return file;
    }

    /** Bytes of a fresh MIDI file with these pitches (written through a temp file). */
    public static byte[] midiBytes(int program, int... pitches) throws Exception {
        Path tmp = Files.createTempFile("cadenza-test", ".mid");
        try {
            midi(tmp, program, pitches);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
