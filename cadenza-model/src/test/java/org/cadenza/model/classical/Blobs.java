package org.cadenza.model.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cadenza.model.Synthetic;

/** An easy synthetic 3-class problem: Gaussian blobs in 3 informative and 2 noise columns, one on a scale of 100. */
final class Blobs {

    static final List<String> NAMES = List.of("a", "b", "c", "noise1", "noise2");
    static final List<String> CLASSES = List.of("bach", "chopin", "mozart");
    private static final double[][] CENTERS = {{0, 0, 0}, {4, 0, 1}, {0, 4, -1}};

    private Blobs() {
    }

    /** @return {@code perClass} rows of each class, interleaved (bach, chopin, mozart, bach, ...) */
    static FeatureTable table(int perClass, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int k = 0; k < 3; k++) {
                double[] row = new double[NAMES.size()];
                for (int c = 0; c < 3; c++) {
                    row[c] = CENTERS[k][c] + random.nextGaussian();
                }
                row[1] *= 100; // a column on another scale: standardisation matters for kNN and SGD
                row[3] = random.nextGaussian();
                row[4] = 5 + 3 * random.nextGaussian();
                rows.add(row);
                labels.add(CLASSES.get(k));
            }
        }
        return new FeatureTable(NAMES, rows, labels);
    }

    /** @return the share of rows whose most probable class is the label */
    static double accuracy(ClassicalModel model, FeatureTable test) {
        double[][] p = model.predictProba(test.rows());
        int right = 0;
        for (int r = 0; r < p.length; r++) {
            if (model.classes().get(Synthetic.argmax(p[r])).equals(test.labels().get(r))) {
                right++;
            }
        }
        return right / (double) p.length;
    }
}
