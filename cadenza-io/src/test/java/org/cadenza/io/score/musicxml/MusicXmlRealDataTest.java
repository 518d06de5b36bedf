package org.cadenza.io.score.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.io.BadInputException;
import org.cadenza.io.RealData;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.score.Score;
import org.cadenza.io.score.ScoreFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real scores: the OpenScore Lieder corpus ({@code $CADENZA_DATA/openscore-lieder}, 1,458 {@code .mxl} files)
 * against its {@code labels.csv}. Its {@code n_notes} counts pitched, non-cue {@code <note>}s except those with a
 * {@code <tie type="stop"/>} and no tie start (grace notes count); a note in the middle of a tie chain (stop and
 * start) counts there but is joined into its chain's note here, so the reader's notes plus those middles must equal
 * {@code n_notes}.
 */
class MusicXmlRealDataTest {

    private static final String DATASET = "openscore-lieder";

    /** A labels.csv row: the file and its note count. */
    private record Labelled(Path file, int notes) {
    }

    private static List<Labelled> labels(String skipped) throws Exception {
        Path root = RealData.require(skipped, DATASET, "labels.csv").getParent();
        List<Labelled> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(root.resolve("labels.csv"));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : csv) {
                rows.add(new Labelled(root.resolve(r.get("path")), Integer.parseInt(r.get("n_notes"))));
            }
        }
        return rows;
    }

    /** Pitched, non-cue notes with both a tie stop and a tie start: counted by labels.csv, joined by the reader. */
    private static int tieMiddles(Path mxl) throws Exception {
        byte[] xml = MxlContainer.score(mxl, MxlContainer.limits(MidiLimits.DEFAULTS.maxBytes()));
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
        int middles = 0;
        boolean pitched = false;
        boolean cue = false;
        boolean start = false;
        boolean stop = false;
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "note" -> pitched = cue = start = stop = false;
                    case "pitch" -> pitched = true;
                    case "cue" -> cue = true;
                    case "tie" -> {
                        start |= "start".equals(r.getAttributeValue(null, "type"));
                        stop |= "stop".equals(r.getAttributeValue(null, "type"));
                    }
                    default -> {
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("note")
                    && pitched && !cue && start && stop) {
                middles++;
            }
        }
        return middles;
    }

    @Test
    void twentyRealScoresHaveTheirLabelledNoteCounts() throws Exception {
        List<Labelled> rows = labels("the note counts of 20 real MusicXML scores");
        for (int i = 0; i < 20; i++) {
            Labelled row = rows.get(i * (rows.size() / 20));
            Score s = MusicXmlReader.read(row.file());
            assertEquals(ScoreFormat.MXL, s.format());
            assertEquals(row.notes(), s.notes().notes().size() + tieMiddles(row.file()), row.file().toString());
            assertTrue(s.metadata().composer().isPresent(), row.file() + " names its composer");
            assertTrue(s.notes().barStartSeconds().size() > 1, row.file() + " has bars");
        }
    }

    /**
     * Reads all 1,458 files: none may fail; prints the time, the rate and every note-count difference. 22 files
     * differ from labels.csv by 1-11 notes (at most 0.7 %): grace notes written with a tie stop that no earlier note
     * of their pitch starts (labels.csv does not count them; the reader sounds them), so a difference is allowed up
     * to 1 % of a file's notes, in at most 30 files.
     */
    @Test
    @Tag("slow")
    void everyOpenScoreLiedIsRead() throws Exception {
        List<Labelled> rows = labels("reading every OpenScore Lieder score");
        List<String> failures = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Labelled row : rows) {
            try {
                Score s = MusicXmlReader.read(row.file());
                int counted = s.notes().notes().size() + tieMiddles(row.file());
                if (counted != row.notes()) {
                    differences.add(row.file() + ": " + counted + " notes, labels.csv says " + row.notes());
                    assertTrue(Math.abs(counted - row.notes()) <= 0.01 * row.notes(), differences.get(
                            differences.size() - 1));
                }
            } catch (BadInputException e) {
                failures.add(e.getMessage());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "openscore-lieder: %d files in %.1f s (%.1f files/s, note counting"
                + " included), %d failure(s), %d count difference(s)%n", rows.size(), seconds,
                rows.size() / seconds, failures.size(), differences.size());
        differences.forEach(p -> System.out.println("  " + p));
        assertEquals(List.of(), failures);
        assertEquals(1458, rows.size());
        assertTrue(differences.size() <= 30, differences.size() + " files differ");
    }
}
