package org.cadenza.model.bundle;

import org.cadenza.io.CadenzaException;
import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.Synthetic;
import org.cadenza.model.train.ClassifierTraining;
import org.cadenza.model.train.SpecAugment;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each architecture learns the synthetic problem; bundles round-trip; mismatched input is refused. */
class BundleTest {

    static final String FEATURES = "features-v1;kind=LOGMEL;sr=22050;n_fft=2048;hop=512;n_mels=128";
    static final InputContract INPUT = new InputContract(FEATURES, "5.0s/2.5s", "render-v1;program=0;rate=22050");

    static InMemoryWindows train;
    static InMemoryWindows val;
    static InMemoryWindows test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() {
        train = Synthetic.windows(150, 11);
        val = Synthetic.windows(45, 12);
        test = Synthetic.windows(60, 13);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyArchitectureBeatsChanceOnHeldOutDataAndRoundTrips(Architecture architecture) throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().optArchitecture(architecture).optBatchSize(16).optEpochs(4)
                .optMaxLearningRate(3e-3).optSpecAugment(SpecAugment.NONE).build();
        long t0 = System.nanoTime();
        TrainingResult r = ClassifierTraining.train(train, val, cfg, tmp.resolve("run"), TrainingListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ModelBundle bundle = ModelBundle.create(tmp.resolve("bundle"), r, INPUT, "hash-123");
        ModelBundle loaded = ModelBundle.load(tmp.resolve("bundle"));
        assertEquals(bundle.contract().classes(), loaded.contract().classes());
        assertEquals(architecture, loaded.contract().architecture());
        assertArrayEquals(new int[] {1, Synthetic.MELS, Synthetic.FRAMES}, loaded.contract().inputShape());
        assertEquals(cfg, loaded.contract().training());
        assertEquals("hash-123", loaded.contract().dataHash());
        assertEquals(INPUT, loaded.contract().input());

        float[][] p;
        try (Classifier c = Classifier.open(loaded)) {
            p = c.predictProba(windows(test));
            double acc = accuracy(p, test);
            System.out.printf("%s: held-out accuracy %.3f after %.1f s of training%n", architecture, acc, seconds);
            assertTrue(acc > 0.7, architecture + " held-out accuracy " + acc + " (chance 0.33)");
            for (float[] row : p) {
                float sum = 0;
                for (float v : row) {
                    sum += v;
                }
                assertEquals(1f, sum, 1e-4f);
            }
            // the bundle holds the best epoch: its validation accuracy is reproduced exactly
            assertEquals(r.best().valAccuracy(), accuracy(c.predictProba(windows(val)), val), 1e-9);
        }
        // a copy of the folder predicts identically
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of(ModelBundle.WEIGHTS, ModelBundle.CONTRACT)) {
            Files.copy(tmp.resolve("bundle").resolve(f), copy.resolve(f));
        }
        try (Classifier c = Classifier.open(ModelBundle.load(copy))) {
            float[][] q = c.predictProba(windows(test));
            for (int i = 0; i < p.length; i++) {
                assertArrayEquals(p[i], q[i], "window " + i);
            }
        }
    }

    @Test
    void anEnsembleAveragesItsMembersProbabilities() throws Exception {
        TrainingConfig cfg = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optBatchSize(16)
                .optEpochs(2).optMaxLearningRate(3e-3).optSpecAugment(SpecAugment.NONE).optEnsembleMembers(2)
                .build();
        assertEquals(43, cfg.member(2).seed());
        assertEquals(1, cfg.member(2).ensembleMembers());
        assertThrows(IllegalArgumentException.class, () -> cfg.member(3));
        TrainingResult one = ClassifierTraining.train(train, val, cfg.member(1), tmp.resolve("m1"), TrainingListener.NONE);
        TrainingResult two = ClassifierTraining.train(train, val, cfg.member(2), tmp.resolve("m2"), TrainingListener.NONE);
        ModelBundle.create(tmp.resolve("b1"), one, INPUT, "h");
        ModelBundle.create(tmp.resolve("b2"), two, INPUT, "h");
        ModelBundle ens = ModelBundle.create(tmp.resolve("ens"), List.of(one, two), INPUT, "h");
        ModelBundle loaded = ModelBundle.load(tmp.resolve("ens"));
        assertEquals(2, loaded.contract().members());
        assertEquals(2, loaded.contract().training().ensembleMembers());
        assertEquals(2, ens.memberWeights().size());
        List<float[]> x = windows(test);
        float[][] p1;
        float[][] p2;
        float[][] pe;
        try (Classifier a = Classifier.open(ModelBundle.load(tmp.resolve("b1")));
             Classifier b = Classifier.open(ModelBundle.load(tmp.resolve("b2")));
             Classifier e = Classifier.open(loaded)) {
            p1 = a.predictProba(x);
            p2 = b.predictProba(x);
            pe = e.predictProba(x);
        }
        boolean differ = false;
        for (int i = 0; i < x.size(); i++) {
            for (int c = 0; c < p1[i].length; c++) {
                assertEquals((p1[i][c] + p2[i][c]) / 2, pe[i][c], 1e-6, "window " + i + " class " + c);
                differ |= Math.abs(p1[i][c] - p2[i][c]) > 1e-4;
            }
        }
        assertTrue(differ, "two seeds give two different networks");
        Files.delete(tmp.resolve("ens").resolve("weights-2.params"));
        var missing = assertThrows(CadenzaException.class, () -> ModelBundle.load(tmp.resolve("ens")));
        assertTrue(missing.getMessage().contains("weights-2.params"), missing.getMessage());
    }

