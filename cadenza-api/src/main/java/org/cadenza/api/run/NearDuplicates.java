package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.Split;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which files of a blind corpus are near-duplicates of files a run was trained, validated or tested on, as the blind
 * files' labels CSV says. This is one of four sources of {@link TrainingCopies}, the weakest: the other three (same
 * bytes, same notes, near copy) need no labels CSV and work on any corpus.
 *
 * <p>The information comes from a {@code near_duplicates} column of the labels CSV the blind files were
 * catalogued from (the bundled datasets have one: {@code asap:asap/bach/Prelude/bwv_846/Shi05M.mid;...}, the same
 * movement in another dataset, same first 120 onset-ordered pitches). The workspace's catalog does not keep that
 * column, so for each blind file the CSV is looked up again: the nearest folder above the file with a
 * {@code labels.csv} that has the column and a row for the file's relative path. A link
 * {@code <dataset>:<path>} matches a file of the run ({@link RunFiles}) whose absolute path ends with
 * {@code /<path>}.
 */
final class NearDuplicates {

    /** Folders searched upwards from a file for a labels.csv. */
    private static final int MAX_LEVELS = 8;

    /**
     * A run file a blind file is a near-duplicate of.
     *
     * @param link  the link as written, without the dataset prefix
     * @param entry the run's file
     */
    record Match(String link, RunFiles.Entry entry) {
    }

