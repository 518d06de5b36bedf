package org.cadenza.corpus.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.dataset.Periods;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.io.BadInputException;
import org.cadenza.io.Parameters;

/**
 * A fixed benchmark split over the shared datasets, as {@code shared/benchmarks/composers-many/split.csv} writes it:
 * {@code path,dataset,format,composer,group,split}, paths relative to the datasets folder, split {@code train},
 * {@code val}, {@code test} or {@code unseen} (composers no model may train on).
 *
 * @param csv  the split file
 * @param rows its rows, in file order
 */
public record BenchmarkSplit(Path csv, List<Row> rows) {

    /**
     * One file.
     *
     * @param path     relative to the datasets folder, '/' separated
     * @param dataset  the dataset folder ({@code asap}, {@code polish-scores}, ...)
     * @param format   {@code midi}, {@code musicxml} or {@code kern}
     * @param composer the composer id
     * @param group    the unit that stays on one side (a work, with its near-duplicates and similar files)
     * @param split    {@code train}, {@code val}, {@code test} or {@code unseen}
     */
    public record Row(String path, String dataset, String format, String composer, String group, String split) {
        public Row {
            Parameters.nonNull("path, dataset, format, composer, group, split",
                    path, dataset, format, composer, group, split);
        }

        /** Whether the file's composer is one no model trains on. */
        public boolean unseen() {
            return Split.isUnseen(split);
        }
    }

    /** The columns a benchmark split file must have. */
    public static final List<String> COLUMNS = List.of("path", "dataset", "format", "composer", "group", "split");

    public BenchmarkSplit {
        Objects.requireNonNull(csv, "csv");
        rows = List.copyOf(rows);
    }

    /**
     * Reads a split file.
     *
     * @throws BadInputException naming the file (and line) when it cannot be read or lacks a column
     */
    public static BenchmarkSplit read(Path csv) {
        List<Row> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r);
            for (String c : COLUMNS) {
                if (!parser.getHeaderNames().contains(c)) {
                    throw new BadInputException(csv, "line 1: a benchmark split needs the columns "
                            + String.join(", ", COLUMNS) + "; '" + c + "' is missing");
                }
            }
            for (CSVRecord rec : parser) {
                String split = rec.get("split");
                if (!Split.isUnseen(split) && Split.parse(split).isEmpty()) {
                    throw new BadInputException(csv, "line " + rec.getParser().getCurrentLineNumber() + ": split '"
                            + split + "' is not train, val, test or " + Split.UNSEEN);
                }
                rows.add(new Row(rec.get("path"), rec.get("dataset"), rec.get("format"), rec.get("composer"),
                        rec.get("group"), split));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(csv, "cannot read the benchmark split: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(csv, "no rows after the header");
        }
        return new BenchmarkSplit(csv, rows);
    }

    /** The row of each path. */
    public Map<String, Row> byPath() {
        Map<String, Row> out = new HashMap<>();
        rows.forEach(r -> out.put(r.path(), r));
        return out;
    }

    /** The datasets, in order of first appearance. */
    public Set<String> datasets() {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.dataset()));
        return out;
    }

    /**
     * Writes this split as a labels CSV that {@code cadenza ingest} reads with {@code --root dataRoot}: path,
     * composer, piece_id (the group), split, and a period for composers of known dates: the built-in table's where
     * it knows the composer, else {@link Periods#ofLifeYears} from the {@code born}/{@code died} columns of the
     * file's own dataset {@code labels.csv} (the score corpora have them), else none (the file is left out of the
     * period target).
     *
     * @param dataRoot the datasets folder the paths are relative to
     * @return the number of rows that got a period
     */
    public int writeLabels(Path labelsCsv, Path dataRoot) {
        Map<String, Optional<String>> lifePeriods = new HashMap<>();
        for (String dataset : datasets()) {
            readLifePeriods(dataRoot.resolve(dataset).resolve("labels.csv"), dataset, lifePeriods);
        }
        Periods table = Periods.builtIn();
        int withPeriod = 0;
        try {
            Files.createDirectories(labelsCsv.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(labelsCsv, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader("path", "composer", "piece_id", "split", "period", "dataset", "format").build())) {
                for (Row r : rows) {
                    Optional<String> period = table.periodOf(r.composer())
                            .or(() -> lifePeriods.getOrDefault(r.path(), Optional.empty()));
                    if (period.isPresent()) {
                        withPeriod++;
                    }
                    out.printRecord(r.path(), r.composer(), r.group(), r.split(), period.orElse(""), r.dataset(),
                            r.format());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + labelsCsv, e);
        }
        return withPeriod;
    }

    private static void readLifePeriods(Path labels, String dataset, Map<String, Optional<String>> out) {
        if (!Files.isRegularFile(labels)) {
            return;
        }
        try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r);
            if (!parser.getHeaderNames().contains("born") || !parser.getHeaderNames().contains("died")) {
                return;
            }
            for (CSVRecord rec : parser) {
                Optional<String> p = Optional.empty();
                try {
                    int born = Integer.parseInt(rec.get("born").strip());
                    int died = Integer.parseInt(rec.get("died").strip());
                    p = died >= born ? Optional.of(Periods.ofLifeYears(born, died)) : Optional.empty();
                } catch (NumberFormatException e) {
                    // no (or approximate, unparsed) dates: no period from this file
                }
                out.put(dataset + "/" + rec.get("path"), p);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(labels, "cannot read its born/died columns: " + e.getMessage(), e);
        }
    }
}
