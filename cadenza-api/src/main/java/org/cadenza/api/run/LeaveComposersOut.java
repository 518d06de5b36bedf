package org.cadenza.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.SplitSource;
import org.cadenza.corpus.dataset.Target;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.io.CadenzaException;

/**
 * The leave-composers-out protocol of the open-set evaluation. The composers of a workspace with at least
 * {@code minPieces} pieces are shuffled (seeded) and dealt into {@code folds} groups; in fold {@code i} group
 * {@code i} is unseen, together with every composer that has too few pieces to be learnt, and the others are known.
 * A known composer's pieces are split by piece into train, validation and test; an unseen composer's pieces are all
 * test. Pieces are {@link PieceGroups}: a movement that two datasets both hold counts as one piece, so that it never
 * sits on both sides. Only MIDI files are used.
 */
public final class LeaveComposersOut {

    /**
     * @param folds        number of folds (disjoint groups of unseen composers), &ge; 2; default 3
     * @param minPieces    pieces a composer needs to be known in some fold, &ge; 3; default 5
     * @param valFraction  fraction of a known composer's pieces for validation (at least one); default 0.15
     * @param testFraction fraction for test (at least one); default 0.2
     * @param seed         which composers go together and which pieces are held out; default 42
     */
    public record Settings(int folds, int minPieces, double valFraction, double testFraction, long seed) {

