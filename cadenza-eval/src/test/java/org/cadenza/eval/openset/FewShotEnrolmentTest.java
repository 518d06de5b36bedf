package org.cadenza.eval.openset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FewShotEnrolmentTest {

    static LabelledEmbedding piece(String name, String composer, float x, float y) {
        return new LabelledEmbedding(name, composer, new float[]{x, y});
    }

    static Map<String, float[]> anchorsAB() {
        Map<String, float[]> anchors = new LinkedHashMap<>();
        anchors.put("B", new float[]{0, 1}); // given out of name order on purpose
        anchors.put("A", new float[]{1, 0});
        return anchors;
    }

    @Test
    void anchorIsTheNormalisedMean() {
        assertArrayEquals(new float[]{0.6f, 0.8f}, FewShotEnrolment.anchorOf(List.of(new float[]{3, 4})), 1e-7f);
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[]{h, h},
                FewShotEnrolment.anchorOf(List.of(new float[]{1, 0}, new float[]{0, 1})), 1e-7f);
        // mean of (2, 0) and (0, 0) is (1, 0)
        assertArrayEquals(new float[]{1, 0},
                FewShotEnrolment.anchorOf(List.of(new float[]{2, 0}, new float[]{0, 0})), 1e-7f);
    }

    @Test
    void aNewComposerInItsOwnDirectionIsRecognisedFromOnePiece() {
        // known A along +x, B along +y; new composer C along -x, D has a single piece (skipped at k = 1)
        List<LabelledEmbedding> known = List.of(piece("a1", "A", 0.9f, 0.1f), piece("a2", "A", 1f, -0.1f),
                piece("b1", "B", 0.1f, 0.9f), piece("b2", "B", -0.1f, 1f));
        List<LabelledEmbedding> fresh = List.of(piece("c1", "C", -1f, 0.1f), piece("c2", "C", -1f, -0.1f),
                piece("c3", "C", -0.9f, 0f), piece("c4", "C", -1f, 0.05f), piece("d1", "D", 0f, -1f));
        FewShotEnrolment.Result r = FewShotEnrolment.evaluate(anchorsAB(), known, fresh, 1, 10, 3);
        assertEquals(List.of("C"), r.enrolledComposers());
        assertEquals(List.of("D"), r.skippedComposers());
        assertEquals(2, r.knownComposers());
        assertEquals(3, r.heldBackPieces()); // 4 pieces of C minus 1 enrolled
        assertEquals(4, r.knownTestPieces());
        // whichever piece of C is drawn, its anchor is within 0.25 of C's other pieces and about 1.4 from A and B
        assertEquals(1.0, r.newComposerAccuracy().min());
        assertEquals(0.0, r.newComposerAccuracy().standardDeviation());
        assertEquals(1.0, r.knownComposerAccuracy().mean());
        assertEquals(1.0, r.knownAccuracyWithoutEnrolment());
        assertEquals(0.0, r.knownTakenByNew().max());
        assertEquals(1.0, r.overallAccuracy().mean());
        assertEquals(10, r.newComposerAccuracy().count());
        // three anchors (A, B, C); classified pieces: A 2, B 2, C 3 -> always "C" is right 3 of 7
        assertEquals(1.0 / 3, r.chanceLevel(), 1e-15);
        assertEquals("C", r.mostFrequentComposer());
        assertEquals(3.0 / 7, r.mostFrequentAccuracy(), 1e-15);

        // k = 3: C still has a held-back piece, D is skipped
        FewShotEnrolment.Result k3 = FewShotEnrolment.evaluate(anchorsAB(), known, fresh, 3, 4, 3);
        assertEquals(1, k3.heldBackPieces());
        assertEquals(1.0, k3.newComposerAccuracy().mean());
        assertEquals(3, k3.k());
        assertEquals(4, k3.draws());
    }

    @Test
    void enrolmentCanStealKnownPieces() {
        // A's test pieces lie at (0.6, -0.8): 0.894 from A's anchor (1, 0), 1.897 from B's, so right without
        // enrolment. New composer C sits along -y; its anchor near (0, -1) is 0.632 from them: they are taken by C.
        List<LabelledEmbedding> known = List.of(piece("a1", "A", 0.6f, -0.8f), piece("a2", "A", 0.6f, -0.8f),
                piece("b1", "B", 0f, 1f), piece("b2", "B", 0f, 1f));
        List<LabelledEmbedding> fresh = List.of(piece("c1", "C", 0f, -1f), piece("c2", "C", 0.05f, -1f),
                piece("c3", "C", -0.05f, -1f));
        FewShotEnrolment.Result r = FewShotEnrolment.evaluate(anchorsAB(), known, fresh, 1, 5, 11);
        assertEquals(1.0, r.knownAccuracyWithoutEnrolment());
        assertEquals(0.5, r.knownComposerAccuracy().mean());
        assertEquals(0.5, r.knownTakenByNew().mean());
        assertEquals(1.0, r.newComposerAccuracy().mean());
        // right: 2 held-back pieces of C + 2 of B, out of 2 + 4
        assertEquals(4.0 / 6, r.overallAccuracy().mean(), 1e-15);
        // the table row shows the loss
        String row = r.toMarkdownRow();
        assertTrue(row.contains("| 0.500 ± 0.000 (1.000) |"), row);
        assertEquals(OpenSetMetricsTest.columns(FewShotEnrolment.Result.markdownHeader().lines().findFirst()
                .orElseThrow()), OpenSetMetricsTest.columns(row));
    }

    /** Three known and three new composers whose clusters overlap, so results depend on the pieces drawn. */
    static List<List<LabelledEmbedding>> overlappingClusters(long dataSeed) {
        Random random = new Random(dataSeed);
        List<LabelledEmbedding> known = new ArrayList<>();
        List<LabelledEmbedding> fresh = new ArrayList<>();
        String[] names = {"A", "B", "C", "N1", "N2", "N3"};
        for (int c = 0; c < names.length; c++) {
            double angle = c * Math.PI / 3.5;
            for (int p = 0; p < 8; p++) {
                float x = (float) (Math.cos(angle) + random.nextGaussian() * 0.45);
                float y = (float) (Math.sin(angle) + random.nextGaussian() * 0.45);
                LabelledEmbedding e = piece(names[c] + p, names[c], x, y);
                (c < 3 ? known : fresh).add(e);
            }
        }
        return List.of(known, fresh);
    }

    static Map<String, float[]> anchorsOf(List<LabelledEmbedding> pieces) {
        Map<String, List<float[]>> by = new LinkedHashMap<>();
        pieces.forEach(p -> by.computeIfAbsent(p.composer(), c -> new ArrayList<>()).add(p.embedding()));
        Map<String, float[]> anchors = new LinkedHashMap<>();
        by.forEach((c, e) -> anchors.put(c, FewShotEnrolment.anchorOf(e)));
        return anchors;
    }

    @Test
    void sameSeedSameResultOtherSeedsOtherDraws() {
        List<List<LabelledEmbedding>> data = overlappingClusters(5);
        Map<String, float[]> anchors = anchorsOf(data.get(0));
        FewShotEnrolment.Result first = FewShotEnrolment.evaluate(anchors, data.get(0), data.get(1), 1, 20, 99);
        FewShotEnrolment.Result again = FewShotEnrolment.evaluate(anchors, data.get(0), data.get(1), 1, 20, 99);
        assertEquals(first, again);
        // the draws differ from each other (noisy clusters, one enrolment piece)...
        assertTrue(first.newComposerAccuracy().max() > first.newComposerAccuracy().min(), first.toString());
        assertTrue(first.newComposerAccuracy().standardDeviation() > 0);
        // ...and from one seed to another
        Set<Double> means = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            means.add(FewShotEnrolment.evaluate(anchors, data.get(0), data.get(1), 1, 3, seed)
                    .newComposerAccuracy().mean());
        }
        assertTrue(means.size() > 1, means.toString());
        assertNotEquals(first, FewShotEnrolment.evaluate(anchors, data.get(0), data.get(1), 1, 20, 100));
        // more enrolment pieces give a better anchor on these clusters (averaged over many draws)
        FewShotEnrolment.Result k5 = FewShotEnrolment.evaluate(anchors, data.get(0), data.get(1), 5, 20, 99);
        assertTrue(k5.newComposerAccuracy().mean() >= first.newComposerAccuracy().mean(),
                k5.newComposerAccuracy() + " vs " + first.newComposerAccuracy());
        assertEquals(1.0 / 6, k5.chanceLevel(), 1e-15);
        assertEquals(3 * 3, k5.heldBackPieces());
    }
}
