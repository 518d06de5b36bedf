package org.cadenza.features.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cadenza.io.midi.Note;
import org.junit.jupiter.api.Test;

class PianoRollWindowsTest {

    private static final double ALL = Double.POSITIVE_INFINITY;
    private static final PianoRollParams TEN_FPS = PianoRollParams.builder().optFramesPerSecond(10).build();

    /** 2 s of silence, a note 2-5 s (frames 20-49), a 10 s rest, a note from 15 s to {@code end} s. */
    private static PianoRoll piece(double end) {
        return PianoRoll.of(List.of(Note.of(60, 2.0, 5.0, 80), Note.of(67, 15.0, end, 80)), end, TEN_FPS);
    }

    @Test
    void leadingSilenceAndSilentWindowsAreSkippedAndAHalfFullLastWindowIsKept() {
        PianoRoll roll = piece(16.6); // 166 frames
        // windows of 10 frames every 10 from frame 20; 50..149 silent; 160..165 is 6 frames >= half a window
        assertEquals(List.of(20, 30, 40, 150, 160), PianoRollWindows.starts(roll, 1.0, 1.0, 0.0, ALL));
        // the last window is zero-padded past the end of the roll
        float[] last = roll.window(160, 10);
        int g4 = 67 - 21;
        assertEquals(1f, last[g4 * 10 + 5]);
        assertEquals(0f, last[g4 * 10 + 6]);
    }

    @Test
    void aLastWindowLessThanHalfFullIsDropped() {
        PianoRoll roll = piece(16.3); // 163 frames: 160..162 is 3 frames < 5
        assertEquals(List.of(20, 30, 40, 150), PianoRollWindows.starts(roll, 1.0, 1.0, 0.0, ALL));
    }

    @Test
    void overlappingWindowsStepByTheHop() {
        PianoRoll roll = piece(16.6);
        // window 2 s (20 frames), hop 0.5 s: starts 20, 25, ..., 45 hold the first note; 50..130 windows end before
        // frame 150 and are silent; 135 and on reach the second note; 160 covers 6 < 10 frames and is dropped
        assertEquals(List.of(20, 25, 30, 35, 40, 45, 135, 140, 145, 150, 155),
                PianoRollWindows.starts(roll, 2.0, 0.5, 0.0, ALL));
    }

    @Test
    void fromSecondsAndMaxSecondsLimitTheSpan() {
        PianoRoll roll = piece(16.6);
        // the first frame starting at or after 3.05 s is frame 31 (3.1 s), and it sounds; the window at 141 reaches
        // frame 150; the one at 161 has 5 frames left, half a window
        assertEquals(List.of(31, 41, 141, 151, 161), PianoRollWindows.starts(roll, 1.0, 1.0, 3.05, ALL));
        // from 5 s the next sounding frame is 150
        assertEquals(List.of(150, 160), PianoRollWindows.starts(roll, 1.0, 1.0, 5.0, ALL));
        // 2 s from the first sounding frame: frames 20..39
        assertEquals(List.of(20, 30), PianoRollWindows.starts(roll, 1.0, 1.0, 0.0, 2.0));
        // 2.5 s: frames 20..44, the window at 40 has 5 of its 10 frames inside, half a window: kept
        assertEquals(List.of(20, 30, 40), PianoRollWindows.starts(roll, 1.0, 1.0, 0.0, 2.5));
        // nothing sounds after 17 s, or at all
        assertEquals(List.of(), PianoRollWindows.starts(roll, 1.0, 1.0, 17.0, ALL));
        assertEquals(List.of(), PianoRollWindows.starts(PianoRoll.of(List.of(), 5.0, TEN_FPS), 1.0, 1.0, 0, ALL));
    }

    @Test
    void badDurationsAreRejectedByName() {
        PianoRoll roll = piece(16.6);
        rejects(() -> PianoRollWindows.starts(roll, 0.01, 1.0, 0, ALL), "windowSeconds");
        rejects(() -> PianoRollWindows.starts(roll, 0, 1.0, 0, ALL), "windowSeconds");
        rejects(() -> PianoRollWindows.starts(roll, 1.0, -1.0, 0, ALL), "hopSeconds");
        rejects(() -> PianoRollWindows.starts(roll, 1.0, 1.0, Double.NaN, ALL), "fromSeconds");
        rejects(() -> PianoRollWindows.starts(roll, 1.0, 1.0, 0, 0), "maxSeconds");
    }

    private static void rejects(org.junit.jupiter.api.function.Executable call, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
