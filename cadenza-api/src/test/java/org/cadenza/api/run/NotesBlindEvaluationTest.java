package org.cadenza.api.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.features.symbolic.SymbolicParams;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;


/** Blind evaluation of a notes run: blind-files.csv gives each file the number of windows it was predicted from. */
class NotesBlindEvaluationTest {

    /** 4-s windows every 4 s: a file of n seconds of notes gives about n / 4 windows. */
    private static final NotesSettings SETTINGS = new NotesSettings(SymbolicParams.defaults(),
            NoteWindowSpec.parse("4s/4s"), OptionalDouble.empty(), NoteReader.Pedal.EXTEND);

    /** Builds a labels CSV of (path, composer, notes) rows under {@code root} and ingests it into {@code wsDir}. */
    private static Workspace corpus(Path root, Path wsDir, Object[][] files) throws Exception {
        StringBuilder csv = new StringBuilder("path,composer,piece_id\n");
        for (int k = 0; k < files.length; k++) {
            String path = (String) files[k][0];
            String composer = (String) files[k][1];
            // a pitch of its own per file: no two files are the same bytes
            SyntheticCorpus.piece(root.resolve(path), composer, k, (Integer) files[k][2]);
            csv.append(path).append(',').append(composer).append(',').append(path.replace(".mid", "")).append('\n');
        }
        Files.writeString(root.resolve("labels.csv"), csv);
        return SyntheticCorpus.ingest(root.resolve("labels.csv"), wsDir, files.length);
    }

    @Test
    void blindFilesGiveTheWindowsOfEachFile(@TempDir Path tmp) throws Exception {
        Object[][] training = new Object[12][];
        for (int k = 0; k < 6; k++) {
            training[k] = new Object[] {"basso/p" + k + ".mid", "basso", 32};
            training[6 + k] = new Object[] {"soprano/p" + k + ".mid", "soprano", 32};
        }
        Path run = tmp.resolve("run");
        try (Workspace ws = corpus(tmp.resolve("dsA"), tmp.resolve("wsA"), training)) {
            RouteTrainingRun.notes(ws, SETTINGS, DatasetSpec.DEFAULTS,
                    ClassicalConfig.defaults(ClassicalAlgorithm.KNN), run, ProgressListener.NONE, 1);
        }
        // blind files of 8, 16 and 32 quarter notes at 120 BPM (4, 8 and 16 s), and a composer the run never saw
        Object[][] blind = {
            {"basso/short.mid", "basso", 8}, {"basso/long.mid", "basso", 32}, {"soprano/mid.mid", "soprano", 16},
            {"alto/a.mid", "alto", 16},
        };
        Path out = tmp.resolve("blind");
        int total;
        try (Workspace ws = corpus(tmp.resolve("dsB"), tmp.resolve("wsB"), blind)) {
            BlindEvaluation.Result r = RouteEvaluation.blind(ws, run, out, ProgressListener.NONE);
            assertEquals(3, r.files());
            total = r.windows();
        }
        Map<String, CSVRecord> rows = new HashMap<>();
        try (Reader in = Files.newBufferedReader(out.resolve(BlindEvaluation.FILES_CSV))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.put(row.get("file"), row);
            }
        }
        assertEquals(4, rows.size(), rows.keySet().toString());
        int sum = 0;
        for (String name : List.of("basso/short.mid", "basso/long.mid", "soprano/mid.mid")) {
            CSVRecord row = rows.entrySet().stream().filter(e -> e.getKey().endsWith(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not in " + rows.keySet())).getValue();
            int expected = NotesTraining.windowsOf(NoteReader.read(tmp.resolve("dsB").resolve(name)), SETTINGS).size();
            assertEquals("evaluated", row.get("status"), name);
            assertEquals(Integer.toString(expected), row.get("windows"), name);
            sum += expected;
        }
        // 4 s of notes make one window, 16 s four: the counts are the files' own, not 1 each
        CSVRecord shortRow = rows.entrySet().stream().filter(e -> e.getKey().endsWith("short.mid")).findFirst()
                .orElseThrow().getValue();
        CSVRecord longRow = rows.entrySet().stream().filter(e -> e.getKey().endsWith("long.mid")).findFirst()
                .orElseThrow().getValue();
        assertEquals("1", shortRow.get("windows"));
        assertEquals("4", longRow.get("windows"));
        CSVRecord alto = rows.entrySet().stream().filter(e -> e.getKey().endsWith("alto/a.mid")).findFirst()
                .orElseThrow().getValue();
        assertEquals("0", alto.get("windows"));
        assertEquals(total, sum, "the files' counts add up to the windows evaluated");
    }
}
