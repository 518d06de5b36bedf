package org.cadenza.features.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

class NoteWindowerTest {

    private static final double EPS = 1e-9;

    /** One-second notes starting every second from {@code from} (inclusive) to {@code to} (exclusive). */
    private static List<Note> everySecond(int from, int to) {
        List<Note> notes = new ArrayList<>();
        for (int t = from; t < to; t++) {
            notes.add(Note.of(60 + t % 12, t, t + 1, 64));
        }
        return notes;
    }

    private static void assertSpan(NoteWindow w, double start, double end) {
        assertEquals(start, w.startSeconds(), EPS);
        assertEquals(end, w.endSeconds(), EPS);
        assertEquals(end - start, w.spanSeconds(), EPS);
    }

    @Test
    void bySecondsFromTheFirstOnsetKeepingAHalfWindowTail() {
        // notes 5..25 s; 10 s windows every 5 s: [5,15) [10,20) [15,25) and the 5 s tail [20,25)
        List<NoteWindow> ws = NoteWindower.windows(NoteSequence.of(everySecond(5, 25)), NoteWindowSpec.seconds(10, 5));
        assertEquals(4, ws.size());
        assertSpan(ws.get(0), 5, 15);
        assertSpan(ws.get(1), 10, 20);
        assertSpan(ws.get(2), 15, 25);
        assertSpan(ws.get(3), 20, 25);
        NoteWindow second = ws.get(1);
        assertEquals(10, second.notes().size());
        assertEquals(0, second.notes().get(0).onsetSeconds(), EPS, "shifted to the window's start");
        assertEquals(60 + 10 % 12, second.notes().get(0).pitch());
        assertEquals(9, second.notes().get(9).onsetSeconds(), EPS);
    }

    @Test
    void aTailShorterThanHalfAWindowIsDropped() {
        // notes 5..18 s: [5,15) then a 3 s tail [15,18) < 5 s
        List<NoteWindow> ws = NoteWindower.windows(NoteSequence.of(everySecond(5, 18)), NoteWindowSpec.seconds(10, 10));
        assertEquals(1, ws.size());
        assertSpan(ws.get(0), 5, 15);
        // a piece shorter than half a window has none
        assertEquals(List.of(), NoteWindower.windows(NoteSequence.of(everySecond(0, 4)), NoteWindowSpec.parse("10s")));
    }

    @Test
    void windowsWithoutAnOnsetAreSkippedAndHeldNotesKept() {
        // a note 0-1 s, one held 8-12 s, then nothing until a 10 s note at 30 s
        List<Note> notes = List.of(Note.of(60, 0, 1, 64), Note.of(62, 8, 12, 64), Note.of(64, 30, 40, 64));
        List<NoteWindow> ws = NoteWindower.windows(NoteSequence.of(notes), NoteWindowSpec.seconds(10, 10));
        assertEquals(2, ws.size(), "[10,20) holds only the held note and [20,30) nothing: skipped");
        assertSpan(ws.get(0), 0, 10);
        assertSpan(ws.get(1), 30, 40);
        // the held note, clipped to the first window
        Note held = ws.get(0).notes().get(1);
        assertEquals(62, held.pitch());
        assertEquals(8, held.onsetSeconds(), EPS);
        assertEquals(10, held.offsetSeconds(), EPS);
        // with 10 s windows every 5 s, [5,15) sees the held note struck at 8 s
        List<NoteWindow> overlapping = NoteWindower.windows(NoteSequence.of(notes), NoteWindowSpec.seconds(10, 5));
        assertSpan(overlapping.get(1), 5, 15);
        assertEquals(List.of(62), overlapping.get(1).notes().stream().map(Note::pitch).toList());
        // a window starting inside a held note keeps its clipped part with onset 0
        List<Note> long1 = List.of(Note.of(50, 0, 15, 64), Note.of(60, 12, 13, 64));
        NoteWindow w = NoteWindower.windows(NoteSequence.of(long1), NoteWindowSpec.seconds(10, 10)).get(1);
        assertSpan(w, 10, 15);
        assertEquals(50, w.notes().get(0).pitch());
        assertEquals(0, w.notes().get(0).onsetSeconds(), EPS);
        assertEquals(5, w.notes().get(0).offsetSeconds(), EPS);
    }

    @Test
    void percussionIsDroppedBeforeCutting() {
        List<Note> notes = new ArrayList<>(everySecond(5, 25));
        notes.add(new Note(36, 0, 0.2, 100, 9, 0, 0));
        notes.add(new Note(38, 12, 12.2, 100, 9, 0, 0));
        List<NoteWindow> ws = NoteWindower.windows(NoteSequence.of(notes), NoteWindowSpec.seconds(10, 5));
        assertSpan(ws.get(0), 5, 15);
        for (NoteWindow w : ws) {
            assertTrue(w.notes().stream().noneMatch(Note::isPercussion));
        }
        List<Note> drumsOnly = List.of(new Note(36, 0, 0.2, 100, 9, 0, 0));
        assertEquals(List.of(), NoteWindower.windows(NoteSequence.of(drumsOnly), NoteWindowSpec.seconds(10, 5)));
    }

