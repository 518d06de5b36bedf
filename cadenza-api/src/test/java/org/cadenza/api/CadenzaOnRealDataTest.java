package org.cadenza.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.cadenza.io.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on default models trained from real data (piano-midi.de), answering for held-out pieces. */
class CadenzaOnRealDataTest {

    @BeforeAll
    static void needsData() {
        assumeTrue(TrainedDefaults.pianoMidiDe().isPresent(), "CADENZA_DATA with piano-midi-de/ is not set");
    }

    private static Cadenza cadenza() {
        return Cadenza.builder().models(TrainedDefaults.models().dir())
                .trainingData(TrainingData.of(Path.of("/nonexistent/labels.csv"))).build();
    }

    @Test
    void theThreeModelsAreTrainedAndRecordedWithTheirHeldOutFigures() {
        DefaultModels d = TrainedDefaults.models();
        assertTrue(d.allTrained());
        List<DefaultModels.ModelInfo> list = d.list();
        assertEquals(List.of(ModelKind.COMPOSER, ModelKind.PERIOD, ModelKind.OPENSET),
                list.stream().map(DefaultModels.ModelInfo::kind).toList());
        DefaultModels.ModelInfo composer = list.get(0);
        assertTrue(composer.classes().size() >= 10, composer.classes().toString());
        double accuracy = composer.figures().stream().filter(f -> f.name().equals("test piece accuracy"))
                .findFirst().orElseThrow().value();
        double dummy = composer.figures().stream().filter(f -> f.name().startsWith("dummy")).findFirst()
                .orElseThrow().value();
        assertTrue(accuracy > dummy, "test accuracy " + accuracy + " should beat the dummy " + dummy);
        assertFalse(d.heldOutPieces().isEmpty());
    }

    @Test
    void aHeldOutPieceGetsComposersPeriodVerdictAndTimeWithoutTrainingAgain() {
        Path piece = TrainedDefaults.models().heldOutPieces().get(0).file();
        // the training data given does not exist: opening must not train again
        try (Cadenza c = cadenza()) {
            Analysis a = c.analyze(piece);
            assertEquals(piece, a.file());
            assertEquals(5, a.composers().size());
            assertTrue(c.composers().contains(a.composer().name()));
            for (int i = 1; i < a.composers().size(); i++) {
                assertTrue(a.composers().get(i - 1).probability() >= a.composers().get(i).probability());
            }
            assertTrue(a.period().isPresent());
            assertTrue(a.openSet().isPresent());
            assertEquals(3, a.openSet().get().nearestPieces().size());
            assertTrue(a.seconds() > 0 && a.windows() >= 1);
            assertTrue(a.explanation().isEmpty());
            assertEquals(Set.of("composer", "period", "openSet"), a.models().keySet());
        }
    }

    @Test
    void explainGivesAWindowTimelineAndTheFeaturesThatWeighedMost() throws Exception {
        Path piece = TrainedDefaults.models().heldOutPieces().get(1).file();
        try (Cadenza c = cadenza()) {
            Analysis a = c.analyze(piece, AnalysisOptions.DEFAULTS.withExplain(true));
            Analysis.Explanation e = a.explanation().orElseThrow();
            assertEquals(a.windows(), e.timeline().size());
            assertEquals(0, e.timeline().get(0).start(), 30);
            assertTrue(e.timeline().stream().allMatch(w -> w.end() > w.start() && w.period().isPresent()));
            assertEquals(8, e.features().size());
            for (int i = 1; i < e.features().size(); i++) {
                assertTrue(Math.abs(e.features().get(i - 1).contribution())
                        >= Math.abs(e.features().get(i).contribution()));
            }
            assertEquals(Set.of(), AnalysisJsonTest.problems(a.toJson()));
        }
    }

    @Test
    void aBatchRecordsOneProblemPerBadFileAndGoesOn(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mid"), "these are not MIDI bytes");
        Path empty = Files.createFile(dir.resolve("empty.mid"));
        Path piece = TrainedDefaults.models().heldOutPieces().get(0).file();
        try (Cadenza c = cadenza()) {
            List<FileResult> results = c.analyzeAll(List.of(text, piece, empty, dir.resolve("missing.mid")));
            assertEquals(4, results.size());
            assertFalse(results.get(0).ok());
            assertTrue(results.get(1).ok());
            assertFalse(results.get(2).ok());
            assertTrue(results.get(3).problem().orElseThrow().contains("no such file"));
        }
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (Cadenza c = cadenza()) {
                c.analyze(text);
            }
        });
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    }

    @Test
    void aClosedCadenzaRefusesToAnswer() {
        Cadenza c = cadenza();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.analyze(TrainedDefaults.models().heldOutPieces().get(0).file()));
    }
}
