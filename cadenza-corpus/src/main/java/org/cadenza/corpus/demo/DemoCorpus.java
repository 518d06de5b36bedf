package org.cadenza.corpus.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks a small, varied, real corpus out of the datasets folder for the demo: for each chosen composer a few
 * pieces from each dataset that has them (solo piano from ASAP and piano-midi.de, orchestral / chamber / vocal
 * General MIDI from midi-classics), of moderate length, chosen deterministically (by content hash, so the choice
 * does not favour any title). Writes a labels CSV with absolute paths that {@code cadenza ingest} reads.
 */
public final class DemoCorpus {

    /** How much to pick. */
    public record Selection(List<String> composers, int piecesPerDataset, double minSeconds, double maxSeconds) {
        /** Four composers of four periods' worth of style, two pieces each per dataset, 20 s to 4 min. */
        public static final Selection DEFAULT =
                new Selection(List.of("bach", "mozart", "beethoven", "chopin"), 2, 20, 240);

        public Selection {
            composers = List.copyOf(composers);
            if (piecesPerDataset < 1 || !(minSeconds >= 0) || !(maxSeconds > minSeconds)) {
                throw new IllegalArgumentException("bad demo selection: " + piecesPerDataset + " pieces, "
                        + minSeconds + "..." + maxSeconds + " s");
            }
        }
    }

    /** The datasets the demo draws from, in order. */
    public static final List<String> DATASETS = List.of("asap", "piano-midi-de", "midi-classics");

    private DemoCorpus() {
    }

    /**
     * Writes {@code labelsCsv} ({@code path,composer,piece_id,dataset}) listing the chosen files.
     *
     * @param datasetsRoot a folder with {@code asap/}, {@code piano-midi-de/}, {@code midi-classics/} (any present)
     * @return the number of files listed
     * @throws CadenzaException when none of the datasets is there
     */
    public static int write(Path datasetsRoot, Selection selection, Path labelsCsv) {
        List<String[]> chosen = new ArrayList<>();
        boolean any = false;
        for (String dataset : DATASETS) {
            Path labels = datasetsRoot.resolve(dataset).resolve("labels.csv");
            if (!Files.isRegularFile(labels)) {
                continue;
            }
            any = true;
            chosen.addAll(choose(dataset, labels, selection));
        }
        if (!any) {
            throw new CadenzaException("no datasets under " + datasetsRoot + ": expected one of " + DATASETS
                    + " with a labels.csv. Set CADENZA_DATA or run `cadenza datasets fetch asap`.");
        }
        try {
            Path parent = labelsCsv.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(labelsCsv, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader("path", "composer", "piece_id", "dataset").build())) {
                for (String[] row : chosen) {
                    csv.printRecord((Object[]) row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + labelsCsv, e);
        }
        return chosen.size();
    }

    private static List<String[]> choose(String dataset, Path labels, Selection selection) {
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(labels, "cannot read the labels: " + e.getMessage(), e);
        }
        Path folder = labels.getParent().toAbsolutePath();
        boolean hasWork = records.isEmpty() || records.get(0).isMapped("work_id");
        List<String[]> out = new ArrayList<>();
        for (String composer : selection.composers()) {
            // one file per piece: the first by hash among those of a moderate length
            Map<String, CSVRecord> byPiece = new LinkedHashMap<>();
            records.stream()
                    .filter(r -> composer.equals(r.get("composer")))
                    .filter(r -> {
                        double s = parse(r, "length_s");
                        return s >= selection.minSeconds() && s <= selection.maxSeconds();
                    })
                    .sorted(Comparator.comparing(r -> get(r, "sha1", r.get("path"))))
                    .forEach(r -> byPiece.putIfAbsent(hasWork ? get(r, "work_id", r.get("piece_id")) : r.get("piece_id"), r));
            byPiece.values().stream().limit(selection.piecesPerDataset()).forEach(r -> out.add(new String[] {
                    folder.resolve(r.get("path")).toString(), composer,
                    dataset + ":" + (hasWork ? get(r, "work_id", r.get("piece_id")) : r.get("piece_id")), dataset}));
        }
        return out;
    }

    private static String get(CSVRecord r, String column, String fallback) {
        return r.isMapped(column) && !r.get(column).isBlank() ? r.get(column) : Objects.requireNonNull(fallback);
    }

    private static double parse(CSVRecord r, String column) {
        if (!r.isMapped(column) || r.get(column).isBlank()) {
            return (double) 60; // unknown length: assume moderate
        }
        try {
            return Double.parseDouble(r.get(column));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
