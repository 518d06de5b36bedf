package org.cadenza.features.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cadenza.io.RealData;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

/** The first file of {@code $CADENZA_DATA/asap/labels.csv} (skipped, with a message, when the variable is unset). */
class RealFileSymbolicTest {

    @Test
    void firstAsapFileGivesSaneFeatures() throws IOException {
        Path labels = RealData.require("the symbolic features of a real MIDI file", "asap", "labels.csv");
        List<String> lines = Files.readAllLines(labels);
        String relative = lines.get(1).split(",", 2)[0];
        Path midi = labels.getParent().resolve(relative);
        NoteSequence seq = NoteReader.read(midi);

        SymbolicFeatures f = new SymbolicFeatures(SymbolicParams.defaults());
        double[] piece = f.compute(seq.notes(), seq.durationSeconds());
        assertAllFinite(f, piece, relative);
        assertTrue(value(f, piece, "pitch_lowest") >= 21 && value(f, piece, "pitch_highest") <= 108,
                "piano range: " + value(f, piece, "pitch_lowest") + " .. " + value(f, piece, "pitch_highest"));
        assertTrue(value(f, piece, "pitch_range") >= 24, "a piece spans at least two octaves");
        double density = value(f, piece, "note_density");
        assertTrue(density > 1 && density < 40, "notes per second " + density);
        assertTrue(value(f, piece, "onset_density") <= density);
        double velocity = value(f, piece, "velocity_mean");
        assertTrue(velocity > 20 && velocity < 110, "mean velocity " + velocity);
        assertTrue(value(f, piece, "polyphony_mean") >= 1 && value(f, piece, "polyphony_max") <= 40);
        assertTrue(value(f, piece, "key_best_correlation") > 0.5, "tonal music correlates with a key");
        for (String family : List.of("pitch_class_count_", "pitch_class_duration_", "key_relative_pitch_class_",
                "register_octave_", "harmonic_interval_class_", "log_duration_hist_", "log_ioi_hist_", "chord_")) {
            assertEquals(1, sum(f, piece, family), 1e-9, family);
        }
        if (relative.contains("bwv_846")) {
            // the C major fugue of the Well-Tempered Clavier, book 1
            KeyEstimate key = KeyEstimate.of(slice(f, piece, "pitch_class_duration_"));
            assertEquals(0, key.tonic(), "tonic C");
            assertTrue(key.major(), "C major");
        }

        List<NoteWindow> windows = NoteWindower.windows(seq, NoteWindowSpec.parse("30s"), 180);
        assertFalse(windows.isEmpty());
        assertTrue(windows.get(windows.size() - 1).endSeconds() <= seq.firstOnsetSeconds() + 180 + 1e-9);
        for (NoteWindow w : windows) {
            assertAllFinite(f, f.compute(w), relative + " window at " + w.startSeconds());
        }
        List<NoteWindow> bars = NoteWindower.windows(seq, NoteWindowSpec.parse("8bars"));
        assertFalse(bars.isEmpty());
        for (NoteWindow w : bars) {
            assertTrue(seq.barStartSeconds().contains(w.startSeconds()), "bar windows start on bar lines");
            assertAllFinite(f, f.compute(w), relative + " bar window at " + w.startSeconds());
        }
    }

    private static void assertAllFinite(SymbolicFeatures f, double[] v, String where) {
        assertEquals(f.size(), v.length);
        for (int i = 0; i < v.length; i++) {
            assertTrue(Double.isFinite(v[i]), where + ": " + f.names().get(i) + " = " + v[i]);
        }
    }

    private static double value(SymbolicFeatures f, double[] v, String name) {
        return v[f.names().indexOf(name)];
    }

    private static double sum(SymbolicFeatures f, double[] v, String prefix) {
        double s = 0;
        for (double x : slice(f, v, prefix)) {
            s += x;
        }
        return s;
    }

    private static double[] slice(SymbolicFeatures f, double[] v, String prefix) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> f.names().get(i).startsWith(prefix))
                .mapToDouble(i -> v[i]).toArray();
    }
}