    /**
     * What was found.
     *
     * @param linksOfFile blind file id -&gt; its near-duplicate links (only files whose labels CSV row was found)
     * @param matches     blind file id -&gt; the run's files among its links (only when the run lists its files)
     * @param sources     the labels CSVs read
     * @param runFilesKnown whether the run lists its files ({@value RunFiles#FILE})
     */
    record Found(Map<Long, List<String>> linksOfFile, Map<Long, List<Match>> matches, Set<Path> sources,
                 boolean runFilesKnown) {

        /** Whether any blind file's labels CSV row was found. */
        boolean available() {
            return !sources.isEmpty();
        }

        /** The blind files among {@code ids} with a near-duplicate in split {@code split} of the run. */
        Set<Long> filesMatching(Collection<Long> ids, Split split) {
            Set<Long> out = new TreeSet<>();
            for (Long id : ids) {
                for (Match m : matches.getOrDefault(id, List.of())) {
                    if (m.entry().split() == split) {
                        out.add(id);
                    }
                }
            }
            return out;
        }

        /** One sentence for the report about the blind files {@code ids}. */
        String describe(Collection<Long> ids, String trainedOn) {
            if (!available()) {
                return "not known: no labels CSV with a near_duplicates column was found above the blind files "
                        + "(the catalog does not keep that column)";
            }
            long withRow = ids.stream().filter(linksOfFile::containsKey).count();
            long linked = ids.stream().filter(id -> !linksOfFile.getOrDefault(id, List.of()).isEmpty()).count();
            String from = "from the near_duplicates column of " + String.join(", ",
                    sources.stream().map(Path::toString).toList()) + " (" + withRow + " of " + ids.size()
                    + " files found there)";
            if (!runFilesKnown) {
                Map<String, Integer> byDataset = new java.util.TreeMap<>();
                for (Long id : ids) {
                    Set<String> datasets = new TreeSet<>();
                    for (String l : linksOfFile.getOrDefault(id, List.of())) {
                        datasets.add(l.contains("/") ? l.substring(0, l.indexOf('/')) : l);
                    }
                    datasets.forEach(d -> byDataset.merge(d, 1, Integer::sum));
                }
                return linked + " of " + ids.size() + " files have near-duplicates in other datasets " + byDataset
                        + "; whether those were training pieces is not known: the run has no " + RunFiles.FILE
                        + " (trained before it was written; TrainingRun.recordExisting adds it) " + from;
            }
            Map<Split, Set<Long>> files = new EnumMap<>(Split.class);
            Map<Split, Set<String>> pieces = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                files.put(s, filesMatching(ids, s));
                Set<String> p = new TreeSet<>();
                for (Long id : ids) {
                    for (Match m : matches.getOrDefault(id, List.of())) {
                        if (m.entry().split() == s) {
                            p.add(m.entry().pieceId());
                        }
                    }
                }
                pieces.put(s, p);
            }
            StringBuilder b = new StringBuilder();
            b.append(files.get(Split.TRAIN).size()).append(" of ").append(ids.size())
                    .append(" blind files are near-duplicates of training pieces of ").append(trainedOn);
            if (!pieces.get(Split.TRAIN).isEmpty()) {
                b.append(" (").append(String.join(", ", pieces.get(Split.TRAIN))).append(')');
            }
            b.append(", ").append(files.get(Split.VAL).size()).append(" of validation pieces, ")
                    .append(files.get(Split.TEST).size()).append(" of test pieces; ").append(linked)
                    .append(" have near-duplicates anywhere; ").append(from);
            return b.toString();
        }
    }

    private NearDuplicates() {
    }

    /**
     * @param blind    the blind corpus's files
     * @param runFiles the run's files, when it lists them
     */
    static Found find(Collection<CatalogFile> blind, Optional<List<RunFiles.Entry>> runFiles) {
        Map<Path, Optional<Map<String, String>>> csvByDir = new HashMap<>();
        Map<Long, List<String>> links = new LinkedHashMap<>();
        Set<Path> sources = new LinkedHashSet<>();
        for (CatalogFile f : blind) {
            if (f.archiveMember().isPresent()) {
                continue;
            }
            Path file = Path.of(f.absolutePath()).toAbsolutePath().normalize();
            Path dir = file.getParent();
            for (int level = 0; dir != null && level < MAX_LEVELS; level++, dir = dir.getParent()) {
                Optional<Map<String, String>> column = csvByDir.computeIfAbsent(dir, NearDuplicates::readColumn);
                String rel = dir.relativize(file).toString().replace('\\', '/');
                if (column.isPresent() && column.get().containsKey(rel)) {
                    List<String> l = new ArrayList<>();
                    for (String cell : column.get().get(rel).split(";")) {
                        String link = cell.trim();
                        if (!link.isEmpty()) {
                            l.add(link.contains(":") ? link.substring(link.indexOf(':') + 1) : link);
                        }
                    }
                    links.put(f.id(), l);
                    sources.add(dir.resolve("labels.csv"));
                    break;
                }
            }
        }
        Map<Long, List<Match>> matches = new LinkedHashMap<>();
        if (runFiles.isPresent()) {
            Map<String, List<RunFiles.Entry>> bySuffix = new HashMap<>();
            Set<String> wanted = new java.util.HashSet<>();
            links.values().forEach(wanted::addAll);
            for (RunFiles.Entry e : runFiles.get()) {
                String p = e.path().replace('\\', '/');
                // every suffix that starts after a '/' is a candidate key
                for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
                    String suffix = p.substring(i + 1);
                    if (wanted.contains(suffix)) {
                        bySuffix.computeIfAbsent(suffix, k -> new ArrayList<>()).add(e);
                    }
                }
            }
            links.forEach((id, l) -> {
                List<Match> m = new ArrayList<>();
                for (String link : l) {
                    for (RunFiles.Entry e : bySuffix.getOrDefault(link, List.of())) {
                        m.add(new Match(link, e));
                    }
                }
                if (!m.isEmpty()) {
                    matches.put(id, m);
                }
            });
        }
        return new Found(links, matches, sources, runFiles.isPresent());
    }

    /** path -&gt; near_duplicates cell of {@code dir/labels.csv}, empty when it is missing or has no such column. */
    private static Optional<Map<String, String>> readColumn(Path dir) {
        Path csv = dir.resolve("labels.csv");
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!parser.getHeaderMap().containsKey("near_duplicates") || !parser.getHeaderMap().containsKey("path")) {
                return Optional.empty();
            }
            Map<String, String> out = new HashMap<>();
            for (CSVRecord rec : parser) {
                if (rec.isSet("path") && rec.isSet("near_duplicates")) {
                    out.put(rec.get("path").replace('\\', '/'), rec.get("near_duplicates"));
                }
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            // an unreadable labels.csv only means no near-duplicate information from it
            return Optional.empty();
        }
    }
}
