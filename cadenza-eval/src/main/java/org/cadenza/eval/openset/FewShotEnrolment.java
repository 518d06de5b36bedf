package org.cadenza.eval.openset;

import org.cadenza.eval.TrialSummary;
import org.cadenza.io.Parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Few-shot enrolment (issue 6, part 5): a new composer is added from k of its pieces without retraining, as one more
 * anchor (the L2-normalised mean of their embeddings), and pieces are classified by their nearest anchor.
 *
 * <p>The evaluation repeats seeded random draws of the k enrolment pieces: in each draw every new composer with more
 * than k pieces is enrolled from k of them; its other pieces ("held back") and every known test piece are then
 * classified by nearest anchor (Euclidean) among the known anchors and the anchors enrolled in that draw. New
 * composers with k pieces or fewer are skipped: they take no part in the draw (not enrolled, not classified) and are
 * listed in {@link Result#skippedComposers()}.
 */
public final class FewShotEnrolment {

    /** The enrolment sizes of issue 6: k = 1, 3 and 5 pieces. */
    public static final List<Integer> ISSUE_K_VALUES = List.of(1, 3, 5);

    /** Default number of random draws of the enrolment pieces. */
    public static final int DEFAULT_DRAWS = 20;

    /** Default seed of the draws (the project's default seed). */
    public static final long DEFAULT_SEED = 42;

    private FewShotEnrolment() {
    }

    /**
     * The result of {@link #evaluate}, over {@code draws} draws; every accuracy is in [0, 1].
     *
     * @param k                             enrolment pieces per new composer
     * @param draws                         number of random draws
     * @param seed                          seed of the draws
     * @param knownComposers                number of known anchors
     * @param enrolledComposers             new composers enrolled in every draw (more than k pieces), by name
     * @param skippedComposers              new composers with k pieces or fewer, by name: not evaluated
     * @param heldBackPieces                pieces of enrolled composers classified per draw (their count minus k)
     * @param knownTestPieces               known test pieces classified per draw
     * @param newComposerAccuracy           per draw: share of held-back pieces assigned to their own (enrolled)
     *                                      composer
     * @param knownComposerAccuracy         per draw: share of known test pieces assigned to their composer, with the
     *                                      enrolled anchors present
     * @param knownAccuracyWithoutEnrolment the same on the known anchors alone (no draw involved): the difference is
     *                                      what enrolment costs the known composers
     * @param knownTakenByNew               per draw: share of known test pieces whose nearest anchor is an enrolled
     *                                      composer (pieces "stolen" by enrolment)
     * @param overallAccuracy               per draw: share of all classified pieces (held back + known test) right
     * @param chanceLevel                   1 / (known + enrolled anchors): a uniform random guess
     * @param mostFrequentComposer          the most common composer among the classified pieces (ties: first name)
     * @param mostFrequentAccuracy          overall accuracy of always answering {@code mostFrequentComposer}
     */
    public record Result(int k, int draws, long seed, int knownComposers, List<String> enrolledComposers,
                         List<String> skippedComposers, int heldBackPieces, int knownTestPieces,
                         TrialSummary newComposerAccuracy, TrialSummary knownComposerAccuracy,
                         double knownAccuracyWithoutEnrolment, TrialSummary knownTakenByNew,
                         TrialSummary overallAccuracy, double chanceLevel, String mostFrequentComposer,
                         double mostFrequentAccuracy) {

        public Result {
            enrolledComposers = List.copyOf(enrolledComposers);
            skippedComposers = List.copyOf(skippedComposers);
        }

        /** The header and separator lines above {@link #toMarkdownRow()} rows. */
        public static String markdownHeader() {
            return "| k | draws | enrolled composers | held-back pieces | new composers acc. | known acc. (without"
                    + " enrolment) | known taken by new | overall acc. | chance | most frequent |\n"
                    + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
        }

        /** One benchmark-table row; accuracies as mean ± sample standard deviation over the draws. */
        public String toMarkdownRow() {
            return String.format(Locale.ROOT,
                    "| %d | %d | %d (%d skipped) | %d | %.3f ± %.3f | %.3f ± %.3f (%.3f) | %.3f ± %.3f | %.3f ± %.3f"
                            + " | %.3f | %.3f |",
                    k, draws, enrolledComposers.size(), skippedComposers.size(), heldBackPieces,
                    newComposerAccuracy.mean(), newComposerAccuracy.standardDeviation(),
                    knownComposerAccuracy.mean(), knownComposerAccuracy.standardDeviation(),
                    knownAccuracyWithoutEnrolment,
                    knownTakenByNew.mean(), knownTakenByNew.standardDeviation(),
                    overallAccuracy.mean(), overallAccuracy.standardDeviation(),
                    chanceLevel, mostFrequentAccuracy);
        }
    }

    /**
     * Enrols the new composers from k pieces each, {@code draws} times, and classifies by nearest anchor.
     *
     * <p>Determinism: one {@link Random} seeded with {@code seed} serves all draws; in each draw the new composers
     * are visited in name order and each one's pieces, in the order given, are shuffled with
     * {@link Collections#shuffle(List, Random)}; the first k are enrolled. Same inputs (same order), same seed, same
     * result. Nearest-anchor ties go to the first anchor in the order: known composers by name, then enrolled ones
     * by name.
     *
     * @param anchors    the known composers' anchors by name, at least one, all of one length d; used as given
     *                   (they should be L2-normalised like the enrolled ones, e.g. made by {@link #anchorOf})
     * @param knownTest  test pieces of known composers, at least one, each composer among {@code anchors}
     * @param newPieces  pieces of composers absent from {@code anchors}; at least one composer must have more than k
     * @param k          enrolment pieces per new composer, >= 1
     * @param draws      random draws, >= 1 (e.g. {@link #DEFAULT_DRAWS})
     * @param seed       seed of the draws (e.g. {@link #DEFAULT_SEED})
     * @throws IllegalArgumentException on empty inputs, mismatched dimensions, a known test piece without anchor, a
     *                                  new composer that already has an anchor, or no new composer with more than k
     *                                  pieces
     */
    public static Result evaluate(Map<String, float[]> anchors, List<LabelledEmbedding> knownTest,
                                  List<LabelledEmbedding> newPieces, int k, int draws, long seed) {
        Parameters.atLeast("k (enrolment pieces per new composer)", k, 1);
        Parameters.atLeast("draws", draws, 1);
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no known anchors: enrolment adds composers to a model's anchors");
        }
        if (knownTest.isEmpty()) {
            throw new IllegalArgumentException("no known test pieces: enrolment is measured on known composers too");
        }
        Map<String, float[]> known = new TreeMap<>(anchors);
        int dimension = known.values().iterator().next().length;
        known.forEach((name, anchor) -> checkDimension(anchor, dimension, "anchor of " + name));
        for (LabelledEmbedding piece : knownTest) {
            if (!known.containsKey(piece.composer())) {
                throw new IllegalArgumentException("known test piece " + piece.piece() + " is by " + piece.composer()
                        + ", who has no anchor; known composers: " + known.keySet());
            }
            checkDimension(piece.embedding(), dimension, "known test piece " + piece.piece());
        }
        Map<String, List<LabelledEmbedding>> byComposer = new TreeMap<>();
        for (LabelledEmbedding piece : newPieces) {
            if (known.containsKey(piece.composer())) {
                throw new IllegalArgumentException("new piece " + piece.piece() + " is by " + piece.composer()
                        + ", who already has a known anchor: a new composer must be unseen by the model");
            }
            checkDimension(piece.embedding(), dimension, "new piece " + piece.piece());
            byComposer.computeIfAbsent(piece.composer(), c -> new ArrayList<>()).add(piece);
        }
        Map<String, List<LabelledEmbedding>> enrolled = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        byComposer.forEach((composer, pieces) -> {
            if (pieces.size() > k) {
                enrolled.put(composer, pieces);
            } else {
                skipped.add(composer);
            }
        });
        if (enrolled.isEmpty()) {
            Map<String, Integer> counts = byComposer.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, LinkedHashMap::new));
            throw new IllegalArgumentException("no new composer has more than k = " + k + " pieces (pieces per new"
                    + " composer: " + counts + "): enrolment needs k pieces to enrol and at least one to test");
        }

        List<String> knownNames = new ArrayList<>(known.keySet());
        float[][] knownAnchors = known.values().toArray(new float[0][]);
        double knownWithout = 0;
        for (LabelledEmbedding piece : knownTest) {
            if (knownNames.get(nearest(piece.embedding(), knownAnchors)).equals(piece.composer())) {
                knownWithout++;
            }
        }
        knownWithout /= knownTest.size();

        List<String> names = new ArrayList<>(knownNames);
        names.addAll(enrolled.keySet());
        int heldBack = enrolled.values().stream().mapToInt(p -> p.size() - k).sum();
        Random random = new Random(seed);
        double[] newAccuracy = new double[draws];
        double[] knownAccuracy = new double[draws];
        double[] taken = new double[draws];
        double[] overall = new double[draws];
        for (int draw = 0; draw < draws; draw++) {
            float[][] all = new float[names.size()][];
            System.arraycopy(knownAnchors, 0, all, 0, knownAnchors.length);
            List<LabelledEmbedding> test = new ArrayList<>();
            int slot = knownAnchors.length;
            for (List<LabelledEmbedding> pieces : enrolled.values()) {
                List<LabelledEmbedding> shuffled = new ArrayList<>(pieces);
                Collections.shuffle(shuffled, random);
                all[slot++] = anchorOf(shuffled.subList(0, k).stream().map(LabelledEmbedding::embedding).toList());
                test.addAll(shuffled.subList(k, shuffled.size()));
            }
            int newRight = 0;
            for (LabelledEmbedding piece : test) {
                if (names.get(nearest(piece.embedding(), all)).equals(piece.composer())) {
                    newRight++;
                }
            }
            int knownRight = 0;
            int knownTaken = 0;
            for (LabelledEmbedding piece : knownTest) {
                int best = nearest(piece.embedding(), all);
                if (names.get(best).equals(piece.composer())) {
                    knownRight++;
                } else if (best >= knownAnchors.length) {
                    knownTaken++;
                }
            }
            newAccuracy[draw] = (double) newRight / test.size();
            knownAccuracy[draw] = (double) knownRight / knownTest.size();
            taken[draw] = (double) knownTaken / knownTest.size();
            overall[draw] = (double) (newRight + knownRight) / (test.size() + knownTest.size());
        }

        Map<String, Integer> classified = new TreeMap<>();
        knownTest.forEach(p -> classified.merge(p.composer(), 1, Integer::sum));
        enrolled.forEach((composer, pieces) -> classified.merge(composer, pieces.size() - k, Integer::sum));
        String mostFrequent = null;
        int mostCount = -1;
        for (Map.Entry<String, Integer> e : classified.entrySet()) {
            if (e.getValue() > mostCount) {
                mostFrequent = e.getKey();
                mostCount = e.getValue();
            }
        }
        return new Result(k, draws, seed, knownNames.size(), new ArrayList<>(enrolled.keySet()), skipped, heldBack,
                knownTest.size(), TrialSummary.of(newAccuracy), TrialSummary.of(knownAccuracy), knownWithout,
                TrialSummary.of(taken), TrialSummary.of(overall), 1.0 / names.size(), mostFrequent,
                (double) mostCount / (heldBack + knownTest.size()));
    }

    /**
     * An anchor: the mean of the embeddings, scaled to unit Euclidean length.
     *
     * @param embeddings at least one, all of one length, finite
     * @return a new unit vector of that length
     * @throws IllegalArgumentException on an empty list, mismatched lengths, or a mean of (almost) zero length
     *                                  (below 1e-12), whose direction is undefined
     */
    public static float[] anchorOf(List<float[]> embeddings) {
        return org.cadenza.model.embedding.Anchors.meanDirection(embeddings);
    }

    private static int nearest(float[] embedding, float[][] anchors) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int a = 0; a < anchors.length; a++) {
            double d = NoveltyScores.distance(embedding, anchors[a], "anchor", a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best;
    }

    private static void checkDimension(float[] vector, int dimension, String what) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + " has " + vector.length + " dimensions, expected " + dimension
                    + ": every embedding and anchor must come from the same model");
        }
    }
}
