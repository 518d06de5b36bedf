package org.cadenza.eval.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agreement figures on hand-computed examples. */
class PeriodAgreementTest {

    @Test
    void purityCountsTheMostCommonLabelOfEachCluster() {
        // cluster 0 holds labels 0, 0, 1 (2 agree); cluster 1 holds 1, 1, 2 (2 agree)
        assertEquals(4.0 / 6, PeriodAgreement.purity(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 1, 2}),
                1e-12);
        assertEquals(1.0, PeriodAgreement.purity(new int[] {1, 1, 0}, new int[] {5, 5, 7}), 1e-12);
    }

    @Test
    void adjustedRandIndexIsOneForTheSamePartitionUnderOtherNames() {
        assertEquals(1.0, PeriodAgreement.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), 1e-12);
        // all singletons on both sides: Smile's formula is 0/0, scikit-learn answers 1
        assertEquals(1.0, PeriodAgreement.adjustedRandIndex(new int[] {0, 1, 2}, new int[] {2, 0, 1}), 1e-12);
        // [[1,1],[1,1]] contingency: index 0, expected 2*2/6 = 2/3, max 2 -> (0 - 2/3) / (2 - 2/3) = -0.5
        assertEquals(-0.5, PeriodAgreement.adjustedRandIndex(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}),
                1e-12);
    }

    @Test
    void knnAgreementVotesAndBreaksTiesByTheNearest() {
        int[] labels = {0, 0, 1, 1, 0};
        int[][] neighbours = {
            {1, 2, 3}, // votes 0,1,1 -> 1: wrong
            {0, 4, 2}, // 0,0,1 -> 0: right
            {3, 0, 1}, // 1,0,0 -> 0: wrong
            {2, 4}, // 1,0 tie -> the nearest's, 1: right
            {}, // not scored
        };
        assertEquals(2.0 / 4, PeriodAgreement.knnAgreement(neighbours, labels), 1e-12);
        assertTrue(Double.isNaN(PeriodAgreement.knnAgreement(new int[][] {{}, {}}, new int[] {0, 1})));
    }

    @Test
    void silhouetteOfFourPointsOnALine() {
        double[] x = {0, 1, 10, 11};
        double[][] d = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        // a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5
        double expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
        assertEquals(expected, PeriodAgreement.silhouette(d, new int[] {0, 0, 1, 1}), 1e-12);
        // labels 0, 0, 1, 2: points 2 and 3 are alone in their labels and count 0; point 0: a = 1, b = min(10, 11);
        // point 1: a = 1, b = min(9, 10)
        double mixed = (9.0 / 10 + 8.0 / 9 + 0 + 0) / 4;
        assertEquals(mixed, PeriodAgreement.silhouette(d, new int[] {0, 0, 1, 2}), 1e-12);
    }

    @Test
    void shufflesAreSeededPermutations() {
        int[] a = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] b = a.clone();
        PeriodAgreement.shuffle(a, new java.util.Random(3));
        PeriodAgreement.shuffle(b, new java.util.Random(3));
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertEquals(28, java.util.Arrays.stream(a).sum());
    }

    @Test
    void dendrogramLabelsNameTheLeavesAndLeaveEveryOtherTickBlankAndDistinct() {
        List<String> leaves = List.of("bach", "handel", "vivaldi");
        assertEquals("handel", MapPlots.leafLabel(1.0, leaves));
        assertEquals("vivaldi", MapPlots.leafLabel(2.0000000001, leaves));
        Set<String> seen = new HashSet<>();
        for (double v = -5; v <= 8; v += 0.25) {
            String label = MapPlots.leafLabel(v, leaves);
            assertTrue(seen.add(label), "label at " + v + " repeats");
            boolean leaf = Math.abs(v - Math.rint(v)) < 1e-9 && v >= 0 && v <= 2;
            if (!leaf) {
                assertTrue(label.length() <= 3 && label.codePoints().allMatch(Character::isSpaceChar),
                        "label at " + v + " is not blank: '" + label + "'");
            }
        }
    }

    @Test
    void periodsKeepTheirHistoricalOrderAndUnknownComesLast() {
        assertEquals(List.of("baroque", "romantic", "galant", ComposerMap.UNKNOWN),
                MapPlots.periodOrder(List.of(ComposerMap.UNKNOWN, "romantic", "galant", "baroque", "romantic")));
        assertEquals(MapPlots.UNKNOWN_COLOUR, MapPlots.colours(List.of("baroque", ComposerMap.UNKNOWN))
                .get(ComposerMap.UNKNOWN));
    }
}
