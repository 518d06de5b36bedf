package org.cadenza.api.run;

import org.cadenza.model.run.RunFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.copies.CopyKind;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.dataset.Split;
import org.cadenza.eval.Level;
import org.cadenza.eval.Predictions;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.features.symbolic.SymbolicParams;
import org.cadenza.io.midi.MidiWriter;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.notes.NotesSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blind evaluation finds copies of the run's training files by itself: a byte copy, a note-identical copy in other
 * bytes (another resolution and tempo event), a near copy (slower, one pitch in 20 changed) and a copy named only by
 * the blind labels CSV; unrelated pieces are not copies. The figures are given on all files and without the copies,
 * and blind-files.csv names the kind and the training file.
 */
class CopiesOfTrainingTest {

    private static final NotesSettings SETTINGS = new NotesSettings(SymbolicParams.defaults(),
            NoteWindowSpec.parse("4s/4s"), OptionalDouble.empty(), NoteReader.Pedal.EXTEND);

    /** 120 melody notes (random from {@code seed}, 0.5 s each) over an accompaniment an octave lower. */
    private static int[] melody(String composer, long seed) {
        Random r = new Random(seed);
        int low = composer.equals("basso") ? 48 : 72;
        int[] p = new int[120];
        for (int i = 0; i < p.length; i++) {
            p[i] = low + r.nextInt(24);
        }
        return p;
    }

    private static NoteSequence notes(int[] melody, double secondsPerNote) {
        List<Note> n = new ArrayList<>();
        for (int i = 0; i < melody.length; i++) {
            double on = i * secondsPerNote;
            double off = on + 0.75 * secondsPerNote;
            n.add(Note.of(melody[i], on, off, 80));
            n.add(Note.of(melody[i] - 12, on, off, 60));
        }
        return NoteSequence.of(n);
    }

    private static void write(Path file, NoteSequence seq, int resolution, double bpm) {
        MidiWriter.write(seq, file, MidiWriter.Options.builder().optResolution(resolution).optTempoBpm(bpm)
                .optOverwrite(true).build());
    }

