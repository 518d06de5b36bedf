package org.cadenza.render;

import static org.cadenza.render.TestMidi.PPQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;

import org.junit.jupiter.api.Test;

class EventScheduleTest {

    private static final Path NAME = Path.of("t.mid");

    @Test
    void tempoMapIsAppliedAcrossTracks() {
        // 120 BPM, 60 BPM from tick 960, 240 BPM from tick 1440
        Sequence seq = TestMidi.sequence();
        Track conductor = seq.createTrack();
        TestMidi.tempo(conductor, 60, 2 * PPQ);
        TestMidi.tempo(conductor, 240, 3 * PPQ);
        Track notes = seq.createTrack();
        TestMidi.note(notes, 0, 60, 90, PPQ, 2 * PPQ + PPQ / 2);   // on at 0.5 s, off at 1.0 + 0.5 = 1.5 s
        TestMidi.note(notes, 0, 62, 90, 3 * PPQ, 5 * PPQ);         // on at 2.0 s, off at 2.0 + 2 * 0.25 = 2.5 s
        EventSchedule s = EventSchedule.of(seq, ProgramPolicy.ORIGINAL, NAME);
        assertEquals(4, s.size());
        assertEquals(500_000, s.micros(0));
        assertEquals(1_500_000, s.micros(1));
        assertEquals(2_000_000, s.micros(2));
        assertEquals(2_500_000, s.micros(3));
        assertEquals(2_500_000, s.endMicros());
        assertEquals(2, s.noteCount());
    }

    @Test
    void smpteTimeIgnoresTempo() throws Exception {
        Sequence seq = new Sequence(Sequence.SMPTE_25, 40); // 25 frames x 40 ticks = 1000 ticks per second
        Track t = seq.createTrack();
        TestMidi.tempo(t, 60, 0);
        TestMidi.note(t, 0, 60, 90, 250, 1500);
        EventSchedule s = EventSchedule.of(seq, ProgramPolicy.ORIGINAL, NAME);
        assertEquals(250_000, s.micros(0));
        assertEquals(1_500_000, s.micros(1));
    }

    @Test
    void fixedProgramDropsProgramChangesBankSelectsAndDrums() throws Exception {
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        TestMidi.controller(t, 0, 0, 1, 0);          // bank select
        TestMidi.program(t, 0, 40, 0);
        TestMidi.note(t, 0, 67, 90, 0, PPQ);
        TestMidi.note(t, 9, 38, 90, 0, PPQ);          // snare
        byte[] gmOn = {(byte) 0xF0, 0x7E, 0x7F, 0x09, 0x01, (byte) 0xF7};
        t.add(new MidiEvent(new SysexMessage(gmOn, gmOn.length), PPQ / 2));
        EventSchedule s = EventSchedule.of(seq, new ProgramPolicy.Fixed(19), NAME);

        assertEquals(15, s.setup().size(), "program 19 on every channel but the drum channel");
        for (var m : s.setup()) {
            ShortMessage sm = (ShortMessage) m;
            assertEquals(ShortMessage.PROGRAM_CHANGE, sm.getCommand());
            assertEquals(19, sm.getData1());
            assertTrue(sm.getChannel() != 9);
        }
        int notes = 0;
        int programsAfterReset = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.message(i) instanceof ShortMessage sm) {
                assertFalse(sm.getCommand() == ShortMessage.CONTROL_CHANGE && sm.getData1() == 0, "bank select dropped");
                assertFalse(sm.getChannel() == 9, "drum channel dropped");
                if (sm.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                    assertEquals(19, sm.getData1(), "only the fixed program");
                    assertEquals(250_000, s.micros(i), "re-imposed right after the GM reset");
                    programsAfterReset++;
                }
                if (sm.getCommand() == ShortMessage.NOTE_ON) {
                    notes++;
                }
            }
        }
        assertEquals(1, notes);
        assertEquals(15, programsAfterReset);
        assertFalse(s.usesPercussion());
        assertEquals(java.util.BitSet.valueOf(new long[] {1L | (1L << 19)}), s.programsUsed());
    }

    @Test
    void originalPolicyKeepsProgramsAndDrums() {
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        TestMidi.program(t, 0, 40, 0);
        TestMidi.note(t, 0, 67, 90, 0, PPQ);
        TestMidi.note(t, 9, 38, 90, 0, PPQ);
        EventSchedule s = EventSchedule.of(seq, ProgramPolicy.ORIGINAL, NAME);
        assertTrue(s.setup().isEmpty());
        assertEquals(5, s.size());
        assertTrue(s.usesPercussion());
        assertTrue(s.programsUsed().get(40) && s.programsUsed().get(0));
        assertEquals(2, s.noteCount());
    }

    @Test
    void startingAtTheFirstNoteMovesEarlierEventsToTheSetup() {
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        TestMidi.program(t, 0, 40, 0);
        TestMidi.controller(t, 3, 0, 0x78, 0);       // GM2 drum bank on channel 4, before any note
        TestMidi.controller(t, 0, 64, 127, 2 * PPQ);  // pedal down at 1.0 s
        TestMidi.note(t, 0, 67, 90, 6 * PPQ, 8 * PPQ); // on at 3.0 s, off at 4.0 s
        TestMidi.note(t, 0, 69, 90, 8 * PPQ, 9 * PPQ); // on at 4.0 s, off at 4.5 s
        EventSchedule s = EventSchedule.of(seq, ProgramPolicy.ORIGINAL, NAME);
        assertEquals(3, s.firstNoteIndex());
        EventSchedule shifted = s.startingAtFirstNote();
        assertEquals(3, shifted.setup().size(), "program change, bank select and pedal, in order");
        assertEquals(ShortMessage.PROGRAM_CHANGE, ((ShortMessage) shifted.setup().get(0)).getCommand());
        assertEquals(64, ((ShortMessage) shifted.setup().get(2)).getData1());
        assertEquals(4, shifted.size());
        assertEquals(0, shifted.micros(0));
        assertEquals(1_000_000, shifted.micros(1));
        assertEquals(1_000_000, shifted.micros(2));
        assertEquals(1_500_000, shifted.endMicros());
        assertEquals(0, shifted.firstNoteIndex());
        assertEquals(2, shifted.noteCount());
        assertTrue(shifted.usesPercussion(), "the drum bank select in the setup still counts");
        assertTrue(shifted.programsUsed().get(40));
        assertTrue(shifted.startingAtFirstNote() == shifted, "already starts at its first note");
    }

    @Test
    void aNoteOnWithVelocityZeroIsNotTheFirstNote() {
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        t.add(new MidiEvent(TestMidi.shortMessage(ShortMessage.NOTE_ON, 0, 60, 0), PPQ));
        TestMidi.note(t, 0, 62, 90, 4 * PPQ, 5 * PPQ);
        EventSchedule s = EventSchedule.of(seq, ProgramPolicy.ORIGINAL, NAME).startingAtFirstNote();
        assertEquals(1, s.setup().size());
        assertEquals(0, s.micros(0));
        assertEquals(500_000, s.endMicros());
    }
}
