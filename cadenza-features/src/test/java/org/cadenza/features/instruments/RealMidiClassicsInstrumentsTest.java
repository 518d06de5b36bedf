package org.cadenza.features.instruments;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;

import org.cadenza.io.RealData;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;

/**
 * Every one of a handful of {@code $CADENZA_DATA/midi-classics} files (one in every 200 rows of labels.csv, at most
 * 8) gets a non-empty family set, and its 30 s windows only families of the piece. Skipped, with a message, when
 * the variable is unset.
 */
class RealMidiClassicsInstrumentsTest {

    @Test
    void aHandfulOfRealFilesGetFamilies() throws IOException {
        Path labels = RealData.require("instrument labels of real midi-classics files", "midi-classics", "labels.csv");
        List<String> lines = Files.readAllLines(labels);
        InstrumentMap map = InstrumentMap.builtIn();
        int checked = 0;
        for (int row = 1; row < lines.size() && checked < 8; row += 200) {
            String relative = lines.get(row).split(",", 2)[0];
            NoteSequence seq = NoteReader.read(labels.getParent().resolve(relative));
            SortedSet<String> piece = InstrumentLabels.ofPiece(seq, map);
            assertFalse(piece.isEmpty(), relative);
            assertTrue(map.families().containsAll(piece), relative + ": " + piece);
            double end = Math.min(seq.durationSeconds(), 120);
            for (double t = 0; t < end; t += 30) {
                SortedSet<String> window = InstrumentLabels.ofWindow(seq, t, t + 30, map,
                        InstrumentLabels.DEFAULT_MIN_SOUNDING_SECONDS);
                assertTrue(piece.containsAll(window), relative + " at " + t + " s: " + window + " not in " + piece);
            }
            checked++;
        }
        assertTrue(checked >= 5, "checked " + checked + " files of " + labels);
    }
}
