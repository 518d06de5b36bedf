package org.cadenza.corpus.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.Test;

/** The one check before a training: what is missing, why it is needed and what to do, in words. */
class TrainableSplitTest {

    private static final Path WS = Path.of("/music/ws");

    @Test
    void noValidationSaysWhyItIsNeededAndHowToGetSome() {
        Map<String, Integer> excluded = new TreeMap<>(Map.of("class glinka has 1 piece(s), fewer than 2", 3));
        CadenzaException e = assertThrows(CadenzaException.class,
                () -> TrainableSplit.require(WS, 120, 0, "MIDI files", excluded));
        assertTrue(e.getMessage().contains("no validation MIDI files in /music/ws (120 for training)"), e.getMessage());
        assertTrue(e.getMessage().contains("best on validation pieces") && e.getMessage().contains("mark some pieces val"),
                e.getMessage());
        assertTrue(e.getMessage().contains("class glinka has 1 piece(s), fewer than 2 (3 files)"), e.getMessage());
        assertTrue(!e.getMessage().contains("{") && !e.getMessage().contains("="), "no raw map: " + e.getMessage());
    }

    @Test
    void noTrainingSaysWhatWasLeftOut() {
        CadenzaException e = assertThrows(CadenzaException.class,
                () -> TrainableSplit.require(WS, 0, 0, "windows", Map.of("not MIDI", 1)));
        assertEquals("nothing to train on in /music/ws: no training windows (left out: not MIDI (1 file))",
                e.getMessage());
    }

    @Test
    void enoughOfBothPassesAndNothingLeftOutReadsNone() {
        TrainableSplit.require(WS, 10, 2, "windows", Map.of());
        assertEquals("none", TrainableSplit.describe(Map.of()));
    }
}