    @Test
    void blindFiguresWithAndWithoutCopiesOfTrainingFiles(@TempDir Path tmp) throws Exception {
        // training: 6 pieces each of basso (low) and soprano (high)
        Path dsA = tmp.resolve("dsA");
        StringBuilder csv = new StringBuilder("path,composer,piece_id\n");
        Map<String, int[]> melodies = new HashMap<>();
        int seed = 0;
        for (String c : List.of("basso", "soprano")) {
            for (int k = 0; k < 6; k++) {
                String path = c + "/p" + k + ".mid";
                int[] m = melody(c, seed++);
                melodies.put(path, m);
                write(dsA.resolve(path), notes(m, 0.5), 480, 120);
                csv.append(path).append(',').append(c).append(',').append(c).append("/p").append(k).append('\n');
            }
        }
        Files.writeString(dsA.resolve("labels.csv"), csv);
        Path run = tmp.resolve("run");
        try (Workspace ws = SyntheticCorpus.ingest(dsA.resolve("labels.csv"), tmp.resolve("wsA"), 12)) {
            RouteTrainingRun.notes(ws, SETTINGS, DatasetSpec.DEFAULTS,
                    ClassicalConfig.defaults(ClassicalAlgorithm.KNN), run, ProgressListener.NONE, 1);
        }
        RunFiles.Listing listing = org.cadenza.model.run.RunManifest.require(run,
                org.cadenza.model.run.RunManifest.Section.FILES, RunFiles.Listing.class);
        assertEquals(org.cadenza.corpus.ContentHash.of(run.resolve(RunFiles.FILE)), listing.sha256(),
                "the data hash is the listing's SHA-256");
        assertEquals(12, listing.files());
        List<RunFiles.Entry> trained = RunFiles.read(run).orElseThrow().stream()
                .filter(e -> e.split() == Split.TRAIN).toList();
        RunFiles.Entry basso = trained.stream().filter(e -> e.label().equals("basso")).findFirst().orElseThrow();
        RunFiles.Entry basso2 = trained.stream().filter(e -> e.label().equals("basso")).skip(1).findFirst()
                .orElseThrow();
        RunFiles.Entry soprano = trained.stream().filter(e -> e.label().equals("soprano")).findFirst().orElseThrow();
        RunFiles.Entry soprano2 = trained.stream().filter(e -> e.label().equals("soprano")).skip(1).findFirst()
                .orElseThrow();
        String bassoName = dsA.relativize(Path.of(basso.path())).toString();
        String basso2Name = dsA.relativize(Path.of(basso2.path())).toString();
        String sopranoName = dsA.relativize(Path.of(soprano.path())).toString();
        String soprano2Name = dsA.relativize(Path.of(soprano2.path())).toString();

        // the blind corpus
        Path dsB = tmp.resolve("dsB");
        Files.createDirectories(dsB.resolve("basso"));
        Files.copy(Path.of(basso.path()), dsB.resolve("basso/byte.mid"));
        // the same notes at 90 BPM and 384 ticks per quarter: other bytes, same times
        write(dsB.resolve("basso/notes.mid"), notes(melodies.get(basso2Name), 0.5), 384, 90);
        int[] varied = melodies.get(sopranoName).clone();
        for (int i = 3; i < varied.length; i += 20) {
            varied[i]++;
        }
        write(dsB.resolve("soprano/near.mid"), notes(varied, 0.6), 480, 120);
        write(dsB.resolve("soprano/listed.mid"), notes(melody("soprano", 100), 0.5), 480, 120);
        write(dsB.resolve("basso/new.mid"), notes(melody("basso", 101), 0.5), 480, 120);
        write(dsB.resolve("soprano/new.mid"), notes(melody("soprano", 102), 0.5), 480, 120);
        assertNotEquals(ContentHash.of(Path.of(basso2.path())), ContentHash.of(dsB.resolve("basso/notes.mid")));
        Files.writeString(dsB.resolve("labels.csv"), "path,composer,piece_id,near_duplicates\n"
                + "basso/byte.mid,basso,basso/byte,\nbasso/notes.mid,basso,basso/notes,\n"
                + "soprano/near.mid,soprano,soprano/near,\n"
                + "soprano/listed.mid,soprano,soprano/listed,dsA:dsA/" + soprano2Name + "\n"
                + "basso/new.mid,basso,basso/new,\nsoprano/new.mid,soprano,soprano/new,\n");

        Path out = tmp.resolve("blind");
        BlindEvaluation.Result r;
        try (Workspace ws = SyntheticCorpus.ingest(dsB.resolve("labels.csv"), tmp.resolve("wsB"), 6)) {
            r = RouteEvaluation.blind(ws, run, out, ProgressListener.NONE);
        }
        assertEquals(6, r.files(), r.toText());
        assertEquals(Map.of(CopyKind.BYTE, 1, CopyKind.NOTES, 1, CopyKind.NEAR, 1, CopyKind.LISTED, 1),
                r.copiesByKind(), r.toText());
        assertTrue(r.copies().startsWith("4 of 6 files are copies of the run's " + trained.size()
                + " training files (byte 1, notes 1, near 1, listed 0"
                .replace("listed 0", "listed 1")), r.copies());
        assertTrue(r.copies().contains("compared by notes: 6 of 6 blind files, " + trained.size() + " of "
                + trained.size() + " training files"), r.copies());

        Map<String, CSVRecord> rows = new HashMap<>();
        try (Reader in = Files.newBufferedReader(out.resolve(BlindEvaluation.FILES_CSV))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.put(Path.of(row.get("file")).getFileName().toString() + "/" + row.get("composer"), row);
            }
        }
        assertEquals("byte", rows.get("byte.mid/basso").get("copy"));
        assertEquals(basso.path(), rows.get("byte.mid/basso").get("copy_of"));
        assertEquals("notes", rows.get("notes.mid/basso").get("copy"));
        assertEquals(basso2.path(), rows.get("notes.mid/basso").get("copy_of"));
        assertEquals("near", rows.get("near.mid/soprano").get("copy"));
        assertEquals(soprano.path(), rows.get("near.mid/soprano").get("copy_of"));
        double containment = Double.parseDouble(rows.get("near.mid/soprano").get("copy_containment"));
        assertTrue(containment > 0.4 && containment < 1, "6 changes in 113 shingles: " + containment);
        assertEquals("listed", rows.get("listed.mid/soprano").get("copy"));
        assertEquals(soprano2.path(), rows.get("listed.mid/soprano").get("copy_of"));
        assertEquals("none", rows.get("new.mid/basso").get("copy"));
        assertEquals("none", rows.get("new.mid/soprano").get("copy"));
        assertEquals("", rows.get("new.mid/soprano").get("copy_of"));

