package org.cadenza.model.embedding;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.cadenza.io.BadInputException;
import org.cadenza.model.ModelJson;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.train.ClassifierTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A model folder whose weights, label list or anchors disagree in size is refused when it is opened. */
class EmbeddingModelLoadTest {

    private static final EmbeddingInput INPUT = new EmbeddingInput(EmbeddingInput.Kind.NOTES,
            NotesSettings.defaults(), null, null);

    private static EmbeddingConfig config(Objective objective, int dimensions) {
        return EmbeddingConfig.builder().optObjective(objective).optHidden(List.of(16)).optDimensions(dimensions)
                .build();
    }

    /** Weights of a network for {@code weightClasses} classes, under a contract listing {@code listed}. */
    private static Path folder(Path dir, Objective objective, int weightClasses, List<String> listed, int dims)
            throws IOException {
        Files.createDirectories(dir);
        int[] s = INPUT.shape();
        Block block = EmbeddingNetwork.build(config(objective, dims), weightClasses);
        try (Model model = Model.newInstance("test")) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, s[0], s[1], s[2]));
            ClassifierTraining.saveParameters(block, dir.resolve(EmbeddingRun.WEIGHTS));
        }
        INPUT.save(dir);
        ModelJson.write(dir.resolve(EmbeddingRun.CONTRACT), new EmbeddingRun.Contract(listed, s,
                config(objective, dims), INPUT.key(), 1));
        return dir;
    }

    private static float[] unit(int dims) {
        float[] v = new float[dims];
        v[0] = 1;
        return v;
    }

    @Test
    void softmaxWeightsOfAnotherClassCountAreRefused(@TempDir Path tmp) throws IOException {
        Path sound = folder(tmp.resolve("sound"), Objective.SOFTMAX, 3, List.of("a", "b", "c"), 8);
        try (EmbeddingModel m = EmbeddingModel.openModelDir(sound, false)) {
            assertEquals(3, m.classes().size());
        }
        Path damaged = folder(tmp.resolve("damaged"), Objective.SOFTMAX, 2, List.of("a", "b", "c"), 8);
        BadInputException e = assertThrows(BadInputException.class,
                () -> EmbeddingModel.openModelDir(damaged, false));
        assertEquals(damaged, e.file());
        assertEquals("the network outputs 2 classes but embedding.json lists 3: the model folder is damaged; train "
                + "it again", e.problem());
    }

    @Test
    void anchorsOfAnotherSizeThanTheEmbeddingsAreRefused(@TempDir Path tmp) throws IOException {
        Path dir = folder(tmp.resolve("triplet"), Objective.TRIPLET, 2, List.of("a", "b"), 8);
        new Anchors(Map.of("a", unit(8), "b", unit(8)), Map.of()).save(dir);
        try (EmbeddingModel m = EmbeddingModel.open(dir)) {
            assertEquals(8, m.anchors().dimensions());
        }
        new Anchors(Map.of("a", unit(4), "b", unit(4)), Map.of()).save(dir);
        BadInputException e = assertThrows(BadInputException.class, () -> EmbeddingModel.open(dir));
        assertEquals(dir, e.file());
        assertEquals("anchors.json holds anchors of 4 dimensions but the network of embedding.json embeds in 8: the "
                + "model folder is damaged; train it again", e.problem());
    }
}
