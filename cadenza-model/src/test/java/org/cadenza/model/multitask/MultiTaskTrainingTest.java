package org.cadenza.model.multitask;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.train.EpochRecord;
import org.cadenza.model.train.SpecAugment;
import org.cadenza.model.train.TrainingConfig;
import org.cadenza.model.train.TrainingListener;
import org.cadenza.model.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windows of 32 x 32 where each of three "instruments" lights its own band of rows and the composer is the brightness
 * of the left or right half: a network that learns the task names every family of every window.
 */
class MultiTaskTrainingTest {

    private static final List<String> FAMILIES = List.of("flute", "violin", "piano");

    static MultiLabelWindows corpus(int n, long seed) {
        Random rng = new Random(seed);
        List<float[]> windows = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] w = new float[32 * 32];
            float[] t = new float[FAMILIES.size()];
            labels[i] = rng.nextInt(2);
            for (int f = 0; f < FAMILIES.size(); f++) {
                t[f] = rng.nextBoolean() ? 1 : 0;
            }
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    float v = (float) rng.nextGaussian() * 0.3f;
                    int band = r / 10;
                    if (band < FAMILIES.size() && t[band] == 1) {
                        v += 2;
                    }
                    if ((c < 16) == (labels[i] == 0)) {
                        v += 1;
                    }
                    w[r * 32 + c] = v;
                }
            }
            windows.add(w);
            targets.add(t);
        }
        return new InMemoryMultiLabelWindows(new InMemoryWindows(List.of("bach", "chopin"), 32, 32, windows, labels),
                FAMILIES, targets);
    }

    private static MultiTaskConfig config(Heads heads) {
        return new MultiTaskConfig(TrainingConfig.builder().optArchitecture(Architecture.SMALL).optEpochs(4)
                .optBatchSize(16).optMaxLearningRate(3e-3).optSpecAugment(SpecAugment.NONE).optPatience(0).build(),
                heads, 1.0);
    }

    @Test
    void bothHeadsLearnTheirTasks(@TempDir Path dir) {
        MultiLabelWindows train = corpus(160, 1);
        MultiLabelWindows val = corpus(48, 2);
        MultiTaskTraining.Result r = MultiTaskTraining.train(train, val, config(Heads.COMPOSER_AND_INSTRUMENTS), dir,
                TrainingListener.NONE);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        EpochRecord best = r.history().get(r.bestEpoch() - 1);
        assertTrue(best.valAccuracy() > 0.9, "validation exact-match ratio " + best.valAccuracy());
        MultiTaskModel.save(r, train.classes(), new int[] {1, 32, 32}, dir.resolve("model"));
        try (MultiTaskModel m = MultiTaskModel.open(dir.resolve("model"))) {
            List<float[]> ws = new ArrayList<>();
            for (int i = 0; i < val.size(); i++) {
                ws.add(val.window(i));
            }
            MultiTaskModel.Output out = m.predict(ws);
            int composerHits = 0;
            int cellHits = 0;
            for (int i = 0; i < val.size(); i++) {
                float[] c = out.composers().orElseThrow()[i];
                composerHits += (c[1] > c[0] ? 1 : 0) == val.label(i) ? 1 : 0;
                for (int f = 0; f < FAMILIES.size(); f++) {
                    cellHits += (out.instruments()[i][f] >= 0.5f) == (val.targets(i)[f] == 1) ? 1 : 0;
                }
            }
            assertTrue(composerHits >= 0.9 * val.size(), "composer right on " + composerHits + " of " + val.size());
            assertTrue(cellHits >= 0.95 * val.size() * FAMILIES.size(), "instrument cells right: " + cellHits);
        }
    }

    @Test
    void theInstrumentHeadAloneHasNoComposerOutput(@TempDir Path dir) {
        MultiLabelWindows train = corpus(96, 3);
        MultiTaskTraining.Result r = MultiTaskTraining.train(train, corpus(24, 4), config(Heads.INSTRUMENTS), dir,
                TrainingListener.NONE);
        MultiTaskModel.save(r, train.classes(), new int[] {1, 32, 32}, dir.resolve("model"));
        try (MultiTaskModel m = MultiTaskModel.open(dir.resolve("model"))) {
            MultiTaskModel.Output out = m.predict(List.of(train.window(0)));
            assertTrue(out.composers().isEmpty());
            assertEquals(3, out.instruments()[0].length);
            assertTrue(m.contract().classes().isEmpty());
        }
    }

    /** A model folder whose weights were made for {@code families} outputs and whose contract lists {@code listed}. */
    private static Path folder(Path dir, Heads heads, int composers, int families, List<String> classes,
                               List<String> listed) {
        ai.djl.nn.Block block = MultiTaskNetwork.build(Architecture.SMALL, heads, composers, families);
        try (ai.djl.Model model = ai.djl.Model.newInstance("test")) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 32, 32));
            java.nio.file.Files.createDirectories(dir);
            org.cadenza.model.train.ClassifierTraining.saveParameters(block, dir.resolve(MultiTaskModel.WEIGHTS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.cadenza.model.ModelJson.write(dir.resolve(MultiTaskModel.CONTRACT), new MultiTaskModel.Contract(classes,
                listed, new int[] {1, 32, 32}, config(heads), 1));
        return dir;
    }

    @Test
    void weightsOfAnotherLabelCountAreRefusedNamingTheFolder(@TempDir Path dir) {
        List<String> four = List.of("flute", "violin", "piano", "organ");
        Path sound = folder(dir.resolve("sound"), Heads.COMPOSER_AND_INSTRUMENTS, 2, 4, List.of("bach", "chopin"),
                four);
        try (MultiTaskModel m = MultiTaskModel.open(sound)) {
            assertEquals(4, m.predict(List.of(new float[32 * 32])).instruments()[0].length);
        }
        Path families = folder(dir.resolve("families"), Heads.INSTRUMENTS, 2, 3, List.of(), four);
        var f = assertThrows(org.cadenza.io.BadInputException.class, () -> MultiTaskModel.open(families));
        assertEquals(families, f.file());
        assertEquals("the network outputs 3 instrument families but multitask.json lists 4: the model folder is "
                + "damaged; train it again", f.problem());
        Path composers = folder(dir.resolve("composers"), Heads.COMPOSER_AND_INSTRUMENTS, 2, 3,
                List.of("bach", "chopin", "liszt"), FAMILIES);
        var c = assertThrows(org.cadenza.io.BadInputException.class, () -> MultiTaskModel.open(composers));
        assertEquals("the network outputs 2 composer classes but multitask.json lists 3: the model folder is "
                + "damaged; train it again", c.problem());
    }

    @Test
    void sigmoidCrossEntropyMatchesTheDefinition() {
        // z = 1, x = 0: log 2; z = 0, x = 2: -log(1 - s(2)) = log(1 + e^2); z = 1, x = -30: about 30 (stable)
        float[][] logits = {{0f, 2f, -30f}};
        float[][] targets = {{1f, 0f, 1f}};
        double expected = (Math.log(2) + Math.log1p(Math.exp(2)) + (30 + Math.log1p(Math.exp(-30)))) / 3;
        assertEquals(expected, SigmoidCrossEntropy.mean(logits, targets), 1e-9);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(expected, SigmoidCrossEntropy.mean(m.create(logits[0], new Shape(1, 3)),
                    m.create(targets[0], new Shape(1, 3))).getFloat(), 1e-5);
            assertThrows(IllegalArgumentException.class, () -> SigmoidCrossEntropy.mean(
                    m.create(new float[3], new Shape(1, 3)), m.create(new float[2], new Shape(1, 2))));
        }
    }

    @Test
    void targetsMustBeZeroOrOne() {
        MultiLabelWindows ok = corpus(2, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InMemoryMultiLabelWindows(new InMemoryWindows(List.of("a", "b"), 32, 32,
                        List.of(ok.window(0)), new int[] {0}), FAMILIES, List.of(new float[] {0.5f, 0, 1})));
        assertTrue(e.getMessage().contains("targets are 0 or 1"), e.getMessage());
    }
}
