package org.cadenza.corpus.dataset;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which split each catalogued file is in.
 *
 * @param splitOfFile   catalog file id -&gt; split, for the files that are in the split
 * @param pieceOfFile   catalog file id -&gt; piece id, for the same files
 * @param excludedFiles files offered that got no split (absent from a split file, no split in the catalog)
 * @param unmatchedRows rows of a split file that match no offered file (0 for other sources)
 * @param source        where the split comes from, e.g. {@code random(0.7/0.1/0.2, seed 42)},
 *                      {@code file(split.csv)}, {@code catalog}
 */
public record SplitAssignment(Map<Long, Split> splitOfFile, Map<Long, String> pieceOfFile, int excludedFiles,
                              int unmatchedRows, String source) {

    public SplitAssignment {
        splitOfFile = Collections.unmodifiableMap(new TreeMap<>(splitOfFile));
        pieceOfFile = Collections.unmodifiableMap(new TreeMap<>(pieceOfFile));
        Objects.requireNonNull(source, "source");
        if (!splitOfFile.keySet().equals(pieceOfFile.keySet())) {
            throw new IllegalArgumentException("every file with a split needs a piece id and vice versa");
        }
    }

    /** The split of file {@code fileId}, empty when the file is excluded. */
    public Optional<Split> splitOf(long fileId) {
        return Optional.ofNullable(splitOfFile.get(fileId));
    }

    /** The piece ids of each split (every split present, maybe empty). */
    public Map<Split, Set<String>> piecesBySplit() {
        Map<Split, Set<String>> out = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            out.put(s, new TreeSet<>());
        }
        splitOfFile.forEach((id, s) -> out.get(s).add(pieceOfFile.get(id)));
        return out;
    }

    /**
     * Throws when a piece is on two sides.
     *
     * @throws org.cadenza.io.CadenzaException naming the leaked pieces ({@link Leakage#check})
     */
    public void assertNoLeak() {
        Leakage.check(piecesBySplit());
    }

    /** One line: pieces and files per split, and what was left out. */
    public String toText() {
        Map<Split, Set<String>> pieces = piecesBySplit();
        StringBuilder sb = new StringBuilder("split " + source + ":");
        for (Split s : Split.values()) {
            long files = splitOfFile.values().stream().filter(s::equals).count();
            sb.append(' ').append(s.id()).append(' ').append(pieces.get(s).size()).append(" pieces / ")
                    .append(files).append(" files;");
        }
        sb.append(" excluded files ").append(excludedFiles);
        if (unmatchedRows > 0) {
            sb.append("; split-file rows matching no file ").append(unmatchedRows);
        }
        return sb.toString();
    }
}
