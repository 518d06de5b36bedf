package org.cadenza.render;

import static org.cadenza.render.TestMidi.PPQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.cadenza.io.audio.AudioClip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final Path NAME = Path.of("aug.mid");
    private static final RenderSettings PIANO = RenderSettings.builder().optProgram(ProgramPolicy.parse("piano")).build();
    private static MidiRenderer piano;

    @BeforeAll
    static void open() {
        piano = new MidiRenderer(PIANO);
    }

    @AfterAll
    static void close() {
        piano.close();
    }

    /** Every event of every track as "track:tick:status bytes", to compare sequences. */
    private static List<String> dump(Sequence seq) {
        List<String> out = new ArrayList<>();
        Track[] tracks = seq.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent e = tracks[t].get(i);
                out.add(t + ":" + e.getTick() + ":" + Arrays.toString(e.getMessage().getMessage()));
            }
        }
        return out;
    }

    /** Keys of the note-ons on {@code channel}, in schedule order. */
    private static List<Integer> noteOnKeys(EventSchedule s, int channel) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.message(i) instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON
                    && sm.getChannel() == channel) {
                keys.add(sm.getData1());
            }
        }
        return keys;
    }

    private static double dominantHz(float[] x, int from, int to, int rate) {
        return TestMidi.dominantHz(x, from, to, rate, 300, 700, 0.5);
    }

    @Test
    void transposedA4RendersAtTheTransposedFrequency() {
        Sequence a4 = TestMidi.singleNote(69, 0, 2 * PPQ, null);
        try (MidiRenderer up2 = new MidiRenderer(PIANO.toBuilder().optAugmentation(Augmentation.transpose(2)).build());
             MidiRenderer down3 = new MidiRenderer(PIANO.toBuilder().optAugmentation(Augmentation.transpose(-3)).build())) {
            AudioClip b4 = up2.render(a4, NAME);
            AudioClip fSharp4 = down3.render(a4, NAME);
            int rate = b4.sampleRate();
            // B4 = 440 * 2^(2/12) = 493.88 Hz; F#4 = 440 * 2^(-3/12) = 369.99 Hz
            assertEquals(493.88, dominantHz(b4.samples(), (int) (0.1 * rate), (int) (0.9 * rate), rate), 2.5);
            assertEquals(369.99, dominantHz(fSharp4.samples(), (int) (0.1 * rate), (int) (0.9 * rate), rate), 2.5);
            AudioClip plain = piano.render(a4, NAME);
            assertEquals(440.0, dominantHz(plain.samples(), (int) (0.1 * rate), (int) (0.9 * rate), rate), 2.5);
        }
    }

    @Test
    void tempoFactorTwoHalvesOnsetsAndDurations() {
        // no tempo event: MIDI's default 120 BPM; note on at tick 1920 (2.0 s), off at 2880 (3.0 s)
        Sequence seq = TestMidi.singleNote(60, 4 * PPQ, 6 * PPQ, null);
        EventSchedule fast = EventSchedule.of(Augmentation.tempo(2.0).apply(seq), ProgramPolicy.ORIGINAL, NAME);
        List<Long> noteTimes = new ArrayList<>();
        for (int i = 0; i < fast.size(); i++) {
            if (fast.message(i) instanceof ShortMessage) {
                noteTimes.add(fast.micros(i));
            }
        }
        assertEquals(List.of(1_000_000L, 1_500_000L), noteTimes);
        EventSchedule slow = EventSchedule.of(Augmentation.tempo(0.5).apply(seq), ProgramPolicy.ORIGINAL, NAME);
        assertEquals(6_000_000, slow.endMicros());

        // the rendered onset moves from 2.0 s to 1.0 s
        try (MidiRenderer r = new MidiRenderer(PIANO.toBuilder().optAugmentation(Augmentation.tempo(2.0)).build())) {
            AudioClip clip = r.render(seq, NAME);
            assertEquals(1.0, TestMidi.onsetSeconds(clip.samples(), clip.sampleRate(), 1e-4f), 0.003);
        }
        AudioClip plain = piano.render(seq, NAME);
        assertEquals(2.0, TestMidi.onsetSeconds(plain.samples(), plain.sampleRate(), 1e-4f), 0.003);
    }

    @Test
    void everyTempoEventIsScaled() {
        // 120 BPM at tick 0, 60 BPM from tick 960 (1.0 s): a note at tick 1440 is at 2.0 s; 1.25 times faster: 1.6 s
        Sequence seq = TestMidi.tempoChangeThenNote();
        Sequence faster = new Augmentation(0, 1.25).apply(seq);
        EventSchedule s = EventSchedule.of(faster, ProgramPolicy.ORIGINAL, NAME);
        assertEquals(1_600_000, s.micros(0));
        assertEquals(2_400_000, s.micros(1));
        long tempoEvents = dump(faster).stream().filter(e -> e.contains("[-1, 81, 3,")).count();
        assertEquals(2, tempoEvents, "a tempo event already at tick 0: none added");
    }

    @Test
    void smpteTicksAreScaled() throws Exception {
        Sequence seq = new Sequence(Sequence.SMPTE_25, 40); // 1000 ticks per second
        TestMidi.note(seq.createTrack(), 0, 60, 90, 1000, 3000);
        EventSchedule s = EventSchedule.of(Augmentation.tempo(2.0).apply(seq), ProgramPolicy.ORIGINAL, NAME);
        assertEquals(500_000, s.micros(0));
        assertEquals(1_500_000, s.micros(1));
    }

    @Test
    void drumsAreNotTransposedAndOutOfRangeNotesAreDropped() {
        Sequence seq = TestMidi.sequence();
        Track t = seq.createTrack();
        TestMidi.note(t, 0, 60, 90, 0, PPQ);
        TestMidi.note(t, 0, 120, 90, 0, PPQ);       // 120 + 12 = 132: out of range, dropped
        TestMidi.note(t, 9, 38, 90, 0, PPQ);        // snare on channel 10
        TestMidi.controller(t, 3, 0, 0x78, 0);      // channel 4 becomes a GM2 drum kit
        TestMidi.note(t, 3, 42, 90, 0, PPQ);
        Sequence up = Augmentation.transpose(12).apply(seq);
        EventSchedule s = EventSchedule.of(up, ProgramPolicy.ORIGINAL, NAME);
        assertEquals(List.of(72), noteOnKeys(s, 0));
        assertEquals(List.of(38), noteOnKeys(s, 9));
        assertEquals(List.of(42), noteOnKeys(s, 3));
        for (int i = 0; i < s.size(); i++) {
            if (s.message(i) instanceof ShortMessage sm && sm.getChannel() == 0) {
                assertEquals(72, sm.getData1(), "the dropped note leaves no note-off behind either");
            }
        }
        // a note pushed below 0 is dropped too
        Sequence low = TestMidi.singleNote(5, 0, PPQ, null);
        assertEquals(0, EventSchedule.of(Augmentation.transpose(-12).apply(low), ProgramPolicy.ORIGINAL, NAME).noteCount());
    }

    @Test
    void theCallersSequenceIsNotChanged() {
        Sequence seq = TestMidi.sequence();
        Track conductor = seq.createTrack();
        TestMidi.tempo(conductor, 90, 0);
        Track t = seq.createTrack();
        TestMidi.program(t, 0, 40, 0);
        TestMidi.note(t, 0, 69, 100, 0, 2 * PPQ);
        TestMidi.note(t, 9, 38, 100, PPQ, 2 * PPQ);
        List<String> before = dump(seq);
        Sequence changed = new Augmentation(5, 1.5).apply(seq);
        assertEquals(before, dump(seq), "the original is untouched");
        assertFalse(before.equals(dump(changed)), "the copy differs");
        // the copy shares no message objects with the original
        for (Track ot : seq.getTracks()) {
            for (int i = 0; i < ot.size(); i++) {
                for (Track ct : changed.getTracks()) {
                    for (int j = 0; j < ct.size(); j++) {
                        assertFalse(ot.get(i).getMessage() == ct.get(j).getMessage(), "shared message");
                    }
                }
            }
        }
        // rendering with an augmentation leaves it untouched too
        try (MidiRenderer r = new MidiRenderer(PIANO.toBuilder().optAugmentation(new Augmentation(-4, 0.8)).build())) {
            r.render(seq, NAME);
        }
        assertEquals(before, dump(seq));
        assertEquals(seq.getTracks().length, changed.getTracks().length);
        assertEquals(seq.getResolution(), changed.getResolution());
        assertTrue(changed.getDivisionType() == Sequence.PPQ);
    }

    @Test
    void noneCopiesTheSequenceUnchanged() {
        Sequence seq = TestMidi.singleNote(64, PPQ, 2 * PPQ, 40);
        assertEquals(dump(seq), dump(Augmentation.NONE.apply(seq)));
        assertTrue(Augmentation.NONE.isNone());
        assertFalse(Augmentation.transpose(1).isNone());
        assertFalse(Augmentation.tempo(1.01).isNone());
    }

    @Test
    void keysAndBadValues() {
        assertEquals("none", Augmentation.NONE.key());
        assertEquals("transpose=+2,tempo=1.0", Augmentation.transpose(2).key());
        assertEquals("transpose=-3,tempo=1.1", new Augmentation(-3, 1.1).key());
        assertEquals("transpose=+0,tempo=0.5", Augmentation.tempo(0.5).key());
        for (int bad : new int[] {-13, 13, 100}) {
            assertThrows(IllegalArgumentException.class, () -> Augmentation.transpose(bad));
        }
        for (double bad : new double[] {0.49, 2.01, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Augmentation.tempo(bad));
        }
        new Augmentation(-12, 0.5);
        new Augmentation(12, 2.0);
    }

    @Test
    void aZeroTempoAtTickZeroStillGetsTheScaledDefault() {
        // a set-tempo of 0 is ignored by the renderer, so 120 BPM holds: scaled by 2 the note at tick 960 is at 0.5 s
        Sequence seq = TestMidi.singleNote(60, 2 * PPQ, 3 * PPQ, null);
        try {
            seq.getTracks()[0].add(new MidiEvent(new MetaMessage(0x51, new byte[] {0, 0, 0}, 3), 0));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        EventSchedule s = EventSchedule.of(Augmentation.tempo(2.0).apply(seq), ProgramPolicy.ORIGINAL, NAME);
        assertEquals(500_000, s.micros(0));
    }
}
