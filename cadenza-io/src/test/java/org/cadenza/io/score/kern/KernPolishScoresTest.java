package org.cadenza.io.score.kern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cadenza.io.RealData;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.ScoreFormat;
import org.junit.jupiter.api.Test;

/** Twenty real polish-scores files, spread over labels.csv: the note attacks of each are its n_notes label. */
class KernPolishScoresTest {

    @Test
    void twentyFilesCountTheNoteAttacksOfTheirLabel() throws Exception {
        Path root = RealData.require("reading 20 polish-scores files", "polish-scores");
        List<Map.Entry<String, Long>> rows = new ArrayList<>(
                PolishScoresLabels.noteCounts(root.resolve("labels.csv")).entrySet());
        int step = rows.size() / 20;
        for (int i = 0; i < 20; i++) {
            Map.Entry<String, Long> row = rows.get(i * step);
            KernReading r = KernReader.readCounted(root.resolve(row.getKey()), MidiLimits.DEFAULTS);
            assertEquals(row.getValue(), r.attacks(), row.getKey());

            Score score = r.score();
            NoteSequence notes = score.notes();
            assertEquals(ScoreFormat.KERN, score.format());
            assertTrue(score.metadata().composer().isPresent(), row.getKey());
            assertFalse(notes.notes().isEmpty(), row.getKey());
            assertTrue(notes.notes().size() <= r.attacks() - r.timelessNotes(), "tied notes join: " + row.getKey());
            assertEquals(0.0, notes.barStartSeconds().get(0));
            assertTrue(notes.barStartSeconds().get(notes.barStartSeconds().size() - 1) < notes.durationSeconds());
        }
    }
}
