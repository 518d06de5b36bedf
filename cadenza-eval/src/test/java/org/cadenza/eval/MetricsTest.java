package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures computed by hand, in the manner of Tribuo's LabelConfusionMatrixTest. */
class MetricsTest {

    private static final List<String> ABC = List.of("a", "b", "c");
    private static final double EPS = 1e-12;

    // truth:     a a a a b b b c c c
    // predicted: a a b c b b a c c b
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};

    /** One score row per item: 0.6 on the predicted class, 0.2 on the others. */
    private static double[][] scores(int[] predicted) {
        double[][] s = new double[predicted.length][];
        for (int i = 0; i < predicted.length; i++) {
            s[i] = new double[] {0.2, 0.2, 0.2};
            s[i][predicted[i]] = 0.6;
        }
        return s;
    }

    @Test
    void threeClassExampleByHand() {
        ClassificationReport r = ClassificationReport.of(ABC, TRUTH, scores(PREDICTED), 1);

        // rows = true, columns = predicted
        //        a  b  c
        //   a  [ 2, 1, 1 ]   support 4
        //   b  [ 1, 2, 0 ]   support 3
        //   c  [ 0, 1, 2 ]   support 3
        // predicted:  3  4  3
        assertArrayEquals(new long[] {2, 1, 1}, r.confusion().counts()[0]);
        assertArrayEquals(new long[] {1, 2, 0}, r.confusion().counts()[1]);
        assertArrayEquals(new long[] {0, 1, 2}, r.confusion().counts()[2]);
        assertEquals(10, r.confusion().total());
        assertEquals(6, r.confusion().correct());

        // accuracy = (2 + 2 + 2) / 10
        assertEquals(0.6, r.accuracy(), EPS);
        // recall a = 2/4, b = 2/3, c = 2/3; balanced = (1/2 + 2/3 + 2/3) / 3 = 11/18
        assertEquals(11.0 / 18, r.balancedAccuracy(), EPS);
        // precision a = 2/3, b = 2/4, c = 2/3
        assertEquals(2.0 / 3, r.of("a").precision(), EPS);
        assertEquals(0.5, r.of("b").precision(), EPS);
        assertEquals(2.0 / 3, r.of("c").precision(), EPS);
        assertEquals(0.5, r.of("a").recall(), EPS);
        assertEquals(2.0 / 3, r.of("b").recall(), EPS);
        // F1 a = 2 * (2/3 * 1/2) / (2/3 + 1/2) = 4/7; b = 2 * (1/2 * 2/3) / (1/2 + 2/3) = 4/7; c = 2/3
        assertEquals(4.0 / 7, r.of("a").f1(), EPS);
        assertEquals(4.0 / 7, r.of("b").f1(), EPS);
        assertEquals(2.0 / 3, r.of("c").f1(), EPS);
        // macro F1 = (4/7 + 4/7 + 2/3) / 3 = 38/63
        assertEquals(38.0 / 63, r.macroF1(), EPS);
        assertEquals(4, r.of("a").support());
        assertEquals(4, r.of("b").predicted());
        // top-1 accuracy is accuracy
        assertEquals(0.6, r.topKAccuracy(), EPS);
    }

    @Test
    void rowNormalisedViewHoldsRecallOnTheDiagonal() {
        double[][] rows = ConfusionMatrix.of(ABC, TRUTH, PREDICTED).rowNormalised();
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, rows[0], EPS);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 0}, rows[1], EPS);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3}, rows[2], EPS);
    }

    @Test
    void balancedAccuracyIgnoresClassesAbsentFromTheTruth() {
        // truth only a and b; c is predicted once but never true
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {0, 2, 1, 1};
        // recall a = 1/2, b = 2/2; c absent -> (0.5 + 1) / 2
        assertEquals(0.75, Metrics.balancedAccuracy(truth, predicted, 3), EPS);
        ClassificationReport r = ClassificationReport.of(ABC, truth, scores(predicted), 3);
        // c: predicted once, never right: precision 0, recall 0 (no support), F1 0
        assertEquals(0, r.of("c").precision(), EPS);
        assertEquals(0, r.of("c").recall(), EPS);
        assertEquals(0, r.of("c").support());
    }

    @Test
    void topThreeCountsTheTrueClassAmongTheThreeBestScores() {
        // 4 classes; the true class (0) ranks 1st, 2nd, 3rd and 4th in the four items
        double[][] scores = {
            {0.7, 0.1, 0.1, 0.1},
            {0.3, 0.4, 0.2, 0.1},
            {0.2, 0.4, 0.3, 0.1},
            {0.1, 0.4, 0.3, 0.2},
        };
        int[] truth = {0, 0, 0, 0};
        assertEquals(0.25, Metrics.topKAccuracy(truth, scores, 1), EPS);
        assertEquals(0.50, Metrics.topKAccuracy(truth, scores, 2), EPS);
        assertEquals(0.75, Metrics.topKAccuracy(truth, scores, 3), EPS);
        assertEquals(1.00, Metrics.topKAccuracy(truth, scores, 4), EPS);
        assertEquals(1.00, Metrics.topKAccuracy(truth, scores, 10), EPS);
    }

    @Test
    void tiesRankTheLowerClassIndexFirstSoATieNeverCountsTwice() {
        double[] tied = {0.25, 0.25, 0.25, 0.25};
        assertArrayEquals(new int[] {0, 1, 2, 3}, Metrics.ranking(tied));
        assertEquals(0, Metrics.argmax(tied));
        assertEquals(3, Metrics.rankOf(tied, 3));
        // class 3 is tied with everyone but ranks last: not in the top 3
        assertEquals(0.0, Metrics.topKAccuracy(new int[] {3}, new double[][] {tied}, 3), EPS);
        assertArrayEquals(new int[] {2, 0, 1}, Metrics.ranking(new double[] {0.3, 0.3, 0.4}));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[2], new int[3]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.topKAccuracy(new int[1], new double[][] {{1}}, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(ABC, new long[][] {{1, 2}}));
    }

    @Test
    void confusionMatrixCsvHasClassNamesOnBothAxes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ConfusionMatrix m = ConfusionMatrix.of(ABC, TRUTH, PREDICTED);
        m.writeCsv(dir.resolve("c.csv"));
        m.writeRowNormalisedCsv(dir.resolve("n.csv"));
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("c.csv"));
        assertEquals(List.of("true\\predicted,a,b,c", "a,2,1,1", "b,1,2,0", "c,0,1,2"), lines);
        assertEquals("a,0.5000,0.2500,0.2500", java.nio.file.Files.readAllLines(dir.resolve("n.csv")).get(1));
    }
}
