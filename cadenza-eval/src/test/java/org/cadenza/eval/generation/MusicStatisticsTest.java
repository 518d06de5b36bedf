package org.cadenza.eval.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

/** Every statistic worked out by hand on sequences of a few notes. */
class MusicStatisticsTest {

    private static final double EPS = 1e-12;

    /**
     * onset  notes (pitch, offset, velocity)              group top
     * 0.000  C4 60 (0.5, 80), E4 64 (0.5, 60)             64
     * 0.500  G4 67 (1.0, 100)                             67
     * 1.000  C5 72 (2.0, 40); A3 57 at 1.005 (1.5, 80)    72  (5 ms later: same onset)
     * 2.500  a percussion note on channel 9, left out
     */
    private static NoteSequence example() {
        return NoteSequence.of(List.of(
                Note.of(60, 0.0, 0.5, 80),
                Note.of(64, 0.0, 0.5, 60),
                Note.of(67, 0.5, 1.0, 100),
                Note.of(72, 1.0, 2.0, 40),
                Note.of(57, 1.005, 1.5, 80),
                new Note(36, 2.5, 3.0, 100, 9, 0, 0)));
    }

    @Test
    void countsRangesAndDensityByHand() {
        MusicStatistics s = MusicStatistics.of(example());
        assertEquals(5, s.notes());
        assertEquals(2.0, s.durationSeconds(), EPS); // 0.0 .. 2.0; the percussion note ending at 3.0 is left out
        assertEquals(5, s.pitchCount());
        assertEquals(72 - 57, s.pitchRange());
        assertEquals(5 / 2.0, s.noteDensity(), EPS);
        assertEquals((80 + 60 + 100 + 40 + 80) / 5.0, s.meanVelocity(), EPS);
    }

    @Test
    void pitchClassHistogramByHand() {
        // C: 60 and 72; E: 64; G: 67; A: 57
        double[] expected = new double[12];
        expected[0] = 0.4;
        expected[4] = 0.2;
        expected[7] = 0.2;
        expected[9] = 0.2;
        assertArrayEquals(expected, MusicStatistics.of(example()).pitchClassHistogram(), EPS);
    }

