package org.cadenza.model.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.io.BadInputException;
import org.cadenza.model.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal names what is wrong and where. */
class BadInputTest {

    private static final String SIDECAR = "classical.json";

    private static final List<String> NAMES = List.of("x", "y");

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void nanInfinityAndRaggedRowsAreRefusedNamingRowAndFeature() {
        String nan = message(() -> new FeatureTable(NAMES, List.of(new double[] {1, 2}, new double[] {Double.NaN, 1}),
                List.of("a", "b")));
        assertTrue(nan.contains("row 1") && nan.contains("'x'") && nan.contains("NaN"), nan);
        String inf = message(() -> new FeatureTable(NAMES, List.of(new double[] {1, Double.POSITIVE_INFINITY}),
                List.of("a")));
        assertTrue(inf.contains("row 0") && inf.contains("'y'") && inf.contains("Infinity"), inf);
        String ragged = message(() -> new FeatureTable(NAMES, List.of(new double[] {1, 2}, new double[] {1, 2, 3}),
                List.of("a", "b")));
        assertTrue(ragged.contains("row 1 has 3 values") && ragged.contains("2 features"), ragged);
    }

    @Test
    void misalignedLabelsDuplicateNamesAndMissingLabelsAreRefused() {
        assertTrue(message(() -> new FeatureTable(NAMES, List.of(new double[] {1, 2}), List.of("a", "b")))
                .contains("1 rows but 2 labels"));
        assertTrue(message(() -> new FeatureTable(List.of("x", "x"), List.of(), List.of())).contains("twice"));
        assertTrue(message(() -> new FeatureTable(NAMES, List.of(new double[] {1, 2}), List.of(" ")))
                .contains("row 0 has no label"));
    }

    @Test
    void oneClassOnlyAndNoRowsAreRefused() {
        FeatureTable one = new FeatureTable(NAMES, List.of(new double[] {1, 2}, new double[] {3, 4}),
                List.of("bach", "bach"));
        String m = message(() -> ClassicalModel.train(one, ClassicalConfig.defaults(ClassicalAlgorithm.KNN)));
        assertTrue(m.contains("one class only") && m.contains("'bach'"), m);
        FeatureTable none = new FeatureTable(NAMES, List.of(), List.of());
        assertTrue(message(() -> ClassicalModel.train(none, ClassicalConfig.defaults(ClassicalAlgorithm.KNN)))
                .contains("no rows"));
    }

    @Test
    void predictionRefusesRowsOfAnotherWidthOrNonFiniteValues() {
        FeatureTable train = Blobs.table(5, 1);
        ClassicalModel model = ClassicalModel.train(train, ClassicalConfig.defaults(ClassicalAlgorithm.KNN));
        assertTrue(message(() -> model.predictProba(List.of(new double[] {1, 2}))).contains("has 2 values"));
        assertTrue(message(() -> model.predictProba(List.of(new double[] {0, 0, 0, 0, Double.NaN})))
                .contains("'noise2'"));
    }

    @Test
    void unknownAlgorithmNamesTheChoices() {
        String m = message(() -> ClassicalAlgorithm.parse("svm"));
        assertTrue(m.contains("'svm'") && m.contains("knn") && m.contains("sgd-modified-huber")
                && m.contains("logistic"), m);
        assertEquals(ClassicalAlgorithm.SGD_PERCEPTRON, ClassicalAlgorithm.parse("sgd-perceptron"));
        assertEquals(ClassicalAlgorithm.RANDOM_FOREST, ClassicalAlgorithm.parse("RANDOM_FOREST"));
        for (ClassicalAlgorithm a : ClassicalAlgorithm.values()) {
            assertEquals(a, ClassicalAlgorithm.parse(a.cliName()));
        }
    }

    @Test
    void configurationValuesOutOfRangeAreRefusedByName() {
        assertTrue(message(() -> ClassicalConfig.builder().build()).contains("setAlgorithm"));
        assertTrue(message(() -> ClassicalConfig.builder().setAlgorithm(ClassicalAlgorithm.KNN).optPcaVariance(0)
                .build()).contains("pcaVariance"));
        assertTrue(message(() -> ClassicalConfig.builder().setAlgorithm(ClassicalAlgorithm.KNN).optNeighbours(0)
                .build()).contains("neighbours"));
        assertTrue(message(() -> ClassicalConfig.builder().setAlgorithm(ClassicalAlgorithm.KNN)
                .optTreeFeatureFraction(1.5).build()).contains("treeFeatureFraction"));
    }

    @Test
    void loadRefusesAFolderItDidNotWrite(@TempDir Path dir) throws Exception {
        BadInputException empty = assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
        assertTrue(empty.getMessage().contains(dir.toString()) && empty.getMessage().contains("classical.json"),
                empty.getMessage());
        Files.writeString(dir.resolve("classical.json"), "{\"format\":\"something-else\",\"formatVersion\":1}");
        BadInputException other = assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
        assertTrue(other.getMessage().contains("something-else"), other.getMessage());
        Files.writeString(dir.resolve("classical.json"), "not json");
        assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
    }

    @Test
    void loadRefusesAMissingOrCorruptTribuoFile(@TempDir Path dir) throws Exception {
        ClassicalModel.train(Blobs.table(5, 1), ClassicalConfig.defaults(ClassicalAlgorithm.SGD_LOG)).save(dir);
        Files.writeString(dir.resolve("model.tribuo"), "garbage");
        BadInputException e = assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
        assertTrue(e.getMessage().contains("model.tribuo") && e.getMessage().contains("Tribuo"), e.getMessage());
    }

    @Test
    void loadRefusesALabelListOfAnotherSizeThanTheModelsClasses(@TempDir Path dir) throws Exception {
        ObjectNode json = savedSidecar(dir);
        // one class listed twice: four names for a three-class model, so the columns would not line up
        json.putArray("classes").add("bach").add("chopin").add("mozart").add("mozart");
        rewriteSidecar(dir, json);
        BadInputException twice = assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
        assertEquals(dir, twice.file());
        assertEquals("the model outputs 3 classes but classical.json lists 4 (some twice): the model folder is "
                + "damaged; train it again", twice.problem());
        json.putArray("classes").add("bach").add("chopin");
        rewriteSidecar(dir, json);
        BadInputException fewer = assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
        assertTrue(fewer.getMessage().contains("[bach, chopin, mozart]") && fewer.getMessage().contains("classical.json"),
                fewer.getMessage());
    }

    @Test
    void loadRefusesScalingOfAnotherWidthThanTheFeatureList(@TempDir Path dir) throws Exception {
        ObjectNode json = savedSidecar(dir);
        json.putArray("center").add(0.0).add(0.0);
        rewriteSidecar(dir, json);
        BadInputException e = assertThrows(BadInputException.class, () -> ClassicalModel.load(dir));
        assertEquals(dir.resolve(SIDECAR), e.file());
        assertTrue(e.problem().startsWith("lists 5 features but centres 2 and scales 5 columns"), e.problem());
    }

    /** Saves a small model in {@code dir} and reads its {@code classical.json} back, for a test to damage. */
    private static ObjectNode savedSidecar(Path dir) throws IOException {
        ClassicalModel.train(Blobs.table(5, 1), ClassicalConfig.defaults(ClassicalAlgorithm.SGD_LOG)).save(dir);
        return (ObjectNode) ModelJson.mapper().readTree(dir.resolve(SIDECAR).toFile());
    }

    private static void rewriteSidecar(Path dir, ObjectNode json) throws IOException {
        ModelJson.mapper().writeValue(dir.resolve(SIDECAR).toFile(), json);
    }
}
