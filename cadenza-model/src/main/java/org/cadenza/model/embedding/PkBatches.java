package org.cadenza.model.embedding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Batches of P classes x K items (Hermans et al. 2017), so that every anchor has positives and negatives in its batch.
 * The K items of a class are spread over its pieces: the pieces are visited in a shuffled round, one window each,
 * so a batch asks "same composer, another piece" rather than "same piece, next window" whenever the class has more
 * than one piece. Classes are drawn uniformly, which balances composers whatever their number of windows.
 */
public final class PkBatches {

    private final int[] labels;
    private final Map<Integer, List<List<Integer>>> piecesOfClass = new TreeMap<>();
    private final List<Integer> usableClasses = new ArrayList<>();

    /**
     * @param labels class of each item
     * @param pieces piece of each item (any ids; only equality matters)
     */
    public PkBatches(int[] labels, int[] pieces) {
        if (labels.length != pieces.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + pieces.length + " piece ids");
        }
        this.labels = labels.clone();
        Map<Integer, Map<Integer, List<Integer>>> grouped = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            grouped.computeIfAbsent(labels[i], k -> new LinkedHashMap<>())
                    .computeIfAbsent(pieces[i], k -> new ArrayList<>()).add(i);
        }
        grouped.forEach((c, byPiece) -> {
            piecesOfClass.put(c, new ArrayList<>(byPiece.values()));
            int items = byPiece.values().stream().mapToInt(List::size).sum();
            if (items >= 2) {
                usableClasses.add(c);
            }
        });
        if (usableClasses.size() < 2) {
            throw new IllegalArgumentException("triplets need at least 2 classes with 2 or more windows each; found "
                    + usableClasses.size());
        }
    }

    /** @return the classes that can appear in a batch (2 or more items) */
    public List<Integer> usableClasses() {
        return List.copyOf(usableClasses);
    }

    /**
     * One epoch of batches.
     *
     * @param p       classes per batch (capped at the usable classes), &ge; 2
     * @param k       items per class, &ge; 2
     * @param batches number of batches
     * @param rng     the epoch's random source
     * @return batches of item indices; a class with fewer than k items repeats some
     */
    public List<int[]> epoch(int p, int k, int batches, Random rng) {
        if (p < 2 || k < 2) {
            throw new IllegalArgumentException("need at least 2 classes and 2 items per class per batch, got P=" + p
                    + ", K=" + k);
        }
        int classes = Math.min(p, usableClasses.size());
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Integer> cs = new ArrayList<>(usableClasses);
            Collections.shuffle(cs, rng);
            int[] batch = new int[classes * k];
            int at = 0;
            for (int c : cs.subList(0, classes)) {
                for (int item : itemsOf(c, k, rng)) {
                    batch[at++] = item;
                }
            }
            out.add(batch);
        }
        return out;
    }

    /** @return the number of batches that shows about every item once: ceil(items / (P x K)) */
    public int batchesPerEpoch(int p, int k) {
        int perBatch = Math.min(p, usableClasses.size()) * k;
        return Math.max(1, (labels.length + perBatch - 1) / perBatch);
    }

    private int[] itemsOf(int c, int k, Random rng) {
        List<List<Integer>> pieces = new ArrayList<>();
        for (List<Integer> piece : piecesOfClass.get(c)) {
            List<Integer> copy = new ArrayList<>(piece);
            Collections.shuffle(copy, rng);
            pieces.add(copy);
        }
        Collections.shuffle(pieces, rng);
        int[] out = new int[k];
        int[] next = new int[pieces.size()];
        int got = 0;
        // rounds over the pieces, one window per piece per round; an exhausted class starts over
        while (got < k) {
            boolean any = false;
            for (int i = 0; i < pieces.size() && got < k; i++) {
                if (next[i] < pieces.get(i).size()) {
                    out[got++] = pieces.get(i).get(next[i]++);
                    any = true;
                }
            }
            if (!any) {
                java.util.Arrays.fill(next, 0);
            }
        }
        return out;
    }
}
