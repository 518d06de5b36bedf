package org.cadenza.features.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

class NoteTokenizerTest {

    private static final double HALF_STEP = 0.005 + 1e-9;

    private final NoteTokenizer tok = new NoteTokenizer(TokenizerParams.defaults(), List.of("bach", "chopin"));
    private final Vocabulary v = tok.vocabulary();

    /**
     * Every note of {@code original} (all in range and shorter than the maximum duration) comes back with its
     * pitch, quantised velocity, onset and offset within half a step; chords share one onset.
     */
    static void assertRoundTrip(NoteTokenizer tok, List<Note> original, NoteSequence decoded) {
        TokenizerParams p = tok.params();
        Comparator<Note> byGrid = Comparator.<Note>comparingLong(n -> p.steps(n.onsetSeconds()))
                .thenComparingInt(Note::pitch).thenComparingLong(n -> p.steps(n.offsetSeconds()))
                .thenComparingInt(n -> p.velocityBin(n.velocity()));
        List<Note> e = new ArrayList<>(original);
        List<Note> d = new ArrayList<>(decoded.notes());
        e.sort(byGrid);
        d.sort(byGrid);
        assertEquals(e.size(), d.size(), "number of notes");
        for (int i = 0; i < e.size(); i++) {
            Note x = e.get(i);
            Note y = d.get(i);
            String what = "note " + i + ": " + x + " decoded as " + y;
            assertEquals(x.pitch(), y.pitch(), what);
            assertEquals(p.velocityOf(p.velocityBin(x.velocity())), y.velocity(), what);
            assertEquals(x.onsetSeconds(), y.onsetSeconds(), HALF_STEP, what);
            assertEquals(x.offsetSeconds(), y.offsetSeconds(), HALF_STEP, what);
        }
    }

    @Test
    void chordSharesOneTimePositionOrderedByPitch() {
        // struck 3 ms apart: one quantised onset, so no TIME_SHIFT between the notes, pitches ascending
        NoteSequence seq = NoteSequence.of(List.of(Note.of(67, 0.503, 1.0, 80), Note.of(60, 0.5, 1.0, 80),
                Note.of(64, 0.501, 1.0, 80)));
        int[] t = tok.encode(seq);
        assertEquals("BOS TIME_SHIFT(50) VELOCITY(19) NOTE(60) DURATION(50) NOTE(64) DURATION(50) NOTE(67)"
                + " DURATION(50) EOS", v.describe(t));
        NoteSequence back = tok.decode(t);
        assertTrue(back.notes().stream().allMatch(n -> n.onsetSeconds() == back.notes().get(0).onsetSeconds()));
        assertRoundTrip(tok, seq.notes(), back);
    }