    @Test
    void transitionsAndIntervalsFollowTheHighestNoteOfEachOnset() {
        MusicStatistics s = MusicStatistics.of(example());
        // tops 64 -> 67 -> 72: E -> G, G -> C
        double[][] m = s.pitchClassTransitionMatrix();
        double total = 0;
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                total += m[i][j];
            }
        }
        assertEquals(1.0, total, EPS);
        assertEquals(0.5, m[4][7], EPS);
        assertEquals(0.5, m[7][0], EPS);
        // intervals +3 and +5: bins 15 and 17 (bin i holds interval i - 12)
        double[] intervals = new double[25];
        intervals[15] = 0.5;
        intervals[17] = 0.5;
        assertArrayEquals(intervals, s.intervalHistogram(), EPS);
    }

    @Test
    void interOnsetIntervalsByHand() {
        MusicStatistics s = MusicStatistics.of(example());
        // onsets 0.0, 0.5, 1.0 (1.005 joins 1.0): two IOIs of 0.5 s, bin [0.4, 0.8) = 5
        assertEquals(0.5, s.meanInterOnsetInterval(), EPS);
        double[] ioi = new double[10];
        ioi[5] = 1.0;
        assertArrayEquals(ioi, s.ioiHistogram(), EPS);
    }

    @Test
    void noteLengthHistogramByHand() {
        // lengths 0.5, 0.5, 0.5, 0.495 -> bin 5 [0.4, 0.8); 1.0 -> bin 6 [0.8, 1.6)
        double[] expected = new double[10];
        expected[5] = 0.8;
        expected[6] = 0.2;
        assertArrayEquals(expected, MusicStatistics.of(example()).noteLengthHistogram(), EPS);
    }

    @Test
    void intervalsBeyondAnOctaveAreClippedToTheEndBins() {
        // 48 -> 72 is +24 (bin 24), 72 -> 50 is -22 (bin 0), 50 -> 50 repeats (bin 12)
        MusicStatistics s = MusicStatistics.of(NoteSequence.of(List.of(
                Note.of(48, 0, 1, 64), Note.of(72, 1, 2, 64), Note.of(50, 2, 3, 64), Note.of(50, 3, 4, 64))));
        double[] expected = new double[25];
        expected[24] = 1 / 3.0;
        expected[0] = 1 / 3.0;
        expected[12] = 1 / 3.0;
        assertArrayEquals(expected, s.intervalHistogram(), EPS);
    }

    @Test
    void onsetGroupsDoNotChain() {
        // 0.000 and 0.008 are one onset; 0.016 is 16 ms after the group's first onset: a new one
        MusicStatistics s = MusicStatistics.of(NoteSequence.of(List.of(
                Note.of(60, 0.000, 1, 64), Note.of(62, 0.008, 1, 64), Note.of(64, 0.016, 1, 64))));
        assertEquals(0.016, s.meanInterOnsetInterval(), EPS);
        double[] ioi = new double[10];
        ioi[0] = 1.0; // 16 ms < 25 ms
        assertArrayEquals(ioi, s.ioiHistogram(), EPS);
        double[] intervals = new double[25];
        intervals[12 + 2] = 1.0; // top 62 -> 64
        assertArrayEquals(intervals, s.intervalHistogram(), EPS);
    }

    @Test
    void aSingleOnsetHasEmptyMelodicHistogramsAndNoInterval() {
        MusicStatistics s = MusicStatistics.of(NoteSequence.of(List.of(Note.of(60, 1.0, 1.0, 64),
                Note.of(67, 1.0, 1.0, 64))));
        assertEquals(0.0, s.durationSeconds(), EPS);
        assertEquals(2 / MusicStatistics.ONSET_TOLERANCE_SECONDS, s.noteDensity(), EPS); // duration floored at 10 ms
        assertEquals(0.0, s.meanInterOnsetInterval(), EPS);
        assertArrayEquals(new double[25], s.intervalHistogram(), EPS);
        assertArrayEquals(new double[10], s.ioiHistogram(), EPS);
        for (double[] row : s.pitchClassTransitionMatrix()) {
            assertArrayEquals(new double[12], row, EPS);
        }
        double[] lengths = new double[10];
        lengths[0] = 1.0; // zero-length notes
        assertArrayEquals(lengths, s.noteLengthHistogram(), EPS);
    }

    @Test
    void timeBinEdgesAreExclusiveAbove() {
        assertEquals(0, MusicStatistics.timeBin(0));
        assertEquals(0, MusicStatistics.timeBin(0.0249));
        assertEquals(1, MusicStatistics.timeBin(0.025));
        assertEquals(4, MusicStatistics.timeBin(0.25));
        assertEquals(8, MusicStatistics.timeBin(6.39));
        assertEquals(9, MusicStatistics.timeBin(6.4));
        assertEquals(9, MusicStatistics.timeBin(1000));
        assertEquals(MusicStatistics.TIME_BINS - 1, MusicStatistics.TIME_BIN_UPPER_EDGES_SECONDS.size());
    }

    @Test
    void emptyOrPercussionOnlySequencesAreRefusedWithAMessage() {
        var empty = assertThrows(IllegalArgumentException.class, () -> MusicStatistics.of(NoteSequence.of(List.of())));
        assertTrue(empty.getMessage().contains("no pitched notes"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MusicStatistics.of(NoteSequence.of(List.of(
                new Note(38, 0, 1, 100, 9, 0, 0)))));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        MusicStatistics s = MusicStatistics.of(example());
        s.pitchClassHistogram()[0] = 99;
        s.pitchClassTransitionMatrix()[4][7] = 99;
        assertEquals(0.4, s.pitchClassHistogram()[0], EPS);
        assertEquals(0.5, s.pitchClassTransitionMatrix()[4][7], EPS);
        assertEquals(s, MusicStatistics.of(example()));
        assertEquals(s.hashCode(), MusicStatistics.of(example()).hashCode());
        assertNotEquals(s, MusicStatistics.of(NoteSequence.of(List.of(Note.of(60, 0, 1, 64)))));
    }

    @Test
    void histogramsOfTheWrongShapeAreRefused() {
        MusicStatistics s = MusicStatistics.of(example());
        assertThrows(IllegalArgumentException.class, () -> new MusicStatistics(s.notes(), s.durationSeconds(),
                s.pitchCount(), s.pitchRange(), new double[11], s.pitchClassTransitionMatrix(), s.intervalHistogram(),
                s.noteDensity(), s.meanInterOnsetInterval(), s.ioiHistogram(), s.noteLengthHistogram(),
                s.meanVelocity()));
    }
}
