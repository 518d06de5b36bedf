package org.cadenza.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccuraciesTest {

    /** Hand-computed: 4 items, 6 classes. */
    @Test
    void topOneBalancedAndTopFive() {
        int[] truth = {0, 0, 1, 5};
        double[][] scores = {
            {0.9, 0.1, 0, 0, 0, 0},      // right
            {0.1, 0.9, 0, 0, 0, 0},      // wrong, true class 2nd
            {0.0, 0.8, 0.2, 0, 0, 0},    // right
            {0.5, 0.4, 0.3, 0.2, 0.1, 0} // wrong, true class last (6th)
        };
        Accuracies a = Accuracies.of(truth, scores, 6);
        assertEquals(4, a.items());
        assertEquals(0.5, a.top1(), 1e-12);
        // recall: class 0 1/2, class 1 1/1, class 5 0/1 -> mean over the 3 present classes
        assertEquals((0.5 + 1 + 0) / 3, a.balanced(), 1e-12);
        assertEquals(0.75, a.top5(), 1e-12);
        assertEquals("50.0 / 50.0 / 75.0", a.toPercentages());
    }

    /** The dummy names the most frequent training class for every item; top-5 holds the five most frequent. */
    @Test
    void dummyPredictsTheTrainingPrior() {
        long[] train = {1, 10, 2, 3, 4, 5, 0};
        int[] truth = {1, 1, 0, 6, 3};
        Accuracies d = Accuracies.dummy(truth, train);
        assertEquals(0.4, d.top1(), 1e-12);
        assertEquals((1.0 + 0 + 0 + 0) / 4, d.balanced(), 1e-12);
        // top five by count: 1 (10), 5 (5), 4 (4), 3 (3), 2 (2); classes 0 and 6 are outside
        assertEquals(3 / 5.0, d.top5(), 1e-12);
        assertEquals("-", new Accuracies(0, 0, 0, 0).toPercentages());
    }
}