        /** The documented defaults. */
        public static final Settings DEFAULTS = new Settings(3, 5, 0.15, 0.2, 42);

        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("leave-composers-out needs at least 2 folds, got " + folds);
            }
            if (minPieces < 3) {
                throw new IllegalArgumentException("a known composer needs at least 3 pieces (train, validation, "
                        + "test), got " + minPieces);
            }
            if (!(valFraction > 0 && testFraction > 0 && valFraction + testFraction < 1)) {
                throw new IllegalArgumentException("validation and test fractions must be > 0 and sum below 1, got "
                        + valFraction + " and " + testFraction);
            }
        }
    }

    /**
     * One fold.
     *
     * @param index     1-based
     * @param known     the composers trained on
     * @param unseen    the composers held out entirely
     * @param splitFile the split of the known composers' files (path, split, piece_id), relative to the file
     *                  system's root
     * @param splitOf   known file id -&gt; split
     * @param unseenFiles the unseen composers' files
     * @param groupOf   every file's piece group
     * @param files     every file by id
     */
    public record Fold(int index, List<String> known, List<String> unseen, Path splitFile, Map<Long, Split> splitOf,
                       List<CatalogFile> unseenFiles, Map<Long, String> groupOf, Map<Long, CatalogFile> files) {

        /** The dataset the fold's model is trained on: the known composers with this fold's split. */
        public DatasetSpec dataset(long seed) {
            return dataset(seed, List.of());
        }

        /** The same with augmented copies of the training files (transposed or stretched notes). */
        public DatasetSpec dataset(long seed, List<org.cadenza.render.Augmentation> trainAugmentations) {
            return DatasetSpec.builder().optTarget(Target.COMPOSER).optSeed(seed).optMinPiecesPerClass(1)
                    .optClassWhitelist(Set.copyOf(known)).optTrainAugmentations(trainAugmentations)
                    .optSplitSource(new SplitSource.FromFile(splitFile, splitFile.getRoot())).build();
        }

        /** The known files of one split. */
        public List<CatalogFile> knownFiles(Split split) {
            List<CatalogFile> out = new ArrayList<>();
            splitOf.forEach((id, s) -> {
                if (s == split) {
                    out.add(files.get(id));
                }
            });
            return out;
        }

        /** One file per piece group (the first in catalog order), so that every piece counts once. */
        public List<CatalogFile> onePerPiece(List<CatalogFile> of) {
            Map<String, CatalogFile> first = new LinkedHashMap<>();
            of.stream().sorted(java.util.Comparator.comparingLong(CatalogFile::id))
                    .forEach(f -> first.putIfAbsent(groupOf.get(f.id()), f));
            return new ArrayList<>(first.values());
        }
    }

    private LeaveComposersOut() {
    }

    /**
     * Plans the folds and writes each fold's split file into {@code outDir/fold-N/split.csv}.
     *
     * @param ws the workspace (its MIDI files)
     * @return the folds
     */
    public static List<Fold> plan(Workspace ws, Settings s, Path outDir) {
        List<CatalogFile> files = ws.catalog().files(FileStatus.INGESTED).stream().filter(NoteFiles::readable)
                .toList();
        Map<Long, String> groupOf = PieceGroups.of(files);
        Map<String, Map<String, List<CatalogFile>>> byComposer = new TreeMap<>();
        for (CatalogFile f : files) {
            byComposer.computeIfAbsent(f.composerId(), k -> new TreeMap<>())
                    .computeIfAbsent(groupOf.get(f.id()), k -> new ArrayList<>()).add(f);
        }
        List<String> eligible = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        byComposer.forEach((c, pieces) -> (pieces.size() >= s.minPieces() ? eligible : rare).add(c));
        if (eligible.size() < s.folds() + 1) {
            throw new CadenzaException(ws.dir() + ": " + eligible.size() + " composers have " + s.minPieces()
                    + " or more MIDI pieces; leave-composers-out with " + s.folds() + " folds needs at least "
                    + (s.folds() + 1) + " (ingest more data or lower --min-pieces / --folds)");
        }
        Collections.shuffle(eligible, new Random(s.seed()));
        Map<Long, CatalogFile> byId = new LinkedHashMap<>();
        files.forEach(f -> byId.put(f.id(), f));
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < s.folds(); i++) {
            Set<String> unseen = new TreeSet<>(rare);
            for (int j = i; j < eligible.size(); j += s.folds()) {
                unseen.add(eligible.get(j));
            }
            List<String> known = eligible.stream().filter(c -> !unseen.contains(c)).sorted().toList();
            Map<Long, Split> splitOf = new LinkedHashMap<>();
            Random rng = new Random(s.seed() * 31 + i);
            for (String c : known) {
                List<String> pieces = new ArrayList<>(byComposer.get(c).keySet());
                Collections.shuffle(pieces, rng);
                int n = pieces.size();
                int test = Math.max(1, (int) Math.round(s.testFraction() * n));
                int val = Math.max(1, (int) Math.round(s.valFraction() * n));
                for (int p = 0; p < n; p++) {
                    Split sp = p < test ? Split.TEST : p < test + val ? Split.VAL : Split.TRAIN;
                    for (CatalogFile f : byComposer.get(c).get(pieces.get(p))) {
                        splitOf.put(f.id(), sp);
                    }
                }
            }
            List<CatalogFile> unseenFiles = files.stream().filter(f -> unseen.contains(f.composerId())).toList();
            Path dir = outDir.resolve("fold-" + (i + 1));
            Path csv = dir.resolve("split.csv");
            writeSplit(csv, splitOf, byId, groupOf);
            folds.add(new Fold(i + 1, known, List.copyOf(unseen), csv, splitOf, unseenFiles, groupOf, byId));
        }
        return folds;
    }

    private static void writeSplit(Path csv, Map<Long, Split> splitOf, Map<Long, CatalogFile> byId,
                                   Map<Long, String> groupOf) {
        try {
            Files.createDirectories(csv.getParent());
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("path", "split", "piece_id").build())) {
                for (Map.Entry<Long, Split> e : splitOf.entrySet()) {
                    CatalogFile f = byId.get(e.getKey());
                    Path abs = Path.of(f.absolutePath()).toAbsolutePath().normalize();
                    String rel = abs.getRoot().relativize(abs).toString().replace('\\', '/');
                    out.printRecord(rel, e.getValue().id(), groupOf.get(f.id()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }
}
