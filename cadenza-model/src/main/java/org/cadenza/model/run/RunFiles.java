package org.cadenza.model.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.LabelledSplit;
import org.cadenza.corpus.dataset.SplitAssignment;
import org.cadenza.corpus.dataset.WindowDataset;
import org.cadenza.io.BadInputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a training run used and the split each was in: {@value #FILE} in the run folder (its size and SHA-256,
 * the run's data hash, in section {@code files} of the {@link RunManifest}), columns
 * {@code split,label,piece_id,composer,sha256,path} (path = the catalog's absolute source path; for zip members
 * {@code zip!member}). Blind evaluation reads it to say which blind files are near-duplicates of training pieces.
 */
public final class RunFiles {

    /** File name inside a run folder. */
    public static final String FILE = "files.csv";

    /**
     * One file of the run's dataset.
     *
     * @param split    train, val or test
     * @param label    its class
     * @param pieceId  its piece
     * @param composer its composer id
     * @param sha256   SHA-256 of its bytes
     * @param path     absolute path of the source file ({@code zip!member} for archive members)
     */
    public record Entry(Split split, String label, String pieceId, String composer, String sha256, String path) {
    }

    private RunFiles() {
    }

    /** Writes {@value #FILE} for {@code data} (labels from the spec's target) into {@code runDir}. */
    public static void write(Workspace ws, WindowDataset data, Path runDir) {
        write(ws, data.assignment(), data.spec(), runDir);
    }

    /** Writes {@value #FILE} for the files of a route that reads notes ({@link LabelledSplit}) into {@code runDir}. */
    public static void write(Workspace ws, LabelledSplit split, DatasetSpec spec, Path runDir) {
        write(ws, split.assignment(), spec, runDir);
    }

    private static void write(Workspace ws, SplitAssignment assignment, DatasetSpec spec, Path runDir) {
        Path csv = runDir.resolve(FILE);
        try {
            Files.createDirectories(runDir);
            // hashed as it is written: the listing's SHA-256 is the run's data hash
            DigestOutputStream hashed = ContentHash.hashing(Files.newOutputStream(csv));
            try (CSVPrinter out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(hashed,
                    StandardCharsets.UTF_8)), CSVFormat.DEFAULT.builder().setHeader("split", "label", "piece_id", "composer", "sha256", "path")
                            .build())) {
                for (Map.Entry<Long, Split> e : new java.util.TreeMap<>(assignment.splitOfFile()).entrySet()) {
                    CatalogFile f = ws.catalog().findById(e.getKey()).orElseThrow(() -> new IllegalStateException(
                            "file id " + e.getKey() + " of the split is not in the catalog of " + ws.dir()));
                    String label = spec.target().labelOf(f).label().orElse("");
                    out.printRecord(e.getValue().id(), label, assignment.pieceOfFile().get(e.getKey()),
                            f.composerId(), f.sha256(), pathOf(f));
                }
            }
            RunManifest.put(runDir, RunManifest.Section.FILES, new Listing(FILE, assignment.splitOfFile().size(),
                    ContentHash.of(hashed)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    /**
     * The manifest's record of the listing: the data hash of the run.
     *
     * @param listing the listing's file name in the run folder
     * @param files   how many files it lists
     * @param sha256  SHA-256 of the listing's bytes (split, label, piece, composer and content hash of every file)
     */
    public record Listing(String listing, int files, String sha256) {
    }

    /** The catalog file's absolute path, {@code zip!member} for archive members. */
    static String pathOf(CatalogFile f) {
        return f.archiveMember().map(m -> f.absolutePath() + "!" + m).orElse(f.absolutePath());
    }

    /** The entries of {@code runDir}'s {@value #FILE}; empty when the run has none (made before it existed). */
    public static Optional<List<Entry>> read(Path runDir) {
        Path csv = runDir.resolve(FILE);
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<Entry> out = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                Split split = Split.parse(rec.get("split")).orElseThrow(() -> new BadInputException(csv,
                        "line " + rec.getRecordNumber() + ": unknown split '" + rec.get("split") + "'"));
                out.add(new Entry(split, rec.get("label"), rec.get("piece_id"), rec.get("composer"), rec.get("sha256"),
                        rec.get("path")));
            }
            return Optional.of(out);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(csv, "cannot read: " + e, e);
        }
    }
}
