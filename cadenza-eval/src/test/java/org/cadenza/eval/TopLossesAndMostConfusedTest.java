package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopLossesAndMostConfusedTest {

    @Test
    void topLossesComeHighestLossFirstWithTiesByFileThenTime() {
        List<String> classes = List.of("bach", "chopin");
        Predictions p = new Predictions(classes, List.of(
                new WindowPrediction("c.mid", "C", 0, 0, new float[] {0.9f, 0.1f}),   // loss -ln 0.9 = 0.105
                new WindowPrediction("b.mid", "B", 0, 6, new float[] {0.1f, 0.9f}),   // loss -ln 0.1 = 2.303
                new WindowPrediction("a.mid", "A", 1, 3, new float[] {0.5f, 0.5f}),   // loss -ln 0.5 = 0.693
                new WindowPrediction("z.mid", "Z", 1, 9, new float[] {1.0f, 0.0f}),   // loss -ln 1e-6 = 13.816
                new WindowPrediction("b.mid", "B", 0, 3, new float[] {0.1f, 0.9f}))); // same loss as b@6, earlier
        List<TopLoss> top = TopLosses.of(p, 4);
        assertEquals(4, top.size());
        assertEquals(List.of("z.mid", "b.mid", "b.mid", "a.mid"), top.stream().map(TopLoss::file).toList());
        assertEquals(List.of(9.0, 3.0, 6.0, 3.0), top.stream().map(TopLoss::startSeconds).toList());
        TopLoss first = top.get(0);
        assertEquals("chopin", first.trueClass());
        assertEquals("bach", first.predictedClass());
        assertEquals(0.0, first.pTrue());
        assertEquals(-Math.log(1e-6), first.loss(), 1e-12);
        assertEquals(-Math.log(0.1f), top.get(1).loss(), 1e-12);
        assertEquals(0.1f, top.get(1).pTrue(), 1e-7);
        assertEquals(5, TopLosses.of(p, 50).size());
        assertEquals(0, TopLosses.of(p, 0).size());
    }

    @Test
    void mostConfusedKeepsPairsAtOrAboveTheMinimumCountLargestFirst() {
        //        a  b  c
        //   a  [ 5, 3, 0 ]
        //   b  [ 2, 4, 2 ]
        //   c  [ 0, 3, 6 ]
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"), new long[][] {{5, 3, 0}, {2, 4, 2}, {0, 3, 6}});
        assertEquals(List.of(new ConfusedPair("a", "b", 3), new ConfusedPair("c", "b", 3),
                new ConfusedPair("b", "a", 2), new ConfusedPair("b", "c", 2)), MostConfused.of(m, 2));
        assertEquals(List.of(new ConfusedPair("a", "b", 3), new ConfusedPair("c", "b", 3)), MostConfused.of(m, 3));
        assertEquals(List.of(), MostConfused.of(m, 4));
        // min 0 lists every pair of distinct classes, as fastai's most_confused(min_val=0) does
        List<ConfusedPair> all = MostConfused.of(m, 0);
        assertEquals(6, all.size());
        assertEquals(List.of(new ConfusedPair("a", "c", 0), new ConfusedPair("c", "a", 0)), all.subList(4, 6));
        assertThrows(IllegalArgumentException.class, () -> MostConfused.of(m, -1));
    }
}
