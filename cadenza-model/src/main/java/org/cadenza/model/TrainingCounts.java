package org.cadenza.model;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;
import org.cadenza.model.run.RunManifest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a run's training split held per class, as its run manifest keeps it: the counts the dummy baselines of
 * every evaluation are fit on. Written by every training route (audio, notes, piano roll) and read by evaluation.
 *
 * <p>{@code windows} counts each training window once, as the split has it before balancing repeats any
 * ({@code --balance oversample} draws windows of the smaller classes again; they are counted in
 * {@code windowsTrained} only), so that a dummy fit on them knows the classes as they are, not as the network was
 * fed them. Augmented copies are windows of their own and count in both.
 *
 * @param classes        the class labels, in the model's order
 * @param files          training files with at least one window, per class
 * @param pieces         training pieces with at least one window, per class
 * @param windows        distinct training windows per class, before oversampling
 * @param windowsTrained training windows per class as trained on, repeats of oversampling included
 */
public record TrainingCounts(List<String> classes, long[] files, long[] pieces, long[] windows,
                             long[] windowsTrained) {

    /** The file that held them in runs made before the manifest. */
    public static final String LEGACY_FILE = "train-counts.csv";

    /** The JSON form: one row per class. */
    public record Row(String label, long files, long pieces, long windows, long windowsTrained) {
    }

    private static final String[] HEADER = {"class", "files", "pieces", "windows", "windows_trained"};

    public TrainingCounts {
        classes = List.copyOf(classes);
        for (long[] a : new long[][] {files, pieces, windows, windowsTrained}) {
            Objects.requireNonNull(a, "counts");
            if (a.length != classes.size()) {
                throw new IllegalArgumentException(a.length + " counts for " + classes.size() + " classes " + classes);
            }
        }
        files = files.clone();
        pieces = pieces.clone();
        windows = windows.clone();
        windowsTrained = windowsTrained.clone();
        for (int c = 0; c < classes.size(); c++) {
            if (windows[c] > windowsTrained[c]) {
                throw new IllegalArgumentException(classes.get(c) + ": " + windows[c] + " distinct windows but only "
                        + windowsTrained[c] + " trained on");
            }
        }
    }

    /** Writes the counts into {@code runDir}'s run manifest: the labels in the model's order, with their counts. */
    public void write(Path runDir) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            rows.add(new Row(classes.get(c), files[c], pieces[c], windows[c], windowsTrained[c]));
        }
        RunManifest.put(runDir, RunManifest.Section.COUNTS, rows);
    }

    /**
     * Reads the counts of {@code runDir} in the order of {@code classes}; a class the run does not list counts 0. Runs
     * made before the manifest kept them in {@value #LEGACY_FILE}; a file written before {@code windows_trained}
     * existed is read with {@code windowsTrained = windows} (its {@code windows} then include the repeats of an
     * oversampled run).
     *
     * @throws BadInputException naming the file when the counts are missing, unreadable, or list a class not in
     *                           {@code classes}
     */
    public static TrainingCounts read(Path runDir, List<String> classes) {
        Row[] stored = RunManifest.find(runDir, RunManifest.Section.COUNTS, Row[].class).orElse(null);
        if (stored != null) {
            int n = classes.size();
            long[][] v = new long[4][n];
            for (Row r : stored) {
                int c = classes.indexOf(r.label());
                if (c < 0) {
                    throw new BadInputException(runDir.resolve(RunManifest.FILE), "the training "
                            + "counts list class '" + r.label() + "', which is not one of the model's " + classes);
                }
                v[0][c] = r.files();
                v[1][c] = r.pieces();
                v[2][c] = r.windows();
                v[3][c] = r.windowsTrained();
            }
            return new TrainingCounts(classes, v[0], v[1], v[2], v[3]);
        }
        return readLegacy(runDir, classes);
    }

    private static TrainingCounts readLegacy(Path runDir, List<String> classes) {
        Path csv = runDir.resolve(LEGACY_FILE);
        int n = classes.size();
        long[] files = new long[n];
        long[] pieces = new long[n];
        long[] windows = new long[n];
        long[] trained = new long[n];
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords());
        } catch (IOException e) {
            throw new BadInputException(csv, "no training counts in the run manifest, and cannot read the file of an older run (is this a run folder made by `cadenza train`?): " + e, e);
        }
        for (CSVRecord r : rows) {
            try {
                int c = classes.indexOf(r.get("class"));
                if (c < 0) {
                    throw new BadInputException(csv, "line " + r.getRecordNumber() + ": class '" + r.get("class")
                            + "' is not one of the model's " + classes);
                }
                files[c] = Long.parseLong(r.get("files"));
                pieces[c] = Long.parseLong(r.get("pieces"));
                windows[c] = Long.parseLong(r.get("windows"));
                trained[c] = r.isMapped("windows_trained") ? Long.parseLong(r.get("windows_trained")) : windows[c];
            } catch (IllegalArgumentException e) {
                throw new BadInputException(csv, "line " + r.getRecordNumber() + ": expected the columns "
                        + Arrays.toString(HEADER) + " with whole numbers: " + e.getMessage(), e);
            }
        }
        return new TrainingCounts(classes, files, pieces, windows, trained);
    }
}
