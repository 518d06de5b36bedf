package org.cadenza.features.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cadenza.io.RealData;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

/** One real score from asap (Bach, WTC I fugue in C major, BWV 846: 762 notes, 54 s) read with NoteReader. */
class PianoRollRealFileTest {

    @Test
    void aBachFugueGivesASaneRoll() {
        Path midi = RealData.require("the piano roll of a real file", "asap", "bach", "Fugue", "bwv_846",
                "midi_score.mid");

        NoteSequence seq = NoteReader.read(midi);
        PianoRollParams p = PianoRollParams.defaults();
        PianoRoll roll = PianoRoll.of(seq, p);

        double duration = seq.durationSeconds();
        assertTrue(duration > 40 && duration < 70, "duration " + duration + " s");
        assertEquals(duration * 16, roll.frames(), 1.0, "frames = duration x 16 frames/s");
        assertEquals(88, roll.frame()[0].length);

        // every pitched note in range leaves an onset; notes of one pitch struck in one frame share a cell
        List<Note> pitched = seq.notes().stream().filter(n -> !n.isPercussion()).toList();
        long onsets = count(roll.onset());
        long distinctStrikes = pitched.stream()
                .map(n -> n.pitch() + ":" + (long) Math.floor(n.onsetSeconds() * 16 + 1e-9)).distinct().count();
        assertEquals(distinctStrikes, onsets);
        assertTrue(onsets > 600, onsets + " onsets");
        // the onset roll lies inside the frame roll, and the frame roll is mostly silence (a fugue is 2-4 voices)
        for (int t = 0; t < roll.frames(); t++) {
            for (int k = 0; k < 88; k++) {
                assertFalse(roll.onset()[t][k] > 0 && roll.frame()[t][k] == 0, "onset without sound at " + t + "," + k);
            }
        }
        double density = (double) count(roll.frame()) / roll.frames();
        assertTrue(density > 1 && density < 8, "mean sounding pitches per frame " + density);

        // 8-second windows every 4 s over a 54 s piece: about a dozen, all of them with notes
        List<Integer> starts = PianoRollWindows.starts(roll, 8.0, 4.0, 0.0, Double.POSITIVE_INFINITY);
        assertTrue(starts.size() >= 10 && starts.size() <= 16, starts.toString());
        int win = PianoRoll.framesFor(8.0, p);
        for (int s : starts) {
            float[] w = roll.window(s, win);
            assertEquals(2 * 88 * 128, w.length);
            double sum = 0;
            for (float v : w) {
                sum += v;
            }
            assertTrue(sum > 0, "window at frame " + s + " is empty");
        }
    }

    private static long count(float[][] roll) {
        long n = 0;
        for (float[] row : roll) {
            for (float v : row) {
                if (v > 0) {
                    n++;
                }
            }
        }
        return n;
    }
}
