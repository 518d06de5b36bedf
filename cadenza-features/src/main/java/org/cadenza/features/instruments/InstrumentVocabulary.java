package org.cadenza.features.instruments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cadenza.io.Parameters;

/**
 * The instrument families a multi-label model predicts: those present in at least a minimum number of pieces of a
 * corpus, the rest dropped as too rare to learn or to score (seed 002 filtered families of fewer than 10 pieces).
 *
 * @param families        the kept families, sorted: the model's outputs in order; unmodifiable
 * @param piecesPerFamily for every family of the corpus, kept or dropped, the number of pieces it plays in;
 *                        sorted by family, unmodifiable
 * @param dropped         the dropped families with their number of pieces (below the minimum: the reason);
 *                        sorted by family, unmodifiable
 */
public record InstrumentVocabulary(List<String> families, Map<String, Integer> piecesPerFamily,
                                   Map<String, Integer> dropped) {

    /** Default {@code minPieces}: 10, as in seed 002 and issue 7. */
    public static final int DEFAULT_MIN_PIECES = 10;

    public InstrumentVocabulary {
        families = List.copyOf(Objects.requireNonNull(families, "families"));
        piecesPerFamily = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(piecesPerFamily,
                "piecesPerFamily")));
        dropped = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(dropped, "dropped")));
        if (!new ArrayList<>(new TreeSet<>(families)).equals(families)) {
            throw new IllegalArgumentException("families must be sorted and distinct, got " + families);
        }
        for (String f : families) {
            if (!piecesPerFamily.containsKey(f) || dropped.containsKey(f)) {
                throw new IllegalArgumentException("kept family " + f + " must have a piece count and not be dropped");
            }
        }
        for (Map.Entry<String, Integer> e : dropped.entrySet()) {
            if (!e.getValue().equals(piecesPerFamily.get(e.getKey()))) {
                throw new IllegalArgumentException("dropped family " + e.getKey() + ": " + e.getValue()
                        + " pieces, but piecesPerFamily says " + piecesPerFamily.get(e.getKey()));
            }
        }
        if (families.size() + dropped.size() != piecesPerFamily.size()) {
            throw new IllegalArgumentException("every family must be either kept or dropped: kept " + families
                    + ", dropped " + dropped.keySet() + ", counted " + piecesPerFamily.keySet());
        }
    }

    /**
     * Counts, for each family, the pieces it plays in, and keeps those in at least {@code minPieces} pieces.
     *
     * @param labelsOfPiece per piece id (one entry per piece, not per file: count pieces, as {@code piece_id} in
     *                      a dataset's labels.csv does), its families, e.g. from {@link InstrumentLabels#ofPiece}
     * @param minPieces     least number of pieces for a family to be kept, &gt;= 1; default
     *                      {@link #DEFAULT_MIN_PIECES}
     * @throws IllegalArgumentException {@code minPieces} &lt; 1
     */
    public static InstrumentVocabulary of(Map<String, ? extends SortedSet<String>> labelsOfPiece, int minPieces) {
        Objects.requireNonNull(labelsOfPiece, "labelsOfPiece");
        Parameters.atLeast("minPieces", minPieces, 1);
        TreeMap<String, Integer> count = new TreeMap<>();
        for (Map.Entry<String, ? extends SortedSet<String>> e : labelsOfPiece.entrySet()) {
            for (String family : Objects.requireNonNull(e.getValue(), () -> "labels of piece " + e.getKey())) {
                count.merge(family, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        TreeMap<String, Integer> dropped = new TreeMap<>();
        count.forEach((family, n) -> {
            if (n >= minPieces) {
                kept.add(family);
            } else {
                dropped.put(family, n);
            }
        });
        return new InstrumentVocabulary(kept, count, dropped);
    }

    /** {@link #of(Map, int)} with {@link #DEFAULT_MIN_PIECES}. */
    public static InstrumentVocabulary of(Map<String, ? extends SortedSet<String>> labelsOfPiece) {
        return of(labelsOfPiece, DEFAULT_MIN_PIECES);
    }

    /** {@link InstrumentLabels#multiHot} over {@link #families()}. */
    public float[] multiHot(SortedSet<String> labels) {
        return InstrumentLabels.multiHot(labels, families);
    }

    /**
     * One line per family for reports, most pieces first: {@code "violin  76 pieces  kept"} or
     * {@code "tuba  4 pieces  dropped (fewer than the minimum)"}.
     */
    public List<String> describe() {
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(piecesPerFamily.entrySet());
        rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int width = rows.stream().mapToInt(r -> r.getKey().length()).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> r : rows) {
            out.add(String.format(java.util.Locale.ROOT, "%-" + Math.max(1, width) + "s %5d pieces  %s", r.getKey(),
                    r.getValue(), dropped.containsKey(r.getKey()) ? "dropped (fewer than the minimum)" : "kept"));
        }
        return out;
    }
}
