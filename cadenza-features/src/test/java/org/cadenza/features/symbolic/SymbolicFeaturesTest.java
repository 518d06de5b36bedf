package org.cadenza.features.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.cadenza.io.midi.Note;
import org.junit.jupiter.api.Test;

/** Every feature family on a hand-built example whose values were worked out by hand (or with numpy, as noted). */
class SymbolicFeaturesTest {

    private static final double EPS = 1e-9;
    private static final SymbolicFeatures F = new SymbolicFeatures(SymbolicParams.defaults());
    private static final String[] PC = {"c", "c_sharp", "d", "d_sharp", "e", "f", "f_sharp", "g", "g_sharp", "a",
        "a_sharp", "b"};

    /** Value of the feature called {@code name}. */
    private static double get(SymbolicFeatures f, double[] v, String name) {
        int i = f.names().indexOf(name);
        assertTrue(i >= 0, "no feature called " + name);
        return v[i];
    }

    private static double get(double[] v, String name) {
        return get(F, v, name);
    }

    /** Sum of the features whose names start with {@code prefix}. */
    private static double sum(double[] v, String prefix) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (F.names().get(i).startsWith(prefix)) {
                s += v[i];
            }
        }
        return s;
    }

    private static List<Note> cMajorTriad() {
        return List.of(Note.of(60, 0, 1, 80), Note.of(64, 0, 1, 80), Note.of(67, 0, 1, 80));
    }

    /** Consecutive notes of {@code seconds} each, starting at 0. */
    private static List<Note> line(double seconds, int... pitches) {
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            out.add(Note.of(pitches[i], i * seconds, (i + 1) * seconds, 64));
        }
        return out;
    }

    @Test
    void namesAreUniqueSnakeCaseAndMatchTheValues() {
        assertEquals(153, F.size());
        assertEquals(F.size(), new HashSet<>(F.names()).size(), "unique names");
        for (String n : F.names()) {
            assertTrue(n.matches("[a-z][a-z0-9_]*"), n);
        }
        assertEquals(F.size(), F.compute(cMajorTriad(), 1).length);
        SymbolicFeatures more = new SymbolicFeatures(SymbolicParams.builder().optDurationBins(12).optIoiBins(4).build());
        assertEquals(133 + 12 + 4, more.size());
        assertEquals(more.size(), more.compute(cMajorTriad(), 1).length);
        assertEquals(SymbolicParams.defaults().key(), F.key());
        assertThrows(UnsupportedOperationException.class, () -> F.names().add("x"));
    }

    @Test
    void pitchClassHistogramsOfATriad() {
        double[] v = F.compute(cMajorTriad(), 1);
        for (int pc = 0; pc < 12; pc++) {
            double expected = pc == 0 || pc == 4 || pc == 7 ? 1 / 3.0 : 0;
            assertEquals(expected, get(v, "pitch_class_count_" + PC[pc]), EPS, PC[pc]);
            assertEquals(expected, get(v, "pitch_class_duration_" + PC[pc]), EPS, PC[pc]);
        }
    }

    @Test
    void durationWeightedHistogramWeighsByLength() {
        // C for 3 s, G for 1 s: counts 1/2 each, durations 3/4 and 1/4
        double[] v = F.compute(List.of(Note.of(60, 0, 3, 64), Note.of(67, 3, 4, 64)), 4);
        assertEquals(0.5, get(v, "pitch_class_count_c"), EPS);
        assertEquals(0.5, get(v, "pitch_class_count_g"), EPS);
        assertEquals(0.75, get(v, "pitch_class_duration_c"), EPS);
        assertEquals(0.25, get(v, "pitch_class_duration_g"), EPS);
    }

    @Test
    void keyClarityOfATriadMatchesNumpy() {
        // numpy.corrcoef of [1/3 at C, E, G] with the 24 rotated Krumhansl-Kessler profiles: C major 0.8337828003,
        // then E minor 0.7602482032
        double[] v = F.compute(cMajorTriad(), 1);
        assertEquals(0.8337828003122261, get(v, "key_best_correlation"), 1e-9);
        assertEquals(0.07353459706944332, get(v, "key_correlation_margin"), 1e-9);
        assertEquals(1, get(v, "key_mode_major"));
        KeyEstimate k = KeyEstimate.of(new double[] {1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0});
        assertEquals(0, k.tonic());
        assertTrue(k.major());
    }

    @Test
    void keyOfAMinorTriadIsAMinorAndTheHistogramIsRotatedToIt() {
        // numpy: A minor 0.8885531055, C major 0.6006740412
        double[] v = F.compute(List.of(Note.of(57, 0, 1, 64), Note.of(60, 0, 1, 64), Note.of(64, 0, 1, 64)), 1);
        assertEquals(0.8885531054886882, get(v, "key_best_correlation"), 1e-9);
        assertEquals(0.28787906433182187, get(v, "key_correlation_margin"), 1e-9);
        assertEquals(0, get(v, "key_mode_major"));
        // relative to A: A = 0, C = 3, E = 7
        assertEquals(1 / 3.0, get(v, "key_relative_pitch_class_0"), EPS);
        assertEquals(1 / 3.0, get(v, "key_relative_pitch_class_3"), EPS);
        assertEquals(1 / 3.0, get(v, "key_relative_pitch_class_7"), EPS);
        assertEquals(1.0, sum(v, "key_relative_pitch_class_"), EPS);
    }

    @Test
    void keyRelativeHistogramOfAGMajorScale() {
        // G 2 s, then A B C D E F# 1 s each: numpy gives G major 0.9013524118, margin 0.1450478282
        List<Note> notes = new ArrayList<>();
        notes.add(Note.of(67, 0, 2, 64));
        int[] rest = {69, 71, 72, 74, 76, 78};
        for (int i = 0; i < rest.length; i++) {
            notes.add(Note.of(rest[i], 2 + i, 3 + i, 64));
        }
        double[] v = F.compute(notes, 8);
        assertEquals(0.9013524118114133, get(v, "key_best_correlation"), 1e-9);
        assertEquals(0.1450478281793448, get(v, "key_correlation_margin"), 1e-9);
        assertEquals(1, get(v, "key_mode_major"));
        assertEquals(2 / 8.0, get(v, "key_relative_pitch_class_0"), EPS); // G
        assertEquals(1 / 8.0, get(v, "key_relative_pitch_class_11"), EPS); // F#
        assertEquals(0, get(v, "key_relative_pitch_class_1"), EPS);
    }

    @Test
    void chromaticScale() {
        int[] pitches = new int[12];
        for (int i = 0; i < 12; i++) {
            pitches[i] = 60 + i;
        }
        double[] v = F.compute(line(0.25, pitches), 3);
        for (String pc : PC) {
            assertEquals(1 / 12.0, get(v, "pitch_class_count_" + pc), EPS);
            assertEquals(1 / 12.0, get(v, "pitch_class_duration_" + pc), EPS);
        }
        // a flat distribution correlates with no key: 0, and the first key tried (C major) is reported
        assertEquals(0, get(v, "key_best_correlation"), EPS);
        assertEquals(0, get(v, "key_correlation_margin"), EPS);
        assertEquals(1, get(v, "key_mode_major"));
        // pitch statistics: 60..71, mean 65.5, population std sqrt((12^2 - 1) / 12)
        assertEquals(60, get(v, "pitch_lowest"));
        assertEquals(71, get(v, "pitch_highest"));
        assertEquals(11, get(v, "pitch_range"));
        assertEquals(65.5, get(v, "pitch_mean"), EPS);
        assertEquals(Math.sqrt(143 / 12.0), get(v, "pitch_std"), EPS);
        assertEquals(1, get(v, "register_octave_4"), EPS);
        // eleven rising semitones in melody and bass
        for (String line : List.of("melody", "bass")) {
            assertEquals(1, get(v, line + "_interval_1"), EPS);
            assertEquals(1, get(v, line + "_mean_abs_interval"), EPS);
            assertEquals(1, get(v, line + "_stepwise_fraction"), EPS);
            assertEquals(0, get(v, line + "_leap_fraction"), EPS);
            assertEquals(1, get(v, line + "_ascending_fraction"), EPS);
            assertEquals(0, get(v, line + "_descending_fraction"), EPS);
        }
        // one note at a time: no harmonic interval, single pitch classes, polyphony 1, no silence
        assertEquals(0, sum(v, "harmonic_interval_class_"), EPS);
        assertEquals(1, get(v, "chord_single_pitch_class"), EPS);
        assertEquals(1, get(v, "polyphony_mean"), EPS);
        assertEquals(1, get(v, "polyphony_max"), EPS);
        assertEquals(0, get(v, "silence_fraction"), EPS);
        // 12 notes in 3 s
        assertEquals(4, get(v, "note_density"), EPS);
        assertEquals(4, get(v, "onset_density"), EPS);
        // 0.25 s notes and 0.25 s inter-onset intervals: bin 3 = [1/4, 1/2) s
        assertEquals(0.25, get(v, "duration_mean"), EPS);
        assertEquals(1, get(v, "log_duration_hist_3"), EPS);
        assertEquals(0.25, get(v, "ioi_mean"), EPS);
        assertEquals(0, get(v, "ioi_std"), EPS);
        assertEquals(1, get(v, "log_ioi_hist_3"), EPS);
    }

    @Test
    void pitchStatisticsAndRegisterOfATriad() {
        double[] v = F.compute(cMajorTriad(), 1);
        assertEquals(60, get(v, "pitch_lowest"));
        assertEquals(67, get(v, "pitch_highest"));
        assertEquals(7, get(v, "pitch_range"));
        assertEquals(191 / 3.0, get(v, "pitch_mean"), EPS);
        // deviations -11/3, 1/3, 10/3: variance (121 + 1 + 100) / 27
        assertEquals(Math.sqrt(222 / 27.0), get(v, "pitch_std"), EPS);
        assertEquals(1, get(v, "register_octave_4"), EPS);
    }

    @Test
    void registerHistogramCountsOctavesAndClampsTheEnds() {
        // A0 (21) octave 0, C4 (60) octave 4, B4 (71) octave 4, C8 (108) octave 8, MIDI 5 clamps to 0, 127 to 8
        double[] v = F.compute(line(1, 21, 60, 71, 108, 5, 127), 6);
        assertEquals(2 / 6.0, get(v, "register_octave_0"), EPS);
        assertEquals(2 / 6.0, get(v, "register_octave_4"), EPS);
        assertEquals(2 / 6.0, get(v, "register_octave_8"), EPS);
        assertEquals(1, sum(v, "register_octave_"), EPS);
    }

    @Test
    void melodicIntervalsOfAKnownMelody() {
        // intervals +2, +5, 0, -12, +17
        double[] v = F.compute(line(0.5, 60, 62, 67, 67, 55, 72), 3);
        for (int i : new int[] {0, 2, 5, 12}) {
            assertEquals(0.2, get(v, "melody_interval_" + i), EPS, "interval " + i);
        }
        assertEquals(0.2, get(v, "melody_interval_over_12"), EPS);
        assertEquals(1, sum(v, "melody_interval_"), EPS);
        assertEquals(36 / 5.0, get(v, "melody_mean_abs_interval"), EPS);
        assertEquals(0.2, get(v, "melody_repeated_fraction"), EPS);
        assertEquals(0.2, get(v, "melody_stepwise_fraction"), EPS);
        assertEquals(0.6, get(v, "melody_leap_fraction"), EPS);
        assertEquals(0.6, get(v, "melody_ascending_fraction"), EPS);
        assertEquals(0.2, get(v, "melody_descending_fraction"), EPS);
    }

    @Test
    void melodyAndBassAreTheOuterVoicesAndHarmonicIntervalsTheirClasses() {
        // upper voice C5 D5 E5 (+2, +2), lower C3 G2 C3 (-5, +5); vertical 24, 31 and 28 semitones: classes 0, 5, 4
        List<Note> notes = new ArrayList<>(line(1, 72, 74, 76));
        notes.addAll(line(1, 48, 43, 48));
        double[] v = F.compute(notes, 3);
        assertEquals(1, get(v, "melody_interval_2"), EPS);
        assertEquals(1, get(v, "melody_ascending_fraction"), EPS);
        assertEquals(1, get(v, "bass_interval_5"), EPS);
        assertEquals(5, get(v, "bass_mean_abs_interval"), EPS);
        assertEquals(0.5, get(v, "bass_ascending_fraction"), EPS);
        assertEquals(0.5, get(v, "bass_descending_fraction"), EPS);
        assertEquals(1, get(v, "bass_leap_fraction"), EPS);
        for (int ic : new int[] {0, 4, 5}) {
            assertEquals(1 / 3.0, get(v, "harmonic_interval_class_" + ic), EPS, "class " + ic);
        }
        // C5 over C3 is one pitch class; D5 over G2 and E5 over C3 are dyads
        assertEquals(1 / 3.0, get(v, "chord_single_pitch_class"), EPS);
        assertEquals(2 / 3.0, get(v, "chord_dyad"), EPS);
        assertEquals(2, get(v, "notes_per_onset_mean"), EPS);
    }

    @Test
    void harmonicIntervalsOfATriadAndOfAHeldNote() {
        double[] v = F.compute(cMajorTriad(), 1);
        // C-E 4, C-G 7 -> 5, E-G 3
        for (int ic = 0; ic <= 6; ic++) {
            double expected = ic >= 3 && ic <= 5 ? 1 / 3.0 : 0;
            assertEquals(expected, get(v, "harmonic_interval_class_" + ic), EPS, "class " + ic);
        }
        // C4 held 0-2 s, E4 struck at 1 s: at the second onset C and E sound together (class 4); the first has one note
        double[] held = F.compute(List.of(Note.of(60, 0, 2, 64), Note.of(64, 1, 2, 64)), 2);
        assertEquals(1, get(held, "harmonic_interval_class_4"), EPS);
        // a tritone (6) and a minor second (1)
        double[] t = F.compute(List.of(Note.of(60, 0, 1, 64), Note.of(66, 0, 1, 64), Note.of(61, 1, 2, 64),
                Note.of(62, 1, 2, 64)), 2);
        assertEquals(0.5, get(t, "harmonic_interval_class_6"), EPS);
        assertEquals(0.5, get(t, "harmonic_interval_class_1"), EPS);
    }

    @Test
    void chordTypesOfATriad() {
        double[] v = F.compute(cMajorTriad(), 1);
        assertEquals(1, get(v, "chord_major_triad"), EPS);
        assertEquals(1, sum(v, "chord_"), EPS);
        assertEquals(3, get(v, "polyphony_mean"), EPS);
        assertEquals(3, get(v, "polyphony_max"), EPS);
        assertEquals(0, get(v, "silence_fraction"), EPS);
        assertEquals(3, get(v, "notes_per_onset_mean"), EPS);
        assertEquals(3, get(v, "note_density"), EPS);
        assertEquals(1, get(v, "onset_density"), EPS);
    }

    @Test
    void chordTemplatesMatchInAnyInversion() {
        assertEquals(ChordType.SINGLE_PITCH_CLASS, type(48, 60));
        assertEquals(ChordType.DYAD, type(60, 67));
        assertEquals(ChordType.MAJOR_TRIAD, type(64, 67, 72)); // C major, first inversion
        assertEquals(ChordType.MINOR_TRIAD, type(57, 60, 64)); // A minor
        assertEquals(ChordType.DIMINISHED_TRIAD, type(59, 62, 65)); // B diminished
        assertEquals(ChordType.AUGMENTED_TRIAD, type(60, 64, 68));
        assertEquals(ChordType.DOMINANT_SEVENTH, type(59, 62, 65, 67)); // G7, first inversion
        assertEquals(ChordType.MAJOR_SEVENTH, type(60, 64, 67, 71));
        assertEquals(ChordType.MINOR_SEVENTH, type(62, 65, 69, 72)); // D minor 7
        assertEquals(ChordType.HALF_DIMINISHED_SEVENTH, type(59, 62, 65, 69)); // B half-diminished
        assertEquals(ChordType.DIMINISHED_SEVENTH, type(59, 62, 65, 68));
        assertEquals(ChordType.SUSPENDED, type(60, 65, 67)); // Csus4
        assertEquals(ChordType.SUSPENDED, type(60, 62, 67)); // Csus2
        assertEquals(ChordType.OTHER, type(60, 61, 62));
        assertEquals(ChordType.OTHER, type(60, 64, 70)); // a seventh without its fifth
        assertThrows(IllegalArgumentException.class, () -> ChordType.of(0));
    }

    private static ChordType type(int... pitches) {
        int mask = 0;
        for (int p : pitches) {
            mask |= 1 << (p % 12);
        }
        return ChordType.of(mask);
    }

    @Test
    void chordTypeHistogramOverOnsetGroupsWithTolerance() {
        // a rolled C major (onsets 0, 10, 20 ms: one group), a G7 at 1 s, a single note at 2 s, then a dyad at 3 s
        // whose second note comes 50 ms late (two groups: single + single)
        List<Note> notes = List.of(Note.of(60, 0, 1, 64), Note.of(64, 0.01, 1, 64), Note.of(67, 0.02, 1, 64),
                Note.of(55, 1, 2, 64), Note.of(59, 1, 2, 64), Note.of(62, 1, 2, 64), Note.of(65, 1, 2, 64),
                Note.of(72, 2, 3, 64),
                Note.of(60, 3, 4, 64), Note.of(67, 3.05, 4, 64));
        double[] v = F.compute(notes, 4);
        assertEquals(0.2, get(v, "chord_major_triad"), EPS);
        assertEquals(0.2, get(v, "chord_dominant_seventh"), EPS);
        assertEquals(0.6, get(v, "chord_single_pitch_class"), EPS);
        assertEquals(5 / 4.0, get(v, "onset_density"), EPS);
        assertEquals(10 / 5.0, get(v, "notes_per_onset_mean"), EPS);
        // with the sounding notes, the G at 3.05 s joins the held C: a dyad
        SymbolicFeatures sounding = new SymbolicFeatures(SymbolicParams.builder()
                .optChordNotes(ChordNotes.SOUNDING).build());
        double[] s = sounding.compute(notes, 4);
        assertEquals(0.4, get(sounding, s, "chord_single_pitch_class"), EPS);
        assertEquals(0.2, get(sounding, s, "chord_dyad"), EPS);
        // a tolerance of 0: the rolled chord is three onsets
        SymbolicFeatures strict = new SymbolicFeatures(SymbolicParams.builder().optChordToleranceSeconds(0).build());
        assertEquals(7 / 4.0, get(strict, strict.compute(notes, 4), "onset_density"), EPS);
    }

    @Test
    void soundingSkylineHidesNotesUnderAHeldHigherNote() {
        // C6 held 0-2 s; E5 at 0.5 s and D5 at 1 s sound beneath it
        List<Note> notes = List.of(Note.of(84, 0, 2, 64), Note.of(76, 0.5, 1, 64), Note.of(74, 1, 1.5, 64));
        double[] onset = F.compute(notes, 2);
        assertEquals(0.5, get(onset, "melody_interval_8"), EPS);
        assertEquals(0.5, get(onset, "melody_interval_2"), EPS);
        assertEquals(1, get(onset, "melody_descending_fraction"), EPS);
        SymbolicFeatures sounding = new SymbolicFeatures(SymbolicParams.builder().optSkyline(SkylineMode.SOUNDING)
                .build());
        double[] s = sounding.compute(notes, 2);
        for (String name : sounding.names()) {
            if (name.startsWith("melody_")) {
                assertEquals(0, get(sounding, s, name), EPS, name + ": a one-note melody has no interval");
            }
        }
        // the bass is not hidden: nothing lower is held
        assertEquals(0.5, get(sounding, s, "bass_interval_8"), EPS);
    }

    @Test
    void polyphonySilenceAndTimelineOfOverlappingNotes() {
        // A 0-2 s, B 1-3 s in a 4 s span: sounding 3 s with 4 note-seconds, max 2, silent 1 s of 4
        List<Note> notes = List.of(Note.of(60, 0, 2, 64), Note.of(62, 1, 3, 64));
        double[] v = F.compute(notes, 4);
        assertEquals(4 / 3.0, get(v, "polyphony_mean"), EPS);
        assertEquals(2, get(v, "polyphony_max"), EPS);
        assertEquals(0.25, get(v, "silence_fraction"), EPS);
        assertEquals(0.5, get(v, "note_density"), EPS);
        assertEquals(0.5, get(v, "onset_density"), EPS);
        // durations 2 s: bin 6 = [2, 4) s; one inter-onset interval of 1 s: bin 5 = [1, 2) s
        assertEquals(2, get(v, "duration_mean"), EPS);
        assertEquals(2, get(v, "duration_median"), EPS);
        assertEquals(1, get(v, "log_duration_hist_6"), EPS);
        assertEquals(1, get(v, "ioi_mean"), EPS);
        assertEquals(1, get(v, "log_ioi_hist_5"), EPS);
        // a span shorter than the notes: the timeline runs to the last offset (3 s)
        double[] shortSpan = F.compute(notes, 2);
        assertEquals(0, get(shortSpan, "silence_fraction"), EPS);
        assertEquals(2 / 3.0, get(shortSpan, "note_density"), EPS);
        // legato: the next note starting as the last ends is not polyphony
        assertEquals(1, get(F.compute(line(1, 60, 62), 2), "polyphony_max"), EPS);
    }

    @Test
    void durationAndInterOnsetStatistics() {
        // durations 0.1, 0.2, 0.4, 1.5 s at onsets 0, 0.5, 0.75, 2 s: IOIs 0.5, 0.25, 1.25
        List<Note> notes = List.of(Note.of(60, 0, 0.1, 64), Note.of(62, 0.5, 0.7, 64), Note.of(64, 0.75, 1.15, 64),
                Note.of(65, 2, 3.5, 64));
        double[] v = F.compute(notes, 4);
        assertEquals(2.2 / 4, get(v, "duration_mean"), EPS);
        double mean = 0.55;
        double var = (Math.pow(0.1 - mean, 2) + Math.pow(0.2 - mean, 2) + Math.pow(0.4 - mean, 2)
                + Math.pow(1.5 - mean, 2)) / 4;
        assertEquals(Math.sqrt(var), get(v, "duration_std"), EPS);
        assertEquals(0.3, get(v, "duration_median"), EPS);
        assertEquals(0.1, get(v, "duration_min"), EPS);
        assertEquals(1.5, get(v, "duration_max"), EPS);
        // bins: 0.1 -> 1 [1/16, 1/8); 0.2 -> 2; 0.4 -> 3; 1.5 -> 5
        assertEquals(0.25, get(v, "log_duration_hist_1"), EPS);
        assertEquals(0.25, get(v, "log_duration_hist_2"), EPS);
        assertEquals(0.25, get(v, "log_duration_hist_3"), EPS);
        assertEquals(0.25, get(v, "log_duration_hist_5"), EPS);
        assertEquals(2.0 / 3, get(v, "ioi_mean"), EPS);
        assertEquals(0.5, get(v, "ioi_median"), EPS);
        assertEquals(0.25, get(v, "ioi_min"), EPS);
        assertEquals(1.25, get(v, "ioi_max"), EPS);
        // 0.25 -> 3 [1/4, 1/2); 0.5 -> 4; 1.25 -> 5
        assertEquals(1 / 3.0, get(v, "log_ioi_hist_3"), EPS);
        assertEquals(1 / 3.0, get(v, "log_ioi_hist_4"), EPS);
        assertEquals(1 / 3.0, get(v, "log_ioi_hist_5"), EPS);
        // the last bin is open-ended and very short notes fall in bin 0
        double[] ends = F.compute(List.of(Note.of(60, 0, 0.01, 64), Note.of(62, 1, 100, 64)), 100);
        assertEquals(0.5, get(ends, "log_duration_hist_0"), EPS);
        assertEquals(0.5, get(ends, "log_duration_hist_9"), EPS);
    }

    @Test
    void velocityStatistics() {
        List<Note> notes = List.of(Note.of(60, 0, 1, 40), Note.of(62, 1, 2, 60), Note.of(64, 2, 3, 80),
                Note.of(65, 3, 4, 100));
        double[] v = F.compute(notes, 4);
        assertEquals(70, get(v, "velocity_mean"), EPS);
        assertEquals(Math.sqrt(500), get(v, "velocity_std"), EPS); // (900 + 100 + 100 + 900) / 4
        assertEquals(40, get(v, "velocity_min"), EPS);
        assertEquals(100, get(v, "velocity_max"), EPS);
    }

    @Test
    void emptyInputGivesTheDocumentedVector() {
        double[] v = F.compute(List.of(), 10);
        for (int i = 0; i < v.length; i++) {
            String name = F.names().get(i);
            assertTrue(Double.isFinite(v[i]), name);
            assertEquals(name.equals("silence_fraction") ? 1 : 0, v[i], 0, name);
        }
        double[] zeroSpan = F.compute(List.of(), 0);
        for (double x : zeroSpan) {
            assertEquals(0, x, 0);
        }
        // percussion only is empty too
        Note drum = new Note(36, 0, 0.5, 100, 9, 0, 0);
        assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(F.compute(List.of(drum), 10)));
        // and an empty window
        assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(F.compute(new NoteWindow(5, 15,
                List.of()))));
    }

    @Test
    void percussionIsIgnoredAndZeroLengthNotesStayFinite() {
        List<Note> withDrums = new ArrayList<>(cMajorTriad());
        withDrums.add(new Note(36, 0, 1, 100, 9, 0, 0));
        assertEquals(java.util.Arrays.toString(F.compute(cMajorTriad(), 1)),
                java.util.Arrays.toString(F.compute(withDrums, 1)));
        double[] v = F.compute(List.of(Note.of(60, 0, 0, 64), Note.of(64, 0, 0, 64)), 0);
        for (int i = 0; i < v.length; i++) {
            assertTrue(Double.isFinite(v[i]), F.names().get(i));
        }
        assertEquals(0.5, get(v, "pitch_class_count_e"), EPS);
        assertEquals(0, sum(v, "pitch_class_duration_"), EPS);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> F.compute(cMajorTriad(), -1));
        assertThrows(IllegalArgumentException.class, () -> F.compute(cMajorTriad(), Double.NaN));
        assertThrows(NullPointerException.class, () -> F.compute((List<Note>) null, 1));
    }
}
