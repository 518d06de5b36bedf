package org.cadenza.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.BadInputException;
import org.cadenza.model.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default-model manager without data: empty state, clear errors, removal. */
class DefaultModelsTest {

    @Test
    void aFreshFolderHasNothingTrainedAndNoHeldOutPieces(@TempDir Path dir) {
        DefaultModels d = DefaultModels.at(dir.resolve("models"));
        assertFalse(d.allTrained());
        assertEquals(List.of(), d.list());
        assertEquals(List.of(), d.heldOutPieces());
        assertFalse(d.remove(ModelKind.PERIOD));
    }

    @Test
    void trainingOnDataThatIsNotThereNamesIt(@TempDir Path dir) {
        DefaultModels d = DefaultModels.at(dir.resolve("models"));
        Path missing = dir.resolve("nowhere/labels.csv");
        BadInputException e = assertThrows(BadInputException.class, () -> d.train(EnumSet.allOf(ModelKind.class),
                false, () -> TrainingData.of(missing), ProgressListener.NONE, new TrainingListener() { }, 1));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aForeignManifestIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DefaultModels.MANIFEST), "{\"format\":\"something-else\",\"version\":1,"
                + "\"data\":[],\"seed\":1,\"models\":{}}");
        Exception e = assertThrows(RuntimeException.class, () -> DefaultModels.at(dir).list());
        assertTrue(e.getMessage().contains("--models"), e.getMessage());
    }

    @Test
    void modelKindsParseTheirNamesAndRefuseOthers() {
        assertEquals(ModelKind.OPENSET, ModelKind.parse("open-set"));
        assertEquals(ModelKind.COMPOSER, ModelKind.parse(" Composer "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelKind.parse("genre"));
        assertTrue(e.getMessage().contains("composer, period or openset"));
    }

    @Test
    void figuresReadAsPeopleExpect() {
        assertEquals("50.0 %", DefaultModels.Figure.share("a", 0.5).formatted());
        assertEquals("82", new DefaultModels.Figure("n", 82, "count").formatted());
        assertEquals("0.969", new DefaultModels.Figure("d", 0.9691, "distance").formatted());
    }
}
