package org.cadenza.eval.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cadenza.eval.generation.DegeneracyCheck.Check;
import org.cadenza.eval.generation.DegeneracyCheck.Limits;
import org.cadenza.io.RealData;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DegeneracyCheckTest {

    private static final double EPS = 1e-12;
    /** A major scale over two octaves and back, as pitches. */
    private static final int[] SCALE = {60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79, 81, 83, 84};

    /** Up and down the scale, a note every 0.25 s (0.25 s long, no gap), with a left-hand chord every 2 s. */
    private static List<Note> healthy(double from, double seconds) {
        List<Note> notes = new ArrayList<>();
        int steps = (int) Math.round(seconds / 0.25);
        for (int i = 0; i < steps; i++) {
            int k = i % (2 * SCALE.length - 2);
            int pitch = SCALE[k < SCALE.length ? k : 2 * SCALE.length - 2 - k];
            double t = from + 0.25 * i;
            notes.add(Note.of(pitch, t, t + 0.25, 70));
            if (i % 8 == 0) {
                notes.add(Note.of(48, t, t + 2, 50));
                notes.add(Note.of(55, t, t + 2, 50));
            }
        }
        return notes;
    }

    @Test
    void aHealthySequencePassesEveryCheck() {
        DegeneracyReport r = DegeneracyCheck.check(NoteSequence.of(healthy(0, 30)));
        assertTrue(r.passed(), r.toString());
        assertTrue(r.failures().isEmpty());
        assertEquals(Check.values().length, r.checks().size());
        assertEquals(0, r.result(Check.SILENT_SHARE).measured(), EPS);
        assertEquals(84 - 48, r.result(Check.PITCH_RANGE).measured(), EPS);
        assertEquals(SCALE.length + 2, r.result(Check.DISTINCT_PITCHES).measured(), EPS);
    }

    @Test
    void oneNoteRepeated200TimesFails() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            notes.add(Note.of(60, 0.25 * i, 0.25 * i + 0.2, 80));
        }
        DegeneracyReport r = DegeneracyCheck.check(NoteSequence.of(notes));
        assertFalse(r.passed());
        CheckResult run = r.result(Check.REPEATED_PITCH_RUN);
        assertFalse(run.passed());
        assertEquals(200, run.measured(), EPS);
        assertEquals(Limits.DEFAULT_MAX_REPEATED_RUN, run.limit(), EPS);
        assertEquals("FAIL longest repeated single-pitch run: 200 onsets (limit <= 64)", run.summary());
        assertEquals(List.of(Check.REPEATED_PITCH_RUN, Check.DISTINCT_PITCHES, Check.PITCH_RANGE,
                Check.TOP_PITCH_SHARE), r.failures().stream().map(CheckResult::check).toList());
        assertEquals(1.0, r.result(Check.TOP_PITCH_SHARE).measured(), EPS);
        // 0.05 s of silence after each of the first 199 notes, over 49.95 s
        assertEquals(199 * 0.05 / 49.95, r.result(Check.SILENT_SHARE).measured(), 1e-9);
        assertEquals(7, r.summary().size());
        assertTrue(r.toString().contains("4 of 7 checks failed"), r.toString());
    }

    @Test
    void aChordOrAnotherPitchEndsARepeatedRun() {
        // 60 60 60 {60 64} 60 60 62 62 -> runs of 3, 2, 2
        List<Note> notes = new ArrayList<>();
        int[][] onsets = {{60}, {60}, {60}, {60, 64}, {60}, {60}, {62}, {62}};
        for (int i = 0; i < onsets.length; i++) {
            for (int p : onsets[i]) {
                notes.add(Note.of(p, i, i + 1, 64));
            }
        }
        DegeneracyReport r = DegeneracyCheck.check(NoteSequence.of(notes));
        assertEquals(3, r.result(Check.REPEATED_PITCH_RUN).measured(), EPS);
        assertTrue(r.result(Check.REPEATED_PITCH_RUN).passed());
        assertFalse(passes(notes, Limits.builder().optMaxRepeatedRun(2).build(), Check.REPEATED_PITCH_RUN));
    }

    @Test
    void aLongSilenceFails() {
        // 10 s of music, 20 s of nothing, 10 s of music: 20 of 40 s silent
        List<Note> notes = new ArrayList<>(healthy(0, 10));
        notes.addAll(healthy(30, 10));
        DegeneracyReport r = DegeneracyCheck.check(NoteSequence.of(notes));
        CheckResult longest = r.result(Check.LONGEST_SILENCE);
        // the left-hand chord struck at 8 s lasts until 10 s
        assertEquals(20, longest.measured(), 1e-9);
        assertFalse(longest.passed());
        assertEquals(0.5, r.result(Check.SILENT_SHARE).measured(), 1e-9);
        assertTrue(r.result(Check.SILENT_SHARE).passed()); // 0.5 <= 0.6
        assertEquals(List.of(Check.LONGEST_SILENCE), r.failures().stream().map(CheckResult::check).toList());
        assertFalse(passes(notes, Limits.builder().optMaxSilentShare(0.4).build(), Check.SILENT_SHARE));
    }

    @Test
    void silenceIsMeasuredBetweenSoundingNotesByHand() {
        // [0, 1] and [3, 4], plus [0.5, 1.5] overlapping the first: silent 1.5 .. 3 = 1.5 of 4 s
        DegeneracyReport r = DegeneracyCheck.check(NoteSequence.of(List.of(
                Note.of(60, 0, 1, 64), Note.of(64, 0.5, 1.5, 64), Note.of(67, 3, 4, 64))));
        assertEquals(1.5, r.result(Check.LONGEST_SILENCE).measured(), EPS);
        assertEquals(1.5 / 4, r.result(Check.SILENT_SHARE).measured(), EPS);
    }

    @Test
    void clustersOfMoreThanTenNotesFail() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int p = 0; p < 12; p++) {
                notes.add(Note.of(48 + 2 * p, i, i + 1, 64)); // 12 notes at once
            }
        }
        DegeneracyReport r = DegeneracyCheck.check(NoteSequence.of(notes));
        assertEquals(1.0, r.result(Check.CLUSTER_SHARE).measured(), EPS);
        assertFalse(r.result(Check.CLUSTER_SHARE).passed());
        assertTrue(passes(notes, Limits.builder().optClusterSize(12).build(), Check.CLUSTER_SHARE));
    }

    @Test
    void percussionIsLeftOut() {
        List<Note> notes = new ArrayList<>(healthy(0, 10));
        for (int i = 0; i < 200; i++) {
            notes.add(new Note(38, 0.05 * i, 0.05 * i + 0.04, 100, 9, 0, 0));
        }
        assertTrue(DegeneracyCheck.check(NoteSequence.of(notes)).passed());
        assertThrows(IllegalArgumentException.class, () -> DegeneracyCheck.check(NoteSequence.of(
                List.of(new Note(38, 0, 1, 100, 9, 0, 0)))));
    }

    @Test
    void anEmptySequenceIsRefusedWithAMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> DegeneracyCheck.check(NoteSequence.of(List.of())));
        assertTrue(e.getMessage().contains("no pitched notes"), e.getMessage());
    }

    @Test
    void limitsHaveDocumentedDefaultsAndAreValidated() {
        assertEquals(Limits.DEFAULTS, Limits.builder().build());
        Limits l = Limits.builder().optMaxSilenceSeconds(3).optMinPitchRange(5).build();
        assertEquals(3, l.limitOf(Check.LONGEST_SILENCE), EPS);
        assertEquals(5, l.limitOf(Check.PITCH_RANGE), EPS);
        assertEquals(l, l.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> Limits.builder().optMaxTopPitchShare(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> Limits.builder().optMaxSilenceSeconds(0).build());
        assertThrows(IllegalArgumentException.class, () -> Limits.builder().optClusterSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> Limits.builder().optMaxClusterShare(Double.NaN).build());
    }

    /** Whether {@code check} passes on {@code notes} under {@code limits}. */
    private static boolean passes(List<Note> notes, Limits limits, Check check) {
        return DegeneracyCheck.check(NoteSequence.of(notes), limits).result(check).passed();
    }

    @Test
    void realPianoMusicPasses() {
        Path data = RealData.requireRoot("the degeneracy checks on real MIDI files");
        List<Path> files = List.of(
                data.resolve("piano-midi-de/chopin/chpn-p15.mid"),        // the "Raindrop" prelude
                data.resolve("piano-midi-de/chopin/chp_op18.mid"),
                data.resolve("piano-midi-de/ravel/rav_scarbo.mid"),       // 47 repeated notes in a row
                data.resolve("asap/ravel/Miroirs/4_Alborada_del_gracioso/midi_score.mid"),
                data.resolve("asap/beethoven/Piano_Sonatas/18-2/Schmitt01.mid")); // 48 % silent
        int checked = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            NoteSequence seq = NoteReader.read(f);
            DegeneracyReport r = DegeneracyCheck.check(seq);
            assertTrue(r.passed(), r.toString());
            MusicStatistics s = MusicStatistics.of(seq);
            assertEquals(1.0, java.util.Arrays.stream(s.pitchClassHistogram()).sum(), 1e-9, f.toString());
            checked++;
        }
        Assumptions.assumeTrue(checked > 0, "none of the real MIDI files is in " + data);
    }
}