        // the figures without the copies are those of the two new pieces, recomputed from the written predictions
        Predictions written = Predictions.readCsv(out.resolve("predictions-windows.csv"));
        Predictions clean = new Predictions(written.classNames(), written.windows().stream()
                .filter(w -> w.file().endsWith("new.mid")).toList());
        var without = r.withoutCopies().orElseThrow();
        assertEquals(2, without.report(Level.PIECE).count());
        assertEquals(clean.report(Level.PIECE).accuracy(), without.report(Level.PIECE).accuracy(), 1e-9);
        assertEquals(clean.report(Level.PIECE).balancedAccuracy(), without.report(Level.PIECE).balancedAccuracy(),
                1e-9);
        assertEquals(clean.windows().size(), without.predictions().windows().size());
        assertEquals(6, r.evaluation().report(Level.PIECE).count());

        String text = r.toText();
        assertTrue(text.contains("all 6 files (6 pieces): piece accuracy "), text);
        assertTrue(text.contains("without the 4 copies of training files (byte 1, notes 1, near 1, listed 1): "
                + "2 files (2 pieces): piece accuracy "), text);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("without the 4 copies of training files (byte 1, notes 1, near 1, listed 1)"), md);
        assertTrue(md.contains("| copies of training files | 4 of 6 files"), md);
        assertTrue(Files.readString(out.resolve("report.html")).contains("without the 4 copies"));
        assertTrue(Files.isRegularFile(out.resolve(BlindEvaluation.WITHOUT_COPIES_DIR).resolve("report.md")));

        List<CSVRecord> summary;
        try (Reader in = Files.newBufferedReader(out.resolve(BlindEvaluation.SUMMARY_CSV))) {
            summary = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
                    .getRecords();
        }
        assertEquals(List.of("all", "without_copies"), summary.stream().map(x -> x.get("set")).toList());
        assertEquals("6", summary.get(0).get("files"));
        assertEquals("2", summary.get(1).get("files"));
        assertEquals("1", summary.get(1).get("left_out_near"));
        assertEquals(r.evaluation().report(Level.PIECE).accuracy(),
                Double.parseDouble(summary.get(0).get("piece_accuracy")), 1e-9);
        assertEquals(without.report(Level.PIECE).accuracy(),
                Double.parseDouble(summary.get(1).get("piece_accuracy")), 1e-9);
        assertEquals(without.baselines(Level.PIECE).stratifiedAccuracy(),
                Double.parseDouble(summary.get(1).get("piece_stratified")), 1e-9);
        assertTrue(Set.of("0.5", "1.0", "0.0").contains(summary.get(1).get("piece_accuracy")));
    }

    @Test
    void trainingFilesAreReadFromZipsAndComparedByContentWhenMissingOrChanged(@TempDir Path tmp) throws Exception {
        Path mid = tmp.resolve("t.mid");
        write(mid, notes(melody("basso", 1), 0.5), 480, 120);
        byte[] bytes = Files.readAllBytes(mid);
        String sha = ContentHash.of(bytes);
        Path zip = tmp.resolve("set.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("basso/t.mid"));
            out.write(bytes);
            out.closeEntry();
        }
        var rule = org.cadenza.corpus.copies.NearCopyRule.DEFAULT;
        var member = TrainingCopies.fingerprint(new RunFiles.Entry(Split.TRAIN, "basso", "basso/t", "basso", sha,
                zip + "!basso/t.mid"), rule);
        assertEquals(org.cadenza.corpus.copies.Fingerprint.of(mid, sha, rule).noteHash(), member.noteHash());
        assertTrue(member.notesProblem().isEmpty(), member.toString());
        var gone = TrainingCopies.fingerprint(new RunFiles.Entry(Split.TRAIN, "basso", "basso/t", "basso", sha,
                zip + "!basso/gone.mid"), rule);
        assertTrue(gone.notesProblem().orElseThrow().startsWith("missing"), gone.toString());
        var changed = TrainingCopies.fingerprint(new RunFiles.Entry(Split.TRAIN, "basso", "basso/t", "basso",
                "0".repeat(64), mid.toString()), rule);
        assertTrue(changed.notesProblem().orElseThrow().startsWith("changed since the run"), changed.toString());
        assertEquals("0".repeat(64), changed.sha256());
    }
}
