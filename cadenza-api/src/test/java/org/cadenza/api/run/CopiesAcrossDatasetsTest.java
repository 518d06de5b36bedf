package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.corpus.copies.CopyKind;
import org.cadenza.corpus.copies.NearCopyRule;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Test;

/**
 * Real data ({@code CADENZA_DATA}, skipped without it): ASAP and piano-midi.de hold the same movements in different
 * encodings (a Disklavier performance or a quantised score against a hand-sequenced file); with ASAP files as the
 * training files, the piano-midi.de files of those movements are found as near copies, other movements of the same
 * works and other pieces of the same composers are not. Eleven files: a few seconds.
 */
class CopiesAcrossDatasetsTest {

    private static Optional<Path> data() {
        return RealData.root().filter(root -> Files.isDirectory(root.resolve("asap"))
                && Files.isDirectory(root.resolve("piano-midi-de")));
    }

    @Test
    void piecesSharedByAsapAndPianoMidiDeAreCaught() throws Exception {
        assumeTrue(data().isPresent(), "CADENZA_DATA with asap/ and piano-midi-de/ is not set");
        Path asap = data().get().resolve("asap");
        Path pmd = data().get().resolve("piano-midi-de");
        // the run's training files: two performances and three score MIDIs of ASAP
        List<RunFiles.Entry> training = new ArrayList<>();
        for (String f : List.of("chopin/Etudes_op_10/1/Avdeeva02.mid", "schumann/Kreisleriana/1/ParkJH04M.mid",
                "bach/Prelude/bwv_846/Shi05M.mid", "beethoven/Piano_Sonatas/8-1/midi_score.mid",
                "chopin/Ballades/1/midi_score.mid")) {
            Path p = asap.resolve(f);
            String composer = f.substring(0, f.indexOf('/'));
            training.add(new RunFiles.Entry(Split.TRAIN, composer, f.substring(0, f.lastIndexOf('/')), composer,
                    ContentHash.of(p), p.toString()));
        }
        // blind piano-midi.de files -> the ASAP training file they are a copy of, "" for none
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("chopin/chpn_op10_e01.mid", "chopin/Etudes_op_10/1/Avdeeva02.mid");
        expected.put("schumann/scn16_1.mid", "schumann/Kreisleriana/1/ParkJH04M.mid");
        expected.put("bach/bach_846.mid", "bach/Prelude/bwv_846/Shi05M.mid");
        expected.put("beethoven/pathetique_1.mid", "beethoven/Piano_Sonatas/8-1/midi_score.mid");
        expected.put("chopin/chpn_op23.mid", "chopin/Ballades/1/midi_score.mid");
        expected.put("chopin/chpn_op10_e12.mid", "");      // another etude of the same opus
        expected.put("schumann/scn16_2.mid", "");          // the next movement of Kreisleriana
        expected.put("beethoven/pathetique_2.mid", "");    // the next movement of the Pathetique
        expected.put("bach/bach_850.mid", "");
        expected.put("beethoven/elise.mid", "");
        List<CatalogFile> blind = new ArrayList<>();
        long id = 1;
        for (String f : expected.keySet()) {
            Path p = pmd.resolve(f);
            String composer = f.substring(0, f.indexOf('/'));
            blind.add(CatalogFile.builder().optId(id++).setSourcePath(p.toString()).setAbsolutePath(p.toString())
                    .setStoredPath(p.toString()).setSha256(ContentHash.of(p)).setBytes(Files.size(p))
                    .setKind(MediaKind.MIDI).setComposerId(composer).setComposerWritten(composer)
                    .setPieceId(f.replace(".mid", "")).build());
        }

        long start = System.nanoTime();
        TrainingCopies copies = TrainingCopies.find(blind, Optional.of(training),
                NearDuplicates.find(blind, Optional.of(training)), NearCopyRule.DEFAULT);
        double seconds = (System.nanoTime() - start) / 1e9;

        for (CatalogFile f : blind) {
            String rel = pmd.relativize(Path.of(f.absolutePath())).toString();
            String want = expected.get(rel);
            Optional<TrainingCopies.Copy> c = copies.of(f.id());
            if (want.isEmpty()) {
                assertTrue(c.isEmpty(), rel + " is no copy, found " + c);
            } else {
                TrainingCopies.Copy copy = c.orElseThrow(() -> new AssertionError(rel + " not caught"));
                assertEquals(CopyKind.NEAR, copy.kind(), rel + ": " + copy);
                assertEquals(asap.resolve(want).toString(), copy.trainingPath(), rel);
                assertTrue(copy.containment() >= 0.5, rel + ": " + copy.describe());
            }
        }
        List<Long> ids = blind.stream().map(CatalogFile::id).toList();
        assertEquals(Map.of(CopyKind.BYTE, 0, CopyKind.NOTES, 0, CopyKind.NEAR, 5, CopyKind.LISTED, 0),
                copies.countByKind(ids));
        assertTrue(copies.describe(ids).startsWith("5 of 10 files are copies of the run's 5 training files"),
                copies.describe(ids));
        assertTrue(seconds < 30, "took " + seconds + " s");
    }
}
