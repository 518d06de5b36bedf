package org.cadenza.model.train;

import org.cadenza.model.Architecture;
import org.cadenza.model.InMemoryWindows;
import org.cadenza.model.Synthetic;
import org.cadenza.model.bundle.Classifier;
import org.cadenza.model.bundle.InputContract;
import org.cadenza.model.bundle.ModelBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** k windows stacked as channels train and predict like single windows. */
class MultiWindowTest {

    @TempDir
    Path tmp;

    /** Stacks pairs of same-class windows as 2 channels. */
    static InMemoryWindows stacked(int n, long seed) {
        InMemoryWindows a = Synthetic.windows(n, seed);
        InMemoryWindows b = Synthetic.windows(n, seed + 100);
        List<float[]> w = new ArrayList<>();
        int[] labels = new int[n];
        int len = a.windowLength();
        for (int i = 0; i < n; i++) {
            float[] both = new float[2 * len];
            System.arraycopy(a.window(i), 0, both, 0, len);
            System.arraycopy(b.window(i), 0, both, len, len);
            w.add(both);
            labels[i] = a.label(i);
        }
        return new InMemoryWindows(Synthetic.CLASSES, Synthetic.MELS, Synthetic.FRAMES, 2, w, labels);
    }

    @Test
    void twoStackedWindowsTrainAndPredict() {
        InMemoryWindows train = stacked(120, 21);
        InMemoryWindows val = stacked(30, 22);
        TrainingConfig cfg = TrainingConfig.builder().optArchitecture(Architecture.SMALL).optBatchSize(16)
                .optEpochs(5).optMaxLearningRate(3e-3).optSpecAugment(SpecAugment.NONE).build();
        TrainingResult r = ClassifierTraining.train(train, val, cfg, tmp.resolve("run"), TrainingListener.NONE);
        assertArrayEquals(new int[] {2, Synthetic.MELS, Synthetic.FRAMES}, r.inputShape());
        ModelBundle b = ModelBundle.create(tmp.resolve("bundle"), r, new InputContract("f", "w", ""), "h");
        try (Classifier c = Classifier.open(ModelBundle.load(b.dir()))) {
            List<float[]> windows = new ArrayList<>();
            for (int i = 0; i < val.size(); i++) {
                windows.add(val.window(i));
            }
            float[][] p = c.predictProba(windows);
            int hits = 0;
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int k = 1; k < 3; k++) {
                    best = p[i][k] > p[i][best] ? k : best;
                }
                hits += best == val.label(i) ? 1 : 0;
            }
            assertEquals(r.best().valAccuracy(), hits / (double) p.length, 1e-9);
            assertTrue(r.best().valAccuracy() > 0.6, "accuracy " + r.best().valAccuracy());
        }
    }
}