    @Test
    void velocityTokenOnlyWhenTheBinChanges() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0, 0.1, 80), Note.of(62, 0.1, 0.2, 79),
                Note.of(64, 0.2, 0.3, 20), Note.of(65, 0.3, 0.4, 127), Note.of(67, 0.4, 0.5, 1)));
        int[] t = tok.encode(seq);
        // 80 and 79 share bin 19; 20 -> 4, 127 -> 31, 1 -> 0
        assertEquals("BOS VELOCITY(19) NOTE(60) DURATION(10) TIME_SHIFT(10) NOTE(62) DURATION(10) TIME_SHIFT(10)"
                + " VELOCITY(4) NOTE(64) DURATION(10) TIME_SHIFT(10) VELOCITY(31) NOTE(65) DURATION(10)"
                + " TIME_SHIFT(10) VELOCITY(0) NOTE(67) DURATION(10) EOS", v.describe(t));
        assertRoundTrip(tok, seq.notes(), tok.decode(t));
    }

    @Test
    void longRestsTakeSeveralShifts() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0.0, 0.5, 64), Note.of(62, 3.456, 3.7, 64)));
        int[] t = tok.encode(seq);
        assertEquals("BOS VELOCITY(15) NOTE(60) DURATION(50) TIME_SHIFT(100) TIME_SHIFT(100) TIME_SHIFT(100)"
                + " TIME_SHIFT(46) NOTE(62) DURATION(24) EOS", v.describe(t));
        assertEquals(3.46, tok.shiftSeconds(t), 1e-9);
        assertRoundTrip(tok, seq.notes(), tok.decode(t));
    }

    @Test
    void leadingSilenceIsKept() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 12.3449, 13.0, 64)));
        NoteSequence back = tok.decode(tok.encode(seq));
        assertEquals(12.34, back.notes().get(0).onsetSeconds(), 1e-9);
        assertRoundTrip(tok, seq.notes(), back);
    }

    @Test
    void veryLongNotesAreClippedAndCounted() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0.0, 20.0, 64), Note.of(64, 0.0, 4.999, 64),
                Note.of(67, 1.0, 6.004, 64)));
        NoteTokenizer.Encoding enc = tok.encodeWithReport(seq, null);
        assertEquals(1, enc.clipped(), enc.summary());
        assertEquals(3, enc.notesKept());
        NoteSequence back = tok.decode(enc.tokens());
        Note c = back.notes().stream().filter(n -> n.pitch() == 60).findFirst().orElseThrow();
        assertEquals(5.0, c.durationSeconds(), 1e-9, "clipped at 500 steps");
        assertRoundTrip(tok, List.of(seq.notes().get(1), seq.notes().get(2)),
                new NoteSequence(back.source(), back.notes().stream().filter(n -> n.pitch() != 60).toList(),
                        back.barStartSeconds()));
    }

    @Test
    void pitchRangeLimitsAndDroppedNotes() {
        List<Note> notes = List.of(Note.of(21, 0, 1, 64), Note.of(108, 0, 1, 64), Note.of(20, 0, 1, 64),
                Note.of(109, 0.5, 1, 64), new Note(36, 0, 0.1, 100, 9, 0, 0));
        NoteTokenizer.Encoding enc = tok.encodeWithReport(NoteSequence.of(notes), null);
        assertEquals(2, enc.droppedOutOfRange());
        assertEquals(1, enc.droppedPercussion());
        assertEquals(2, enc.notesKept());
        assertRoundTrip(tok, notes.subList(0, 2), tok.decode(enc.tokens()));

        NoteTokenizer all = new NoteTokenizer(TokenizerParams.builder().optAllPitches().build(), List.of());
        List<Note> extremes = List.of(Note.of(0, 0, 1, 64), Note.of(127, 0.25, 1, 64), Note.of(20, 0.3, 0.4, 5));
        NoteTokenizer.Encoding e2 = all.encodeWithReport(NoteSequence.of(extremes), null);
        assertEquals(0, e2.droppedOutOfRange());
        assertRoundTrip(all, extremes, all.decode(e2.tokens()));
    }

    @Test
    void zeroLengthAndOverlappingSameKeyNotes() {
        List<Note> notes = List.of(Note.of(60, 0.0, 1.0, 64), Note.of(60, 0.5, 0.8, 64), Note.of(60, 0.5, 0.5, 64),
                Note.of(72, 0.7, 0.702, 30));
        NoteTokenizer.Encoding enc = tok.encodeWithReport(NoteSequence.of(notes), null);
        assertEquals(4, enc.notesKept());
        assertRoundTrip(tok, notes, tok.decode(enc.tokens()));
    }

    @Test
    void randomPiecesRoundTripWithinHalfAStep() {
        Random rnd = new Random(8);
        for (int piece = 0; piece < 20; piece++) {
            List<Note> notes = new ArrayList<>();
            double t = rnd.nextDouble() * 3;
            for (int i = 0; i < 300; i++) {
                t += rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble() * (rnd.nextDouble() < 0.05 ? 4 : 0.3);
                double dur = rnd.nextDouble() * 4.9;
                notes.add(Note.of(21 + rnd.nextInt(88), t, t + dur, 1 + rnd.nextInt(127)));
            }
            NoteTokenizer.Encoding enc = tok.encodeWithReport(NoteSequence.of(notes), "chopin");
            assertEquals(0, enc.clipped());
            NoteTokenizer.Decoding dec = tok.decode(enc.tokens(), NoteTokenizer.Mode.STRICT);
            assertEquals("chopin", dec.composer().orElseThrow());
            assertTrue(dec.ended());
            assertRoundTrip(tok, notes, dec.notes());
            // and again: decoding is a fixed point of encode o decode
            assertArrayEquals(enc.tokens(), tok.encode(dec.notes(), "chopin"));
        }
    }

    @Test
    void composerTokenAfterBos() {
        NoteSequence seq = NoteSequence.of(List.of(Note.of(60, 0, 0.5, 64)));
        int[] t = tok.encode(seq, "bach");
        assertEquals("BOS COMPOSER(bach) VELOCITY(15) NOTE(60) DURATION(50) EOS", v.describe(t));
        assertThrows(IllegalArgumentException.class, () -> tok.encode(seq, "mozart"));
        NoteSequence none = NoteSequence.of(List.of());
        assertEquals("BOS EOS", v.describe(tok.encode(none)));
        assertTrue(tok.decode(tok.encode(none)).notes().isEmpty());
    }

    private int[] ids(String text) {
        return java.util.Arrays.stream(text.trim().split("\\s+")).mapToInt(v::id).toArray();
    }

    private static String strictError(NoteTokenizer tok, int[] t) {
        return assertThrows(IllegalArgumentException.class, () -> tok.decode(t)).getMessage();
    }

    @Test
    void strictDecodingRefusesMalformedSequencesNamingThePosition() {
        assertTrue(strictError(tok, ids("BOS VELOCITY(3) DURATION(5) EOS")).contains("position 2"));
        assertTrue(strictError(tok, ids("BOS VELOCITY(3) DURATION(5) EOS")).contains("no NOTE before it"));
        assertTrue(strictError(tok, ids("BOS VELOCITY(3) NOTE(60) TIME_SHIFT(4) EOS"))
                .contains("position 2"));
        assertTrue(strictError(tok, ids("BOS NOTE(60) DURATION(4) EOS")).contains("before any VELOCITY"));
        assertTrue(strictError(tok, new int[] {1, v.velocity(3), v.size() + 5, 2})
                .contains("position 2 of 4: unknown token id " + (v.size() + 5)));
        assertTrue(strictError(tok, new int[] {1, -1, 2}).contains("position 1"));
        assertTrue(strictError(tok, ids("BOS VELOCITY(3) BOS EOS")).contains("BOS not at the start"));
        assertTrue(strictError(tok, ids("BOS VELOCITY(3) COMPOSER(bach) EOS")).contains("position 2"));
        assertTrue(strictError(tok, ids("BOS PAD VELOCITY(3) EOS")).contains("position 1"));
        assertTrue(strictError(tok, ids("BOS EOS NOTE(60)")).contains("position 2"));
        assertTrue(strictError(tok, ids("BOS VELOCITY(3) NOTE(60)")).contains("not followed by a DURATION"));
        // well formed: no BOS, no EOS, trailing PAD after EOS
        assertEquals(1, tok.decode(ids("VELOCITY(3) NOTE(60) DURATION(5)")).notes().size());
        assertEquals(1, tok.decode(ids("BOS VELOCITY(3) NOTE(60) DURATION(5) EOS PAD PAD")).notes().size());
        assertEquals("chopin", tok.decode(ids("COMPOSER(chopin) EOS"), NoteTokenizer.Mode.STRICT).composer()
                .orElseThrow());
    }

    @Test
    void lenientDecodingSkipsAndCounts() {
        int[] t = ids("BOS COMPOSER(bach) DURATION(7) NOTE(50) VELOCITY(10) NOTE(60) DURATION(20) PAD TIME_SHIFT(10)"
                + " NOTE(64) NOTE(67) DURATION(30) COMPOSER(chopin) BOS EOS NOTE(70) DURATION(3)");
        int[] withUnknown = new int[t.length + 1];
        System.arraycopy(t, 0, withUnknown, 0, 5);
        withUnknown[5] = 99_999;
        System.arraycopy(t, 5, withUnknown, 6, t.length - 5);
        NoteTokenizer.Decoding d = tok.decode(withUnknown, NoteTokenizer.Mode.LENIENT);
        // skipped: DURATION(7), NOTE(50) (followed by VELOCITY), 99999, PAD, NOTE(64), COMPOSER(chopin), BOS
        assertEquals(7, d.skippedTokens());
        assertTrue(d.ended());
        assertEquals("bach", d.composer().orElseThrow());
        List<Note> n = d.notes().notes();
        assertEquals(2, n.size(), n.toString());
        assertEquals(60, n.get(0).pitch());
        assertEquals(0.2, n.get(0).offsetSeconds(), 1e-9);
        assertEquals(67, n.get(1).pitch());
        assertEquals(0.1, n.get(1).onsetSeconds(), 1e-9);
        assertEquals(tok.params().velocityOf(10), n.get(1).velocity());

        // a note before any velocity is played at the bin of 64 and not counted
        NoteTokenizer.Decoding d2 = tok.decode(ids("NOTE(60) DURATION(5)"), NoteTokenizer.Mode.LENIENT);
        assertEquals(0, d2.skippedTokens());
        assertFalse(d2.ended());
        assertEquals(tok.params().velocityOf(tok.params().velocityBin(64)), d2.notes().notes().get(0).velocity());
    }

    @Test
    void lenientDecodingNeverThrowsOnRandomIds() {
        Random rnd = new Random(1);
        for (int i = 0; i < 200; i++) {
            int[] t = rnd.ints(1 + rnd.nextInt(200), -3, v.size() + 3).toArray();
            NoteTokenizer.Decoding d = tok.decode(t, NoteTokenizer.Mode.LENIENT);
            assertTrue(d.skippedTokens() <= t.length);
        }
    }
}
