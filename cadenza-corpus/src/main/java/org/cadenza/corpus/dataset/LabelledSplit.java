package org.cadenza.corpus.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;

/**
 * The files of a dataset with their labels and their split, before any window is cut: steps 1 to 5 of
 * {@link DatasetBuilder} (usable files, labels, a split file or the catalog's split, class whitelist, minimum pieces
 * per class, a random split by piece), shared by the audio route and the routes that read the notes themselves
 * (whose "usable" files are those with notes rather than those with cached spectrograms). Two routes given the same
 * spec and the same usable files get the same split; with a split file they always do.
 *
 * @param files      the kept files by catalog id, in catalog order
 * @param labelOf    each kept file's label
 * @param classes    the labels, sorted
 * @param assignment split and piece of every kept file (checked for leaks)
 * @param excluded   why the other files were left out, with counts
 */
public record LabelledSplit(Map<Long, CatalogFile> files, Map<Long, String> labelOf, List<String> classes,
                            SplitAssignment assignment, Map<String, Integer> excluded) {

    public LabelledSplit {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        labelOf = Map.copyOf(labelOf);
        classes = List.copyOf(classes);
        Objects.requireNonNull(assignment, "assignment");
        excluded = Collections.unmodifiableMap(new TreeMap<>(excluded));
    }

    /**
     * @param ws             the workspace
     * @param ds             target, split source, whitelist and minimum pieces (windows and balancing are not used)
     * @param usable         which ingested files the route can read
     * @param unusableReason the exclusion reason recorded for the others
     */
    public static LabelledSplit plan(Workspace ws, DatasetSpec ds, Predicate<CatalogFile> usable,
                                     String unusableReason) {
        Objects.requireNonNull(ws, "ws");
        Objects.requireNonNull(ds, "ds");
        Map<String, Integer> excluded = new TreeMap<>();
        Map<Long, CatalogFile> kept = new LinkedHashMap<>();
        Map<Long, String> labelOf = new HashMap<>();
        for (CatalogFile f : ws.catalog().files(FileStatus.INGESTED)) {
            if (!usable.test(f)) {
                excluded.merge(unusableReason, 1, Integer::sum);
                continue;
            }
            Target.Label l = ds.target().labelOf(f);
            if (!l.isLabelled()) {
                excluded.merge(l.exclusionReason().orElseThrow(), 1, Integer::sum);
                continue;
            }
            kept.put(f.id(), f);
            labelOf.put(f.id(), l.label().orElseThrow());
        }
        SplitAssignment given = null;
        if (ds.splitSource() instanceof SplitSource.FromFile ff) {
            given = PieceSplitter.fromFile(ff.csv(), kept.values(), ff.root());
        } else if (ds.splitSource() instanceof SplitSource.FromCatalog) {
            given = PieceSplitter.fromCatalog(kept.values());
        }
        if (given != null) {
            SplitAssignment g = given;
            String why = ds.splitSource() instanceof SplitSource.FromFile ? "not in the split file"
                    : "no split in the catalog";
            kept.keySet().removeIf(id -> {
                boolean out = g.splitOf(id).isEmpty();
                if (out) {
                    excluded.merge(why, 1, Integer::sum);
                }
                return out;
            });
        }
        if (ds.classWhitelist().isPresent()) {
            Set<String> allowed = ds.classWhitelist().get();
            kept.keySet().removeIf(id -> {
                boolean out = !allowed.contains(labelOf.get(id));
                if (out) {
                    excluded.merge("class not in the whitelist", 1, Integer::sum);
                }
                return out;
            });
        }
        Map<String, Set<String>> piecesOf = new TreeMap<>();
        kept.forEach((id, f) -> piecesOf.computeIfAbsent(labelOf.get(id), k -> new TreeSet<>()).add(f.pieceId()));
        kept.keySet().removeIf(id -> {
            int n = piecesOf.get(labelOf.get(id)).size();
            boolean out = n < ds.minPiecesPerClass();
            if (out) {
                excluded.merge("class " + labelOf.get(id) + " has " + n + " piece(s), fewer than "
                        + ds.minPiecesPerClass(), 1, Integer::sum);
            }
            return out;
        });
        List<String> classes = kept.keySet().stream().map(labelOf::get).distinct().sorted().toList();
        SplitAssignment assignment;
        if (given == null) {
            List<PieceSplitter.Item> items = new ArrayList<>();
            kept.forEach((id, f) -> items.add(new PieceSplitter.Item(id, f.pieceId(), labelOf.get(id))));
            assignment = PieceSplitter.random(items, ((SplitSource.Random) ds.splitSource()).ratios(), ds.seed());
        } else {
            Map<Long, Split> s = new HashMap<>();
            Map<Long, String> p = new HashMap<>();
            for (Long id : kept.keySet()) {
                s.put(id, given.splitOfFile().get(id));
                p.put(id, given.pieceOfFile().get(id));
            }
            assignment = new SplitAssignment(s, p, given.excludedFiles(), given.unmatchedRows(), given.source());
        }
        assignment.assertNoLeak();
        Map<Long, String> labels = new HashMap<>();
        kept.keySet().forEach(id -> labels.put(id, labelOf.get(id)));
        return new LabelledSplit(kept, labels, classes, assignment, excluded);
    }

    /** The kept files of one split, in catalog order. */
    public List<CatalogFile> files(Split split) {
        List<CatalogFile> out = new ArrayList<>();
        files.forEach((id, f) -> {
            if (assignment.splitOf(id).orElseThrow() == split) {
                out.add(f);
            }
        });
        return out;
    }

    /** Index of {@code file}'s label in {@link #classes()}. */
    public int classIndex(CatalogFile file) {
        String label = labelOf.get(file.id());
        if (label == null) {
            throw new IllegalArgumentException(file.sourcePath() + " is not one of the dataset's files");
        }
        return classes.indexOf(label);
    }

    /** The piece a kept file belongs to (the split's piece id). */
    public String pieceOf(CatalogFile file) {
        return assignment.pieceOfFile().getOrDefault(file.id(), file.pieceId());
    }
}
