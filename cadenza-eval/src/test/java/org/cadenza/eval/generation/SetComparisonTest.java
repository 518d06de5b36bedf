package org.cadenza.eval.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetComparisonTest {

    private static final double EPS = 1e-12;

    /** {@code n} notes rising by semitones from {@code low}, one every 0.5 s, each 0.4 s long. */
    private static MusicStatistics rising(int n, int low) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            notes.add(Note.of(low + i, 0.5 * i, 0.5 * i + 0.4, 64));
        }
        return MusicStatistics.of(NoteSequence.of(notes));
    }

    /** A random walk of 200 notes between 40 and 90: steps of 1-4 semitones up or down, IOIs 0.125-0.5 s. */
    private static MusicStatistics walk(long seed) {
        Random random = new Random(seed);
        double[] iois = {0.125, 0.25, 0.5};
        List<Note> notes = new ArrayList<>();
        int pitch = 64;
        double t = 0;
        for (int i = 0; i < 200; i++) {
            double ioi = iois[random.nextInt(3)];
            notes.add(Note.of(pitch, t, t + 0.9 * ioi, 50 + random.nextInt(40)));
            int step = (1 + random.nextInt(4)) * (random.nextBoolean() ? 1 : -1);
            pitch = pitch + step < 40 || pitch + step > 90 ? pitch - step : pitch + step; // bounce, never repeat
            t += ioi;
        }
        return MusicStatistics.of(NoteSequence.of(notes));
    }

    /** One pitch struck 200 times, every 0.25 s: seed 004's first model. */
    private static MusicStatistics oneNote(int pitch) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            notes.add(Note.of(pitch, 0.25 * i, 0.25 * i + 0.2, 80));
        }
        return MusicStatistics.of(NoteSequence.of(notes));
    }

    @Test
    void scalarFeatureByHandWithASingleCandidate() {
        // notes: reference 2 and 4, candidate 7
        SetComparisonReport r = SetComparison.compare(List.of(rising(2, 60), rising(4, 60)), List.of(rising(7, 60)));
        assertEquals(2, r.referencePieces());
        assertEquals(1, r.candidatePieces());
        FeatureComparison notes = r.row(MusicFeature.NOTES).orElseThrow();
        assertEquals(new DistanceSummary(1, 2, 0), notes.referenceIntra());      // |2 - 4|
        assertTrue(notes.candidateIntra().isEmpty());                             // one candidate, no pair
        assertEquals(2, notes.inter().count());                                   // |7 - 2| = 5, |7 - 4| = 3
        assertEquals(4, notes.inter().mean(), EPS);
        assertEquals(Math.sqrt(2), notes.inter().sd(), EPS);
        ScalarMeans means = notes.scalarMeans().orElseThrow();
        assertEquals(3, means.referenceMean(), EPS);
        assertEquals(Math.sqrt(2), means.referenceSd(), EPS);
        assertEquals(7, means.candidateMean(), EPS);
        assertEquals(0, means.candidateSd(), EPS);
        assertEquals(4 / Math.sqrt(2), notes.directDistance(), EPS);              // |7 - 3| / sqrt(2)
        assertEquals("|Δmean|/sd", notes.directMeasure());
        assertTrue(notes.klDivergence() >= 0);
    }

    @Test
    void histogramFeatureByHand() {
        // reference: only C (60, 72); candidate: only G (67)
        MusicStatistics c1 = MusicStatistics.of(NoteSequence.of(List.of(Note.of(60, 0, 1, 64), Note.of(72, 1, 2, 64))));
        MusicStatistics c2 = MusicStatistics.of(NoteSequence.of(List.of(Note.of(60, 0, 1, 64))));
        MusicStatistics g = MusicStatistics.of(NoteSequence.of(List.of(Note.of(67, 0, 1, 64))));
        FeatureComparison pc = SetComparison.compare(List.of(c1, c2), List.of(g))
                .row(MusicFeature.PITCH_CLASS_HISTOGRAM).orElseThrow();
        assertEquals(new DistanceSummary(1, 0, 0), pc.referenceIntra());         // same histogram (1 on C)
        assertEquals(Math.sqrt(2), pc.inter().mean(), EPS);                       // (1, 0) vs (0, 1) on C and G
        assertEquals(0, pc.inter().sd(), EPS);
        assertEquals(1, pc.directDistance(), EPS);                                // JS: nothing in common
        assertEquals("JS bits", pc.directMeasure());
        assertTrue(pc.scalarMeans().isEmpty());
        assertTrue(pc.overlapArea() < 1e-6, "OA " + pc.overlapArea());
    }

    @Test
    void allZeroDistancesGiveDocumentedValuesNotNaN() {
        MusicStatistics s = rising(5, 60);
        SetComparisonReport r = SetComparison.compare(List.of(s, rising(5, 60)), List.of(rising(5, 60)));
        for (FeatureComparison row : r.rows()) {
            assertEquals(1, row.overlapArea(), 0, row.feature().label());
            assertEquals(0, row.klDivergence(), 0, row.feature().label());
            assertEquals(0, row.directDistance(), 0, row.feature().label());
            assertEquals(0, row.inter().mean(), 0, row.feature().label());
        }
        assertFalse(r.toMarkdown().contains("NaN"), r.toMarkdown());
    }

    @Test
    void aSetLikeTheReferenceScoresBetterThanARepeatedNote() {
        List<MusicStatistics> reference = new ArrayList<>();
        List<MusicStatistics> similar = new ArrayList<>();
        List<MusicStatistics> degenerate = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reference.add(walk(i));
            similar.add(walk(100 + i));
            degenerate.add(oneNote(60 + i));
        }
        SetComparisonReport good = SetComparison.compare(reference, similar);
        SetComparisonReport bad = SetComparison.compare(reference, degenerate);
        for (MusicFeature f : List.of(MusicFeature.INTERVAL_HISTOGRAM, MusicFeature.PITCH_COUNT,
                MusicFeature.PITCH_CLASS_TRANSITIONS)) {
            FeatureComparison g = good.row(f).orElseThrow();
            FeatureComparison b = bad.row(f).orElseThrow();
            assertTrue(g.overlapArea() > 0.5, f + " similar OA " + g.overlapArea());
            assertTrue(b.overlapArea() < 0.2, f + " degenerate OA " + b.overlapArea());
            assertTrue(g.klDivergence() < b.klDivergence(), f + " KL " + g.klDivergence() + " vs " + b.klDivergence());
            assertTrue(g.directDistance() < b.directDistance(), f + " direct " + g.directDistance() + " vs "
                    + b.directDistance());
        }
        // every interval of a repeated note is 0: bin 12 only, against a walk that never repeats
        assertEquals(1, bad.row(MusicFeature.INTERVAL_HISTOGRAM).orElseThrow().directDistance(), EPS);
        double similarJs = good.row(MusicFeature.INTERVAL_HISTOGRAM).orElseThrow().directDistance();
        assertTrue(similarJs < 0.05, "JS " + similarJs);
    }

    @Test
    void markdownHasOneRowPerFeatureWithEscapedPipes() {
        SetComparisonReport r = SetComparison.compare(List.of(walk(1), walk(2), walk(3)), List.of(walk(4), walk(5)));
        List<String> tableRows = r.toMarkdown().lines().filter(l -> l.startsWith("| ")).toList();
        assertEquals(1 + MusicFeature.values().length, tableRows.size()); // header + one per feature
        for (String line : tableRows) {
            long cellBorders = line.replace("\\|", "").chars().filter(c -> c == '|').count();
            assertEquals(11, cellBorders, line);
        }
        assertTrue(tableRows.get(1).startsWith("| notes | notes | "), tableRows.get(1));
    }

    @Test
    void csvHoldsEveryRowInFullPrecision(@TempDir Path dir) throws IOException {
        SetComparisonReport r = SetComparison.compare(List.of(walk(1), walk(2), walk(3)), List.of(walk(4)));
        Path csv = dir.resolve("sub/comparison.csv");
        r.writeCsv(csv);
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
        assertEquals(r.rows().size(), records.size());
        for (int i = 0; i < records.size(); i++) {
            FeatureComparison row = r.rows().get(i);
            CSVRecord rec = records.get(i);
            assertEquals(row.feature().label(), rec.get("feature"));
            assertEquals(row.overlapArea(), Double.parseDouble(rec.get("overlap_area")), 0);
            assertEquals(row.klDivergence(), Double.parseDouble(rec.get("kl_divergence_nats")), 0);
            assertEquals(row.inter().mean(), Double.parseDouble(rec.get("inter_mean")), 0);
            assertEquals("", rec.get("candidate_intra_count")); // a single candidate
            assertEquals(row.scalarMeans().isEmpty(), rec.get("reference_mean").isEmpty());
        }
        assertEquals(SetComparisonReport.CSV_HEADER, List.copyOf(records.get(0).getParser().getHeaderNames()));
        try (var listing = Files.list(csv.getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void settingsChooseTheFeaturesAndTheirOrder() {
        SetComparison.Settings settings = SetComparison.Settings.builder()
                .optFeatures(List.of(MusicFeature.MEAN_IOI, MusicFeature.NOTES)).optMaxGridPoints(2001).build();
        SetComparisonReport r = SetComparison.compare(List.of(walk(1), walk(2)), List.of(walk(3)), settings);
        assertEquals(List.of(MusicFeature.MEAN_IOI, MusicFeature.NOTES),
                r.rows().stream().map(FeatureComparison::feature).toList());
        assertTrue(r.rows().stream().allMatch(row -> row.density().gridPoints() <= 2001));
    }

    @Test
    void tooFewPiecesAndBadSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SetComparison.compare(List.of(walk(1)), List.of(walk(2))));
        assertThrows(IllegalArgumentException.class,
                () -> SetComparison.compare(List.of(walk(1), walk(2)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> SetComparison.Settings.builder()
                .optFeatures(List.of(MusicFeature.NOTES, MusicFeature.NOTES)).build());
        assertThrows(IllegalArgumentException.class, () -> SetComparison.Settings.builder()
                .optFeatures(List.of()).build());
        assertThrows(IllegalArgumentException.class, () -> SetComparison.Settings.builder()
                .optMaxGridPoints(5).build());
    }

    @Test
    void aReferenceWithoutSpreadGivesAnInfiniteStandardisedDifferenceOnlyWhenTheMeansDiffer() {
        assertEquals(0, new ScalarMeans(3, 0, 3, 1).standardisedDifference(), 0);
        assertEquals(Double.POSITIVE_INFINITY, new ScalarMeans(3, 0, 4, 1).standardisedDifference(), 0);
        assertEquals(0.5, new ScalarMeans(3, 2, 4, 1).standardisedDifference(), EPS);
    }
}
