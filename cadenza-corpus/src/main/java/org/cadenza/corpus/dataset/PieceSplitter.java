package org.cadenza.corpus.dataset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.io.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits files into train / val / test strictly by piece: every file (and so every window) of a piece is on one
 * side. Three sources: a seeded random split per class ({@link #random}), a given split file ({@link #fromFile}),
 * or the {@code split} column stored in the catalog at ingest ({@link #fromCatalog}).
 */
public final class PieceSplitter {

    private PieceSplitter() {
    }

    /**
     * One file to split.
     *
     * @param fileId  catalog id
     * @param pieceId its piece
     * @param label   its class label (the stratum)
     */
    public record Item(long fileId, String pieceId, String label) {
        public Item {
            Objects.requireNonNull(pieceId, "pieceId");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A seeded random split by piece, stratified by class.
     *
     * <p>A piece's class is the label of its files (the smallest label, should its files disagree). Per class, in
     * order of the class label: the class's piece ids are sorted, shuffled with a {@link Random} seeded with
     * {@code seed} mixed with a SHA-256 of the label (so adding or dropping a class does not move the pieces of
     * another), then the first pieces go to test, the next to val, the rest to train, as many as
     * {@link SplitRatios#counts} says: every class with at least 3 pieces has a piece on each side, a class with 2
     * has one in train and one in test. Same items, ratios and seed, same split, on any JVM.
     */
    public static SplitAssignment random(Collection<Item> items, SplitRatios ratios, long seed) {
        Objects.requireNonNull(ratios, "ratios");
        Map<String, String> classOfPiece = new TreeMap<>();
        for (Item it : items) {
            classOfPiece.merge(it.pieceId(), it.label(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        Map<String, List<String>> piecesOfClass = new TreeMap<>();
        classOfPiece.forEach((piece, label) -> piecesOfClass.computeIfAbsent(label, k -> new ArrayList<>()).add(piece));
        Map<String, Split> splitOfPiece = new HashMap<>();
        piecesOfClass.forEach((label, pieces) -> {
            List<String> order = new ArrayList<>(pieces); // sorted: classOfPiece is a TreeMap
            Collections.shuffle(order, new Random(seed ^ labelHash(label)));
            int[] counts = ratios.counts(order.size());
            for (int i = 0; i < order.size(); i++) {
                Split s = i < counts[2] ? Split.TEST : i < counts[2] + counts[1] ? Split.VAL : Split.TRAIN;
                splitOfPiece.put(order.get(i), s);
            }
        });
        Map<Long, Split> splitOfFile = new HashMap<>();
        Map<Long, String> pieceOfFile = new HashMap<>();
        for (Item it : items) {
            splitOfFile.put(it.fileId(), splitOfPiece.get(it.pieceId()));
            pieceOfFile.put(it.fileId(), it.pieceId());
        }
        return new SplitAssignment(splitOfFile, pieceOfFile, 0, 0, "random(" + ratios + ", seed " + seed + ")");
    }

    private static long labelHash(String label) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The split stored in the catalog's {@code split} column (a labels CSV's {@code split} at ingest). Files without
     * one are excluded and counted.
     */
    public static SplitAssignment fromCatalog(Collection<CatalogFile> files) {
        Map<Long, Split> splitOfFile = new HashMap<>();
        Map<Long, String> pieceOfFile = new HashMap<>();
        int excluded = 0;
        for (CatalogFile f : files) {
            Optional<Split> s = f.split().flatMap(Split::parse);
            if (s.isPresent()) {
                splitOfFile.put(f.id(), s.get());
                pieceOfFile.put(f.id(), f.pieceId());
            } else {
                excluded++;
            }
        }
        return new SplitAssignment(splitOfFile, pieceOfFile, excluded, 0, "catalog");
    }

    /**
     * Reads a split file: a CSV with a header and the columns {@code path} and {@code split} ({@code train},
     * {@code val}/{@code validation}, {@code test}), optionally {@code composer} and {@code piece_id} (other columns
     * ignored), e.g. {@code benchmarks/asap-composer10/split.csv}.
     *
     * <p>Matching: a catalogued file matches the row whose {@code path} equals the file's source path relative to
     * {@code root} ({@code '/'} separated, {@code ./} and {@code ..} resolved; a zip member is
     * {@code <zip path relative to root>/<member>}). {@code root} is tried as given (absolute, normalised) and
     * with symbolic links resolved. For the asap benchmark, {@code root} is the asap dataset folder the workspace
     * was ingested from. Catalogued files that match no row are excluded ({@link SplitAssignment#excludedFiles});
     * rows that match no file are counted ({@link SplitAssignment#unmatchedRows}).
     *
     * <p>The piece of a file is its catalog piece id. When the file has a {@code piece_id} column, the file's own
     * grouping is checked too: a {@code piece_id} on two sides is a leak in the file.
     *
     * @throws BadInputException naming the file and line: missing columns, an unknown split, a path listed twice,
     *                           a {@code piece_id} on two sides, unreadable CSV
     */
    public static SplitAssignment fromFile(Path splitCsv, Collection<CatalogFile> files, Path root) {
        Map<String, Split> splitOfPath = new HashMap<>();
        Map<String, Split> splitOfFilePiece = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(splitCsv, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true)
                    .setAllowMissingColumnNames(true).build();
            try (CSVParser p = format.parse(r)) {
                List<String> header = p.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
                if (!header.contains("path") || !header.contains("split")) {
                    throw new BadInputException(splitCsv, "line 1: a split file needs the columns 'path' and "
                            + "'split' (optional: composer, piece_id), found: " + String.join(", ", header));
                }
                boolean hasPiece = header.contains("piece_id");
                for (CSVRecord rec : p) {
                    long line = rec.getParser().getCurrentLineNumber();
                    String path = rec.isSet("path") ? rec.get("path") : "";
                    String splitText = rec.isSet("split") ? rec.get("split") : "";
                    if (path.isEmpty()) {
                        throw new BadInputException(splitCsv, "line " + line + ": empty path");
                    }
                    if (Split.isUnseen(splitText)) {
                        continue; // listed, kept out of every split (excluded below like any unlisted file)
                    }
                    Split s = Split.parse(splitText).orElseThrow(() -> new BadInputException(splitCsv, "line "
                            + line + ": split '" + splitText + "' is not train, val (validation), test or "
                            + Split.UNSEEN));
                    String key = normalise(path).orElseThrow(() -> new BadInputException(splitCsv, "line " + line
                            + ": '" + path + "' is not a relative path inside the root"));
                    if (splitOfPath.put(key, s) != null) {
                        throw new BadInputException(splitCsv, "line " + line + ": path '" + path
                                + "' is listed twice");
                    }
                    if (hasPiece && rec.isSet("piece_id") && !rec.get("piece_id").isEmpty()) {
                        String piece = rec.get("piece_id");
                        Split before = splitOfFilePiece.putIfAbsent(piece, s);
                        if (before != null && before != s) {
                            throw new BadInputException(splitCsv, "line " + line + ": piece_id '" + piece
                                    + "' is in " + before + " and " + s + " (a leak: a piece must be on one side)");
                        }
                    }
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new BadInputException(splitCsv, "cannot read the split file: " + e.getMessage(), e);
        }
        List<Path> roots = new ArrayList<>();
        Path abs = root.toAbsolutePath().normalize();
        roots.add(abs);
        try {
            Path real = abs.toRealPath();
            if (!real.equals(abs)) {
                roots.add(real);
            }
        } catch (IOException e) {
            // the root need not exist any more: the catalog keeps the paths it was ingested from
        }
        Map<Long, Split> splitOfFile = new HashMap<>();
        Map<Long, String> pieceOfFile = new HashMap<>();
        Set<String> matched = new LinkedHashSet<>();
        int excluded = 0;
        for (CatalogFile f : files) {
            Optional<String> key = relativeKey(f, roots).filter(splitOfPath::containsKey);
            if (key.isPresent()) {
                matched.add(key.get());
                splitOfFile.put(f.id(), splitOfPath.get(key.get()));
                pieceOfFile.put(f.id(), f.pieceId());
            } else {
                excluded++;
            }
        }
        // rows marked unseen match files that are excluded, never rows "matching no file"
        return new SplitAssignment(splitOfFile, pieceOfFile, excluded, splitOfPath.size() - matched.size(),
                "file(" + splitCsv.getFileName() + ")");
    }

    /** The file's source path relative to one of {@code roots}, '/' separated, zip members appended. */
    static Optional<String> relativeKey(CatalogFile f, List<Path> roots) {
        Path file;
        try {
            file = Path.of(f.absolutePath()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        for (Path root : roots) {
            if (file.startsWith(root) && !file.equals(root)) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                return Optional.of(f.archiveMember().map(m -> rel + "/" + m.replace('\\', '/')).orElse(rel));
            }
        }
        return Optional.empty();
    }

    /** A split file's path, '/' separated, normalised; empty when absolute or escaping the root. */
    static Optional<String> normalise(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** Pieces per class and split of an assignment, for reports: label -&gt; split -&gt; piece count. */
    public static Map<String, Map<Split, Integer>> piecesPerClass(SplitAssignment a, Map<Long, String> labelOfFile) {
        Map<String, Map<Split, Set<String>>> sets = new TreeMap<>();
        a.splitOfFile().forEach((id, s) -> {
            String label = labelOfFile.get(id);
            if (label != null) {
                sets.computeIfAbsent(label, k -> new EnumMap<>(Split.class))
                        .computeIfAbsent(s, k -> new TreeSet<>()).add(a.pieceOfFile().get(id));
            }
        });
        Map<String, Map<Split, Integer>> out = new TreeMap<>();
        sets.forEach((label, m) -> {
            Map<Split, Integer> counts = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                counts.put(s, m.getOrDefault(s, Set.of()).size());
            }
            out.put(label, counts);
        });
        return out;
    }
}
