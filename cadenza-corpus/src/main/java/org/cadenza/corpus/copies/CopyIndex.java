package org.cadenza.corpus.copies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Many files (a run's training files) indexed to say of any other file which of them it is a copy of, and how:
 * {@link CopyKind#BYTE} (same content hash), else {@link CopyKind#NOTES} (same {@link NoteHash}), else
 * {@link CopyKind#NEAR} ({@link NearCopyRule#isNear}: the same opening, or the most contained file when the
 * containment reaches the rule's threshold). Files without notes are compared by content hash only.
 *
 * <p>The shingles of all indexed files are held in one sorted array, so that finding the copy of a file costs one
 * binary search per shingle of that file, whatever the number of indexed files.
 *
 * @param <K> what names an indexed file (a path, a run's file entry)
 */
public final class CopyIndex<K> {

    /**
     * The file a file is a copy of.
     *
     * @param kind        how ({@link CopyKind#BYTE}, {@link CopyKind#NOTES} or {@link CopyKind#NEAR})
     * @param of          the indexed file
     * @param containment the near-copy containment of the two files' shingles, 0..1 (1 for byte and note copies;
     *                    for a near copy by its opening, the containment measured, possibly below the threshold)
     */
    public record Match<K>(CopyKind kind, K of, double containment) {
        public Match {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(of, "of");
        }
    }

    private final NearCopyRule rule;
    private final List<K> keys;
    private final List<Fingerprint> prints;
    private final Map<String, Integer> bySha = new HashMap<>();
    private final Map<String, Integer> byNotes = new HashMap<>();
    private final Map<String, Integer> byOpening = new HashMap<>();
    private final long[] shingles;   // sorted
    private final int[] owner;       // file index of each shingle
    private final int[] shingleCount;

    /**
     * @param files the files to index, each with its fingerprint (the first of equal hashes names them)
     * @param rule  the rule the fingerprints' profiles were made with
     */
    public CopyIndex(Map<K, Fingerprint> files, NearCopyRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.keys = new ArrayList<>(files.keySet());
        this.prints = new ArrayList<>(files.values());
        shingleCount = new int[keys.size()];
        int total = 0;
        for (int i = 0; i < prints.size(); i++) {
            Fingerprint f = prints.get(i);
            bySha.putIfAbsent(f.sha256(), i);
            final int index = i;
            f.noteHash().ifPresent(h -> byNotes.putIfAbsent(h, index));
            f.profile().flatMap(NearCopyRule.Profile::opening).ifPresent(o -> byOpening.putIfAbsent(o, index));
            shingleCount[i] = f.profile().map(p -> p.shingles().length).orElse(0);
            total += shingleCount[i];
        }
        long[][] pairs = new long[total][];
        int k = 0;
        for (int i = 0; i < prints.size(); i++) {
            if (prints.get(i).profile().isPresent()) {
                for (long s : prints.get(i).profile().get().shingles()) {
                    pairs[k++] = new long[] {s, i};
                }
            }
        }
        Arrays.sort(pairs, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        shingles = new long[total];
        owner = new int[total];
        for (int j = 0; j < total; j++) {
            shingles[j] = pairs[j][0];
            owner[j] = (int) pairs[j][1];
        }
    }

    /** Number of indexed files. */
    public int size() {
        return keys.size();
    }

    /** The indexed files that have no notes, with why (a recording, unreadable, missing). */
    public Map<K, String> withoutNotes() {
        Map<K, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (prints.get(i).notesProblem().isPresent()) {
                out.put(keys.get(i), prints.get(i).notesProblem().get());
            }
        }
        return out;
    }

    /** The indexed file {@code f} is a copy of, the strongest kind first; empty when it is none's. */
    public Optional<Match<K>> copyOf(Fingerprint f) {
        Integer i = bySha.get(f.sha256());
        if (i != null) {
            return Optional.of(new Match<>(CopyKind.BYTE, keys.get(i), 1));
        }
        if (f.noteHash().isPresent() && (i = byNotes.get(f.noteHash().get())) != null) {
            return Optional.of(new Match<>(CopyKind.NOTES, keys.get(i), 1));
        }
        if (f.profile().isEmpty()) {
            return Optional.empty();
        }
        NearCopyRule.Profile p = f.profile().get();
        int[] best = bestContained(p);
        Optional<String> opening = p.opening();
        if (opening.isPresent() && (i = byOpening.get(opening.get())) != null) {
            return Optional.of(new Match<>(CopyKind.NEAR, keys.get(i), containment(p, i)));
        }
        if (best[0] >= 0) {
            double c = containment(p, best[0]);
            if (c >= rule.minContainment()) {
                return Optional.of(new Match<>(CopyKind.NEAR, keys.get(best[0]), c));
            }
        }
        return Optional.empty();
    }

    /** The highest containment of {@code f}'s shingles in any indexed file, 0..1 (0 without notes). */
    public double maxContainment(Fingerprint f) {
        if (f.profile().isEmpty()) {
            return 0;
        }
        int[] best = bestContained(f.profile().get());
        return best[0] < 0 ? 0 : containment(f.profile().get(), best[0]);
    }

    private double containment(NearCopyRule.Profile p, int file) {
        return prints.get(file).profile().map(q -> rule.containment(p, q)).orElse(0.0);
    }

    /** {index of the indexed file sharing most shingles relative to the smaller set, -1 if none; shared count}. */
    private int[] bestContained(NearCopyRule.Profile p) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (long s : p.shingles()) {
            int j = Arrays.binarySearch(shingles, s);
            if (j < 0) {
                continue;
            }
            while (j > 0 && shingles[j - 1] == s) {
                j--;
            }
            for (; j < shingles.length && shingles[j] == s; j++) {
                shared.merge(owner[j], 1, Integer::sum);
            }
        }
        int best = -1;
        double bestValue = -1;
        int n = p.shingles().length;
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
            int m = shingleCount[e.getKey()];
            if (n < rule.minShingles() || m < rule.minShingles()) {
                continue;
            }
            double c = (double) e.getValue() / Math.min(n, m);
            if (c > bestValue || c == bestValue && e.getKey() < best) {
                bestValue = c;
                best = e.getKey();
            }
        }
        return new int[] {best, best < 0 ? 0 : shared.get(best)};
    }
}