    @Test
    void refusesInputMadeWithOtherParametersAndSaysWhich() {
        ModelBundle b = ModelBundle.untrained(tmp.resolve("u"), Architecture.SMALL, List.of("a", "b"),
                new int[] {1, 32, 32}, INPUT, 42);
        try (Classifier c = Classifier.open(ModelBundle.load(tmp.resolve("u")))) {
            assertDoesNotThrow(() -> c.check(INPUT));
            assertDoesNotThrow(() -> c.check(new InputContract(FEATURES, "5.0s/2.5s", "")));
            var e = assertThrows(IncompatibleInputException.class, () -> c.check(new InputContract(
                    FEATURES.replace("n_mels=128", "n_mels=64"), "3.0s/1.5s", INPUT.renderKey())));
            assertEquals(2, e.differences().size(), e.getMessage());
            assertEquals("feature n_mels: model 128, input 64", e.differences().get(0));
            assertTrue(e.getMessage().contains("window spec: model 5.0s/2.5s, input 3.0s/1.5s"), e.getMessage());
            var r = assertThrows(IncompatibleInputException.class, () -> c.check(new InputContract(FEATURES,
                    "5.0s/2.5s", "render-v1;program=19;rate=22050")));
            assertEquals(List.of("render program: model 0, input 19"), r.differences());
            var shape = assertThrows(IllegalArgumentException.class, () -> c.predictProba(List.of(new float[10])));
            assertTrue(shape.getMessage().contains("1 x 32 x 32"), shape.getMessage());
        }
        assertEquals(42, b.contract().seed());
    }

    @Test
    void weightsOfAnotherClassCountAreRefusedNamingTheFolder() throws Exception {
        ModelBundle.untrained(tmp.resolve("two"), Architecture.SMALL, List.of("a", "b"), new int[] {1, 32, 32},
                INPUT, 42);
        ModelBundle.untrained(tmp.resolve("four"), Architecture.SMALL, List.of("a", "b", "c", "d"),
                new int[] {1, 32, 32}, INPUT, 42);
        try (Classifier sound = Classifier.open(ModelBundle.load(tmp.resolve("four")))) {
            float[][] p = sound.predictProba(List.of(new float[32 * 32], new float[32 * 32]));
            assertEquals(4, p[0].length);
        }
        // 2-class weights saved under the 4-class label list: DJL would load them and predict rows that sum to 2
        Files.copy(tmp.resolve("two").resolve(ModelBundle.WEIGHTS), tmp.resolve("four").resolve(ModelBundle.WEIGHTS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ModelBundle damaged = ModelBundle.load(tmp.resolve("four"));
        var e = assertThrows(org.cadenza.io.BadInputException.class, () -> Classifier.open(damaged));
        assertEquals(tmp.resolve("four"), e.file());
        assertEquals("the network outputs 2 classes but model.json lists 4: the model folder is damaged; train it "
                + "again", e.problem());
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedNamingTheFile() throws Exception {
        ModelBundle.untrained(tmp.resolve("small"), Architecture.SMALL, List.of("a", "b"), new int[] {1, 32, 32},
                INPUT, 42);
        ModelBundle.untrained(tmp.resolve("wide"), Architecture.SMALL, List.of("a", "b"), new int[] {2, 32, 32},
                INPUT, 42);
        Files.copy(tmp.resolve("wide").resolve(ModelBundle.WEIGHTS), tmp.resolve("small").resolve(ModelBundle.WEIGHTS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ModelBundle damaged = ModelBundle.load(tmp.resolve("small"));
        var e = assertThrows(org.cadenza.io.BadInputException.class, () -> Classifier.open(damaged));
        assertEquals(tmp.resolve("small").resolve(ModelBundle.WEIGHTS), e.file());
        assertTrue(e.problem().contains("where the network expects") && e.problem().contains("train it again"),
                e.getMessage());
    }

    @Test
    void loadSaysWhatIsMissing() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        var e = assertThrows(CadenzaException.class, () -> ModelBundle.load(tmp.resolve("empty")));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        ModelBundle.untrained(tmp.resolve("bad"), Architecture.SMALL, List.of("a", "b"), new int[] {1, 32, 32},
                INPUT, 42);
        Files.writeString(tmp.resolve("bad").resolve(ModelBundle.CONTRACT), "{ not json");
        var j = assertThrows(CadenzaException.class, () -> ModelBundle.load(tmp.resolve("bad")));
        assertTrue(j.getMessage().contains("model.json"), j.getMessage());
    }

    static List<float[]> windows(InMemoryWindows w) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            out.add(w.window(i));
        }
        return out;
    }

    static double accuracy(float[][] p, InMemoryWindows w) {
        int hits = 0;
        for (int i = 0; i < p.length; i++) {
            hits += Synthetic.argmax(p[i]) == w.label(i) ? 1 : 0;
        }
        return hits / (double) p.length;
    }
}
