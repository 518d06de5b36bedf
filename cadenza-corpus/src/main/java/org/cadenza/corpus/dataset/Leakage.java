package org.cadenza.corpus.dataset;

import org.cadenza.io.CadenzaException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks that no piece is on two sides of a split (the leak that makes accuracy meaningless). */
public final class Leakage {

    private Leakage() {
    }

    /**
     * Throws when a piece id appears under two splits.
     *
     * @param piecesBySplit the piece ids of each split
     * @throws CadenzaException naming up to ten leaked pieces with their splits, and how many there are
     */
    public static void check(Map<Split, ? extends Collection<String>> piecesBySplit) {
        Map<String, TreeSet<Split>> seen = new TreeMap<>();
        piecesBySplit.forEach((split, pieces) -> pieces.forEach(p ->
                seen.computeIfAbsent(p, k -> new TreeSet<>()).add(split)));
        List<String> leaks = seen.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue()).toList();
        if (!leaks.isEmpty()) {
            throw new CadenzaException("split leak: " + leaks.size() + " piece(s) on more than one side, e.g. "
                    + String.join("; ", leaks.subList(0, Math.min(10, leaks.size())))
                    + " (every file of a piece must be in one split)");
        }
    }
}