    @Test
    void maxSecondsReadsOnlyTheStart() {
        // notes 5..25 s, read 12 s after the first onset: up to 17 s -> [5,15) and the 7 s tail [10,17)
        List<NoteWindow> ws = NoteWindower.windows(NoteSequence.of(everySecond(5, 25)), NoteWindowSpec.seconds(10, 5),
                12);
        assertEquals(2, ws.size());
        assertSpan(ws.get(0), 5, 15);
        assertSpan(ws.get(1), 10, 17);
        assertTrue(ws.get(1).notes().stream().allMatch(n -> n.offsetSeconds() <= 7 + EPS));
        assertThrows(IllegalArgumentException.class,
                () -> NoteWindower.windows(NoteSequence.of(everySecond(0, 5)), NoteWindowSpec.parse("2s"), 0));
    }

    /** Bars of 2, 1.5, 1.5, 2, 2 s: lines at 0, 2, 3.5, 5, 7, 9; notes every 0.5 s from 2.5 s to 10 s. */
    private static NoteSequence barred() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            notes.add(Note.of(60 + i % 7, 2.5 + 0.5 * i, 3 + 0.5 * i, 64));
        }
        return new NoteSequence(Path.of("barred.mid"), notes, List.of(0.0, 2.0, 3.5, 5.0, 7.0, 9.0));
    }

    @Test
    void byBarsFromTheBarOfTheFirstOnset() {
        // first onset 2.5 s is in bar [2, 3.5); the last bar [9, 11) lasts as long as the one before it
        List<NoteWindow> ws = NoteWindower.windows(barred(), NoteWindowSpec.bars(2, 2));
        assertEquals(3, ws.size());
        assertSpan(ws.get(0), 2, 5);
        assertSpan(ws.get(1), 5, 9);
        assertSpan(ws.get(2), 9, 11); // one bar of two: half a window, kept
        assertEquals(0.5, ws.get(0).notes().get(0).onsetSeconds(), EPS, "the note at 2.5 s, shifted by the bar line");
        assertEquals(5, ws.get(0).notes().size()); // onsets 2.5, 3, 3.5, 4, 4.5
        // 4 bars every 2: [2, 9), then bars 3-5 of the 5: three of four, kept
        List<NoteWindow> four = NoteWindower.windows(barred(), NoteWindowSpec.bars(4, 2));
        assertEquals(2, four.size());
        assertSpan(four.get(0), 2, 9);
        assertSpan(four.get(1), 5, 11);
        // 4 bars every 4: the tail is one bar of four, dropped
        List<NoteWindow> hop4 = NoteWindower.windows(barred(), NoteWindowSpec.bars(4, 4));
        assertEquals(1, hop4.size());
        assertSpan(hop4.get(0), 2, 9);
    }

    @Test
    void byBarsWithACapKeepsWholeBars() {
        // read 5 s after 2.5 s: up to 7.5 s; whole bars end at 3.5, 5, 7
        List<NoteWindow> ws = NoteWindower.windows(barred(), NoteWindowSpec.bars(2, 2), 5);
        assertEquals(2, ws.size());
        assertSpan(ws.get(0), 2, 5);
        assertSpan(ws.get(1), 5, 7);
    }

    @Test
    void byBarsNeedsBarLines() {
        NoteSequence noBars = new NoteSequence(Path.of("nobars.mid"), everySecond(0, 10), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoteWindower.windows(noBars, NoteWindowSpec.bars(4, 2)));
        assertTrue(e.getMessage().contains("nobars.mid"), e.getMessage());
        assertEquals(1, NoteWindower.windows(noBars, NoteWindowSpec.seconds(10, 10)).size());
    }

    @Test
    void aWholePieceIsOneWindowFromItsFirstOnset() {
        NoteWindowSpec piece = NoteWindowSpec.parse("piece");
        assertTrue(piece.isPiece());
        assertEquals("piece", piece.toString());
        List<NoteWindow> ws = NoteWindower.windows(NoteSequence.of(everySecond(5, 125)), piece);
        assertEquals(1, ws.size());
        assertSpan(ws.get(0), 5, 125);
        assertEquals(120, ws.get(0).notes().size());
        // a cap reads the start only; a piece of one short note is still a window
        assertSpan(NoteWindower.windows(NoteSequence.of(everySecond(5, 125)), piece, 30).get(0), 5, 35);
        assertEquals(1, NoteWindower.windows(NoteSequence.of(everySecond(0, 1)), piece).size());
        assertThrows(IllegalStateException.class, piece::windowSeconds);
    }
}
