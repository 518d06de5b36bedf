package org.cadenza.corpus.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score layouts relabel the shared copies of the score corpora ({@code $CADENZA_DATA/openscore-lieder},
 * {@code polish-scores}) as their labels.csv does: each file is linked back to its path in the source repository
 * ({@code source_path}) and labelled from what it says about itself. Reads every score: tagged slow.
 */
@Tag("slow")
class ScoreLayoutRealDataTest {

    @TempDir
    Path tmp;

    /**
     * Links every file of the shared copy to its source path under {@code tmp} and labels them; returns the rows by
     * source path. Every file has a known composer; the files left out are the ones Cadenza cannot read, at most
     * {@code unreadable}.
     */
    private Map<String, FetchedLabel> relabel(Path folder, PublicDataset dataset, List<CSVRecord> rows, int unreadable)
            throws IOException {
        List<String> sources = new ArrayList<>();
        for (CSVRecord r : rows) {
            Path link = tmp.resolve(r.get("source_path"));
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, folder.resolve(r.get("path")).toAbsolutePath());
            sources.add(r.get("source_path"));
        }
        DatasetLayout.Labelling l = dataset.layout().label(tmp, sources, ProgressListener.NONE);
        assertEquals(List.of(), l.skipped().stream()
                .filter(f -> f.reason() != SkippedFile.Reason.UNREADABLE).toList());
        assertTrue(l.skipped().size() <= unreadable, l.skipped().size() + " unreadable: " + l.skipped());
        return l.rows().stream().collect(Collectors.toMap(FetchedLabel::sourcePath, Function.identity()));
    }

    private static List<CSVRecord> labels(Path folder) throws IOException {
        try (Reader r = Files.newBufferedReader(folder.resolve("labels.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    /**
     * The rows whose path, composer or work differ from the shared copy's, whose ids are read through
     * {@code sharedId} first; files not relabelled (unreadable) are not compared.
     */
    private static List<String> differences(List<CSVRecord> rows, Map<String, FetchedLabel> relabelled,
                                            UnaryOperator<String> sharedId) {
        List<String> differ = new ArrayList<>();
        for (CSVRecord r : rows) {
            FetchedLabel mine = relabelled.get(r.get("source_path"));
            String composer = sharedId.apply(r.get("composer"));
            String expected = String.join(" ", composer + r.get("path").substring(r.get("composer").length()),
                    composer, composer + r.get("work_id").substring(r.get("composer").length()));
            if (mine != null && !expected.equals(String.join(" ", mine.path(), mine.composer(), mine.workId()))) {
                differ.add(expected + " <> " + mine);
            }
        }
        return differ;
    }

    @Test
    void openScoreLiederIsLabelledAsTheSharedCopy() throws IOException {
        Path folder = RealData.require("relabelling OpenScore Lieder", "openscore-lieder");
        List<CSVRecord> rows = labels(folder);
        Map<String, FetchedLabel> relabelled = relabel(folder, PublicDataset.OPENSCORE_LIEDER, rows, 0);
        assertEquals(List.of(), differences(rows, relabelled, UnaryOperator.identity()));
    }

    @Test
    void polishScoresAreLabelledAsTheSharedCopy() throws IOException {
        Path folder = RealData.require("relabelling the Polish scores", "polish-scores");
        List<CSVRecord> rows = labels(folder);
        // 106 of the 5650 files use kern tokens that KernReader does not read (e.g. '16ca#\\', '..', 'sSS')
        Map<String, FetchedLabel> relabelled = relabel(folder, PublicDataset.POLISH_SCORES, rows, 120);
        // "Bauer" alone cannot say which Bauer: the shared copy told them apart by RISM id ("-nn", README)
        assertEquals(List.of(), differences(rows, relabelled, id -> id.replaceFirst("-nn$", "")));
        int otherPiece = 0;
        for (CSVRecord r : rows) {
            FetchedLabel mine = relabelled.get(r.get("source_path"));
            if (mine != null) {
                assertEquals(r.get("born") + "-" + r.get("died"), mine.cells().get(7) + "-" + mine.cells().get(8),
                        r.get("cdt"));
                otherPiece += mine.pieceId().replaceFirst("^[^/]*", "")
                        .equals(r.get("piece_id").replaceFirst("^[^/]*", "")) ? 0 : 1;
            }
        }
        // the shared copy also merges same-composer files with identical first 120 pitches (37 files, README)
        assertTrue(otherPiece <= 37, otherPiece + " piece ids differ");
    }
}
