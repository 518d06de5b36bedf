package org.cadenza.features.pianoroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

class PianoRollTest {

    private static final PianoRollParams DEFAULTS = PianoRollParams.defaults();
    /** Pitch index of middle C (MIDI 60) with the default range A0..C8. */
    private static final int C4 = 60 - 21;

    /** Frames where {@code roll[t][p] > 0}, as a 0/1 string over all frames. */
    private static String marks(float[][] roll, int p) {
        StringBuilder s = new StringBuilder();
        for (float[] row : roll) {
            s.append(row[p] > 0 ? '1' : '0');
        }
        return s.toString();
    }

    private static double sum(float[][] roll) {
        double s = 0;
        for (float[] row : roll) {
            for (float v : row) {
                s += v;
            }
        }
        return s;
    }

    @Test
    void aHalfSecondNoteAtSixteenFramesPerSecondSpansEightFramesAndHasOneOnset() {
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.0, 0.5, 100)), 1.0, DEFAULTS);
        assertEquals(16, roll.frames());
        assertEquals(88, roll.pitches());
        assertEquals(0.0625, roll.secondsPerFrame(), 1e-15);
        assertEquals("1111111100000000", marks(roll.frame(), C4));
        assertEquals("1000000000000000", marks(roll.onset(), C4));
        assertEquals(1f, roll.frame()[0][C4]);
        assertEquals(8.0, sum(roll.frame()));
        assertEquals(1.0, sum(roll.onset()));
    }

    @Test
    void aNoteSoundsInEveryFrameItsSpanOverlaps() {
        // 0.03 .. 0.53 s = frames 0.48 .. 8.48: overlaps frames 0 to 8
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.03, 0.53, 100)), 1.0, DEFAULTS);
        assertEquals("1111111110000000", marks(roll.frame(), C4));
        // offset exactly on a frame boundary (0.25 s = frame 4) does not mark frame 4; onset 0.1 s at 10 fps is frame 1
        PianoRollParams tenFps = PianoRollParams.builder().optFramesPerSecond(10).build();
        PianoRoll exact = PianoRoll.of(List.of(Note.of(60, 0.1, 0.3, 100)), 0.5, tenFps);
        assertEquals("01100", marks(exact.frame(), C4));
        assertEquals("01000", marks(exact.onset(), C4));
    }

    @Test
    void aTenMillisecondNoteStillMarksTheFrameOfItsOnset() {
        // 0.20 .. 0.21 s lies inside frame 3 (0.1875 .. 0.25 s); a zero-length note at 0.3 s marks frame 4
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.20, 0.21, 100), Note.of(62, 0.3, 0.3, 100)), 0.5,
                DEFAULTS);
        assertEquals("00010000", marks(roll.frame(), C4));
        assertEquals("00010000", marks(roll.onset(), C4));
        assertEquals("00001000", marks(roll.frame(), C4 + 2));
        assertEquals("00001000", marks(roll.onset(), C4 + 2));
    }

    @Test
    void onsetFramesMarksThatManyFramesFromTheOnsetWhateverTheNoteLength() {
        PianoRollParams p = PianoRollParams.builder().optOnsetFrames(3).build();
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.20, 0.21, 100), Note.of(64, 0.0, 1.0, 100),
                Note.of(67, 0.9, 1.0, 100)), 1.0, p);
        assertEquals("0001110000000000", marks(roll.onset(), C4));
        assertEquals("0001000000000000", marks(roll.frame(), C4));
        assertEquals("1110000000000000", marks(roll.onset(), C4 + 4));
        assertEquals("1111111111111111", marks(roll.frame(), C4 + 4));
        // clipped at the end of the roll: frame 14 (0.875 .. 0.9375 s) and 15
        assertEquals("0000000000000011", marks(roll.onset(), C4 + 7));
    }

    @Test
    void velocityRollsHoldVelocityOver127AndOverlapsKeepTheLouder() {
        PianoRollParams p = PianoRollParams.builder().optValue(RollValue.VELOCITY).build();
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.0, 0.25, 64), Note.of(60, 0.125, 0.5, 100),
                Note.of(72, 0.0, 0.1, 127)), 0.5, p);
        float soft = 64 / 127f;
        float loud = 100 / 127f;
        float[] expectedFrame = {soft, soft, loud, loud, loud, loud, loud, loud};
        float[] expectedOnset = {soft, 0, loud, 0, 0, 0, 0, 0};
        for (int t = 0; t < 8; t++) {
            assertEquals(expectedFrame[t], roll.frame()[t][C4], 1e-7, "frame " + t);
            assertEquals(expectedOnset[t], roll.onset()[t][C4], 1e-7, "onset " + t);
        }
        assertEquals(1f, roll.frame()[0][C4 + 12]);
        assertEquals(1f, roll.frame()[1][C4 + 12]);
        // the same notes in a binary roll: ones
        PianoRoll binary = PianoRoll.of(List.of(Note.of(60, 0.0, 0.25, 64)), 0.5, DEFAULTS);
        assertEquals(1f, binary.frame()[0][C4]);
    }

    @Test
    void percussionAndPitchesOutsideTheRangeAreLeftOut() {
        List<Note> notes = List.of(Note.of(20, 0, 0.5, 100), Note.of(109, 0, 0.5, 100),
                new Note(60, 0, 0.5, 100, 9, 0, 1), Note.of(21, 0, 0.0625, 90), Note.of(108, 0, 0.0625, 90));
        PianoRoll roll = PianoRoll.of(notes, 0.5, DEFAULTS);
        assertEquals(2.0, sum(roll.frame()));
        assertEquals(2.0, sum(roll.onset()));
        assertEquals(1f, roll.frame()[0][0]);
        assertEquals(1f, roll.frame()[0][87]);
        assertEquals(0f, roll.frame()[0][C4]);
        // a narrower range: one octave from middle C, so pitch 72 falls out and 71 is the last row
        PianoRollParams octave = PianoRollParams.builder().optLowestPitch(60).optHighestPitch(71).build();
        PianoRoll small = PianoRoll.of(List.of(Note.of(59, 0, 0.1, 80), Note.of(60, 0, 0.1, 80),
                Note.of(71, 0, 0.1, 80), Note.of(72, 0, 0.1, 80)), 0.25, octave);
        assertEquals(12, small.frame()[0].length);
        assertEquals(1f, small.frame()[0][0]);
        assertEquals(1f, small.frame()[0][11]);
        assertEquals(4.0, sum(small.frame()));
    }

    @Test
    void theRollCoversTheDurationAndClipsWhatLiesBeyond() {
        assertEquals(160, PianoRoll.of(List.of(), 10.0, DEFAULTS).frames());
        assertEquals(161, PianoRoll.of(List.of(), 10.01, DEFAULTS).frames());
        assertEquals(0, PianoRoll.of(List.of(), 0.0, DEFAULTS).frames());
        PianoRoll clipped = PianoRoll.of(List.of(Note.of(60, 0.25, 2.0, 100), Note.of(62, 0.5, 1.0, 100)), 0.5,
                DEFAULTS);
        assertEquals("00001111", marks(clipped.frame(), C4));
        assertEquals("00000000", marks(clipped.frame(), C4 + 2));
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.of(List.of(), -1, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.of(List.of(), Double.NaN, DEFAULTS));
    }

    @Test
    void aNoteSequenceGivesTheRollUpToItsLastOffset() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(64, 0.5, 1.0, 90), Note.of(60, 0.0, 2.5, 90)));
        PianoRoll roll = PianoRoll.of(seq, DEFAULTS);
        assertEquals(40, roll.frames());
        assertEquals(PianoRoll.of(seq.notes(), 2.5, DEFAULTS), roll);
        assertEquals(40 + 8, sum(roll.frame()));
    }

    @Test
    void framesForRoundsSecondsTimesTheFrameRate() {
        assertEquals(8, PianoRoll.framesFor(0.5, DEFAULTS));
        assertEquals(8, PianoRoll.framesFor(0.53, DEFAULTS));
        assertEquals(9, PianoRoll.framesFor(0.54, DEFAULTS));
        assertEquals(0, PianoRoll.framesFor(0.0, DEFAULTS));
        assertEquals(160, PianoRoll.framesFor(10.0, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.framesFor(-0.1, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> PianoRoll.framesFor(Double.POSITIVE_INFINITY, DEFAULTS));
    }

    @Test
    void windowIsChannelPitchFrameRowMajor() {
        PianoRollParams p = PianoRollParams.builder().optValue(RollValue.VELOCITY).build();
        // frames 2-3 at middle C (velocity 127), frames 3-5 at A0 (velocity 64), frame 5 at C8
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.125, 0.25, 127), Note.of(21, 0.1875, 0.375, 64),
                Note.of(108, 0.3125, 0.33, 127)), 1.0, p);
        int frames = 4;
        float[] w = roll.window(2, frames);
        assertEquals(2 * 88 * frames, w.length);
        // (c, p, t) at (c * 88 + p) * frames + t
        assertEquals(1f, w[(0 * 88 + C4) * frames + 0]);
        assertEquals(1f, w[(0 * 88 + C4) * frames + 1]);
        assertEquals(0f, w[(0 * 88 + C4) * frames + 2]);
        assertEquals(1f, w[(1 * 88 + C4) * frames + 0]);
        assertEquals(0f, w[(1 * 88 + C4) * frames + 1]);
        assertEquals(0f, w[(0 * 88 + 0) * frames + 0]);
        assertEquals(64 / 127f, w[(0 * 88 + 0) * frames + 1]);
        assertEquals(64 / 127f, w[(0 * 88 + 0) * frames + 3]);
        assertEquals(64 / 127f, w[(1 * 88 + 0) * frames + 1]);
        assertEquals(1f, w[(0 * 88 + 87) * frames + 3]);
        assertEquals(1f, w[(1 * 88 + 87) * frames + 3]);
        assertEquals(1f, w[2 * 88 * frames - 1]);
        // every element agrees with the rolls
        for (int c = 0; c < 2; c++) {
            float[][] src = c == 0 ? roll.frame() : roll.onset();
            for (int pitch = 0; pitch < 88; pitch++) {
                for (int t = 0; t < frames; t++) {
                    assertEquals(src[2 + t][pitch], w[(c * 88 + pitch) * frames + t], c + "," + pitch + "," + t);
                }
            }
        }
        // a new array each time
        assertNotSame(w, roll.window(2, frames));
        w[0] = 5;
        assertEquals(0f, roll.window(2, frames)[0]);
    }

    @Test
    void windowsThatReachPastTheEndAreZeroPadded() {
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.0, 1.0, 100)), 1.0, DEFAULTS);
        float[] w = roll.window(12, 8);
        assertEquals(2 * 88 * 8, w.length);
        for (int t = 0; t < 8; t++) {
            float expected = t < 4 ? 1f : 0f;
            assertEquals(expected, w[C4 * 8 + t], "frame roll, window frame " + t);
        }
        float[] beyond = roll.window(40, 3);
        for (float v : beyond) {
            assertEquals(0f, v);
        }
        assertThrows(IllegalArgumentException.class, () -> roll.window(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> roll.window(0, 0));
    }

    @Test
    void sliceCopiesFramesFromTo() {
        PianoRoll roll = PianoRoll.of(List.of(Note.of(60, 0.125, 0.25, 100)), 1.0, DEFAULTS);
        PianoRoll slice = roll.slice(2, 6);
        assertEquals(4, slice.frames());
        assertEquals("1100", marks(slice.frame(), C4));
        assertEquals("1000", marks(slice.onset(), C4));
        assertArrayEquals(roll.frame()[2], slice.frame()[0]);
        slice.frame()[0][C4] = 0;
        assertEquals(1f, roll.frame()[2][C4]);
        assertEquals(0, roll.slice(3, 3).frames());
        assertThrows(IndexOutOfBoundsException.class, () -> roll.slice(5, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> roll.slice(0, 17));
    }

    @Test
    void rollsOfTheWrongShapeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PianoRoll(new float[2][88], new float[3][88], DEFAULTS));
        assertTrue(e.getMessage().contains("2 frames") && e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PianoRoll(new float[2][88], new float[][] {new float[88], new float[12]}, DEFAULTS));
        assertTrue(e.getMessage().contains("onset roll frame 1 has 12 pitches, expected 88"), e.getMessage());
    }
}
