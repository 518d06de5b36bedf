package org.cadenza.corpus.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;

/**
 * A MIDI corpus labelled by the metadata CSV at the top of its repository: the CSV's rows say which MIDI files there
 * are and who wrote them. The files are matched to the rows ignoring case; a row whose file the archive lacks is
 * left out ({@link SkippedFile.Reason#NOT_IN_ARCHIVE}).
 *
 * @param metadataFile the CSV's name at the archive's top level
 * @param rows         turns the CSV into rows ({@link #asap}, {@link #pianoMidiDe})
 */
record MetadataCsvLayout(String metadataFile, MetadataRows rows) implements DatasetLayout {

    /** Reads a metadata CSV into label rows whose {@code sourcePath}s are as the CSV writes them. */
    @FunctionalInterface
    interface MetadataRows {
        List<FetchedLabel> read(Path metadata) throws IOException;
    }

    MetadataCsvLayout {
        Objects.requireNonNull(metadataFile, "metadataFile");
        Objects.requireNonNull(rows, "rows");
    }

    @Override
    public boolean wanted(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mid") || lower.endsWith(".midi") || relativePath.equals(metadataFile);
    }

    @Override
    public Labelling label(Path top, List<String> files, ProgressListener progress) throws IOException {
        if (!files.contains(metadataFile)) {
            return new Labelling(List.of(), List.of());
        }
        Map<String, String> byLowerPath = new HashMap<>();
        for (String f : files) {
            byLowerPath.put(f.toLowerCase(Locale.ROOT), f);
        }
        List<FetchedLabel> found = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (FetchedLabel row : rows.read(top.resolve(metadataFile))) {
            String member = byLowerPath.get(row.sourcePath().toLowerCase(Locale.ROOT));
            if (member == null) {
                skipped.add(new SkippedFile(row.sourcePath(), SkippedFile.Reason.NOT_IN_ARCHIVE,
                        "listed in " + metadataFile));
            } else {
                found.add(row.withSourcePath(member));
            }
        }
        return new Labelling(found, skipped);
    }

    @Override
    public String expected() {
        return metadataFile + " at its top level";
    }

    @Override
    public String labelledBy() {
        return "labels from the source's " + metadataFile;
    }

    /** ASAP's metadata.csv: one row per performance; the score MIDI of a folder is listed on every row. */
    static List<FetchedLabel> asap(Path metadata) throws IOException {
        Map<String, FetchedLabel> rows = new LinkedHashMap<>();
        for (CSVRecord r : readCsv(metadata)) {
            String composer = r.get("composer").trim();
            String id = composer.toLowerCase(Locale.ROOT);
            String title = r.get("title").trim();
            String piece = id + "/" + title;
            for (String column : new String[] {"midi_score", "midi_performance"}) {
                String src = r.get(column).trim();
                if (!src.isEmpty()) {
                    rows.putIfAbsent(src, FetchedLabel.fromMetadata(lowerFirstSegment(src), id, piece, piece, src, title,
                            composer));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * piano-midi.de metadata.csv ({@code composer,title,year,midi,duration}): one file per movement; the work id
     * strips a trailing {@code _<number>} from the title when at least two titles of the composer share the rest,
     * so that the movements of one work stay on one side of a split.
     */
    static List<FetchedLabel> pianoMidiDe(Path metadata) throws IOException {
        List<CSVRecord> records = readCsv(metadata);
        Map<String, Integer> stems = new HashMap<>();
        for (CSVRecord r : records) {
            stems.merge(r.get("composer").trim().toLowerCase(Locale.ROOT) + "/" + workStem(r.get("title").trim()), 1,
                    Integer::sum);
        }
        List<FetchedLabel> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            String src = r.get("midi").trim();
            String written = r.get("composer").trim();
            String composer = written.toLowerCase(Locale.ROOT);
            String title = r.get("title").trim();
            String file = src.substring(src.lastIndexOf('/') + 1);
            String path = composer + "/" + file;
            String stem = file.replaceFirst("\\.[^.]+$", "");
            String work = composer + "/" + workStem(title);
            rows.add(FetchedLabel.fromMetadata(path, composer, composer + "/" + stem,
                    stems.getOrDefault(work, 0) >= 2 ? work : composer + "/" + title, src, title, written));
        }
        return rows;
    }

    static String workStem(String title) {
        return title.replaceFirst("_\\d+$", "");
    }

    private static String lowerFirstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash).toLowerCase(Locale.ROOT) + path.substring(slash);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }
}
