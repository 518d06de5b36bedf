package org.cadenza.corpus.labels;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.io.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a labels CSV: a header line, then one row per file with the columns {@code path}, {@code composer} and
 * {@code piece_id} (or {@code group}, as the benchmarks' {@code split.csv} names the unit that stays on one side of a
 * split), optionally {@code period} and {@code split} ({@code train}, {@code val}/{@code validation},
 * {@code test}; {@code unseen} = no split: listed, labelled, never trained on). Other columns are ignored, so the datasets' own {@code labels.csv} files load as they are; a
 * {@code work_id} column, when present and filled, is preferred as piece id (piano-midi-de: movements of one work
 * stay together). Paths are relative to the CSV's folder (absolute paths are taken as they are). Column names are
 * matched ignoring case; a UTF-8 byte-order mark is skipped.
 *
 * <p>Errors are {@link BadInputException}s naming the CSV and the line: missing header columns, empty required
 * cells, unknown split values, a path listed twice, unparseable CSV.
 */
public final class LabelsCsv {

    /** Required columns. */
    public static final List<String> REQUIRED = List.of("path", "composer", "piece_id");
    /** The column read as piece id when there is no {@code piece_id}: a benchmark split's group of files. */
    public static final String GROUP = "group";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).build();

    private LabelsCsv() {
    }

    /**
     * Reads all rows of the CSV at {@code csv}.
     *
     * @throws BadInputException naming the CSV and line for any malformed content, or when it cannot be read
     */
    public static List<LabelRow> read(Path csv) {
        return read(csv, csv.toAbsolutePath().normalize().getParent());
    }

    /**
     * Reads all rows of the CSV at {@code csv}, whose relative paths are relative to {@code folder}.
     *
     * @throws BadInputException naming the CSV and line for any malformed content, or when it cannot be read
     */
    public static List<LabelRow> read(Path csv, Path folder) {
        try (java.io.BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset(); // no byte-order mark (spreadsheets often write one)
            }
            return read(r, csv, folder);
        } catch (IOException e) {
            throw new BadInputException(csv, "cannot read the labels CSV: " + e, e);
        }
    }

    private static List<LabelRow> read(Reader reader, Path csv, Path folder) throws IOException {
        List<LabelRow> rows = new ArrayList<>();
        Map<Path, Long> seen = new HashMap<>();
        try (CSVParser p = FORMAT.parse(reader)) {
            List<String> header = p.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            String pieceColumn = header.contains("piece_id") || !header.contains(GROUP) ? "piece_id" : GROUP;
            for (String col : REQUIRED) {
                if (!header.contains(col) && !(col.equals("piece_id") && pieceColumn.equals(GROUP))) {
                    throw new BadInputException(csv, "line 1: the header lacks the required column '" + col
                            + "' (required: " + String.join(", ", REQUIRED) + " (or " + GROUP + "); optional: period, split; found: "
                            + String.join(", ", header) + ")");
                }
            }
            boolean hasWorkId = header.contains("work_id");
            boolean hasPeriod = header.contains("period");
            boolean hasSplit = header.contains("split");
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                String path = cell(rec, "path", csv, line, true);
                String composer = cell(rec, "composer", csv, line, true);
                String pieceId = cell(rec, pieceColumn, csv, line, true);
                if (hasWorkId) {
                    String work = cell(rec, "work_id", csv, line, false);
                    if (!work.isEmpty()) {
                        pieceId = work;
                    }
                }
                Optional<String> period = hasPeriod ? nonEmpty(cell(rec, "period", csv, line, false))
                        : Optional.empty();
                Optional<String> split = hasSplit
                        ? nonEmpty(cell(rec, "split", csv, line, false)).filter(s -> !Split.isUnseen(s))
                                .map(s -> split(s, csv, line))
                        : Optional.empty();
                Path file;
                try {
                    file = folder.resolve(path).normalize();
                } catch (InvalidPathException e) {
                    throw new BadInputException(csv, "line " + line + ": invalid path '" + path + "': "
                            + e.getReason(), e);
                }
                Long earlier = seen.putIfAbsent(file, line);
                if (earlier != null) {
                    throw new BadInputException(csv, "line " + line + ": path '" + path + "' is already listed on line "
                            + earlier);
                }
                rows.add(new LabelRow(file, path, composer, pieceId, period, split, line));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(csv, "malformed CSV near line " + lineOf(e) + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String lineOf(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static String cell(CSVRecord rec, String column, Path csv, long line, boolean required) {
        String v = rec.isMapped(column) && rec.isSet(column) ? rec.get(column) : "";
        if (required && v.isEmpty()) {
            throw new BadInputException(csv, "line " + line + ": the '" + column + "' cell is empty"
                    + (rec.isSet(column) ? "" : " (the row has only " + rec.size() + " columns)"));
        }
        return v;
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String split(String s, Path csv, long line) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "train", "training" -> "train";
            case "val", "valid", "validation", "dev" -> "val";
            case "test", "testing" -> "test";
            default -> throw new BadInputException(csv, "line " + line + ": split '" + s
                    + "' is not one of train, val (validation), test, " + Split.UNSEEN);
        };
    }
}
