package org.cadenza.model.embedding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mining and loss on 1-D embeddings whose distances are easy to compute by hand. */
class TripletMiningTest {

    // positions 0, 1, 3 (class 0) and 2, 10 (class 1): distances are |xi - xj|
    private static final float[][] POINTS = {{0}, {1}, {3}, {2}, {10}};
    private static final int[] LABELS = {0, 0, 0, 1, 1};

    @Test
    void distancesAreEuclidean() {
        float[][] d = TripletMining.distances(new float[][] {{0, 0}, {3, 4}});
        assertEquals(5f, d[0][1], 1e-6);
        assertEquals(5f, d[1][0], 1e-6);
        assertEquals(0f, d[0][0]);
    }

    @Test
    void batchHardTakesTheFarthestPositiveAndTheNearestNegative() {
        List<Triplet> t = TripletMining.mine(TripletMining.distances(POINTS), LABELS, Mining.BATCH_HARD);
        // anchor 3 (x=2): negatives 1 and 2 are both at distance 1, the tie goes to the lower position
        assertEquals(List.of(new Triplet(0, 2, 3), new Triplet(1, 2, 3), new Triplet(2, 0, 3), new Triplet(3, 4, 1),
                new Triplet(4, 3, 2)), t);
    }

    @Test
    void semiHardTakesTheNearestNegativeBeyondThePositiveElseTheFarthest() {
        List<Triplet> t = TripletMining.mine(TripletMining.distances(POINTS), LABELS, Mining.SEMI_HARD);
        // anchor 0, positive 1 (d=1): negatives at 2 (pos 3) and 10 (pos 4) -> 3; positive 2 (d=3): only 4 is beyond
        // anchor 1, positive 0 (d=1): negative 3 is at exactly 1, not beyond -> 4
        // anchor 3 (x=2), positive 4 (d=8): no negative beyond 8 -> the farthest, position 0 (d=2)
        // anchor 4 (x=10), positive 3 (d=8): negatives at 10, 9, 7 -> the nearest beyond 8 is position 1 (d=9)
        assertEquals(List.of(new Triplet(0, 1, 3), new Triplet(0, 2, 4), new Triplet(1, 0, 4), new Triplet(1, 2, 4),
                new Triplet(2, 0, 4), new Triplet(2, 1, 4), new Triplet(3, 4, 0), new Triplet(4, 3, 1)), t);
    }

    @Test
    void lossIsTheMeanHinge() {
        float[][] d = TripletMining.distances(POINTS);
        List<Triplet> t = TripletMining.mine(d, LABELS, Mining.BATCH_HARD);
        // hinges with margin 0.5: 3-2+.5, 2-1+.5, 3-1+.5, 8-1+.5, 8-7+.5 = 1.5, 1.5, 2.5, 7.5, 1.5
        assertEquals(14.5 / 5, TripletLoss.value(d, t, 0.5), 1e-6);
        assertEquals(1.0, TripletLoss.activeFraction(d, t, 0.5), 1e-9);
        // with positions far apart the only triplet is satisfied: no loss, nothing active
        float[][] far = TripletMining.distances(new float[][] {{0}, {1}, {9}});
        List<Triplet> one = TripletMining.mine(far, new int[] {0, 0, 1}, Mining.BATCH_HARD);
        assertEquals(0.0, TripletLoss.value(far, one.subList(0, 1), 0.5), 1e-9);
        assertEquals(0.0, TripletLoss.activeFraction(far, one.subList(0, 1), 0.5), 1e-9);
    }

    @Test
    void softMarginIsTheMeanSoftplus() {
        float[][] d = TripletMining.distances(POINTS);
        List<Triplet> t = TripletMining.mine(d, LABELS, Mining.BATCH_HARD);
        // d(a,p) - d(a,n): 1, 1, 2, 7, 1 -> mean of log(1 + e^x)
        double expected = (3 * Math.log1p(Math.E) + Math.log1p(Math.exp(2)) + Math.log1p(Math.exp(7))) / 5;
        assertEquals(expected, TripletLoss.value(d, t, 0.5, MarginKind.SOFT), 1e-9);
    }

    @Test
    void anchorsWithoutPositiveOrNegativeGiveNoTriplet() {
        float[][] d = TripletMining.distances(new float[][] {{0}, {1}, {2}});
        assertTrue(TripletMining.mine(d, new int[] {0, 1, 2}, Mining.BATCH_HARD).isEmpty());
        assertTrue(TripletMining.mine(d, new int[] {0, 0, 0}, Mining.SEMI_HARD).isEmpty());
        // only class 0 has a pair: anchors 0 and 1 get a triplet, the single item of class 1 none
        assertEquals(2, TripletMining.mine(d, new int[] {0, 0, 1}, Mining.BATCH_HARD).size());
    }

    @Test
    void badInputIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TripletMining.mine(new float[2][2], new int[3], Mining.BATCH_HARD));
        assertTrue(e.getMessage().contains("2 rows of distances for 3 labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TripletLoss.value(new float[2][2], List.of(), 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> TripletLoss.value(new float[2][2], List.of(new Triplet(0, 1, 1)), -1));
        assertThrows(IllegalArgumentException.class, () -> new Triplet(1, 1, 0));
        assertEquals(Mining.SEMI_HARD, Mining.parse("semi-hard"));
        assertThrows(IllegalArgumentException.class, () -> Mining.parse("hardest"));
    }

    @Test
    void miningAndObjectiveNamesAreWrittenInConfigsAndKeepTheirSpelling() {
        assertEquals("batch-hard", Mining.BATCH_HARD.cliName());
        assertEquals("semi-hard", Mining.SEMI_HARD.toString());
        assertEquals(Mining.BATCH_HARD, Mining.parse("BATCH_HARD"));
        assertEquals("triplet", Objective.TRIPLET.cliName());
        assertEquals("softmax", Objective.SOFTMAX.cliName());
        assertEquals("SOFTMAX", Objective.SOFTMAX.toString());
        assertEquals(Objective.SOFTMAX, Objective.parse(" Softmax "));
        assertEquals("unknown objective 'arcface'; choose one of: triplet, softmax",
                assertThrows(IllegalArgumentException.class, () -> Objective.parse("arcface")).getMessage());
    }
}
