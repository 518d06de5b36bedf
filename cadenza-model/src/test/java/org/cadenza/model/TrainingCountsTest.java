package org.cadenza.model;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.dataset.Balancing;
import org.cadenza.corpus.dataset.DatasetSpec;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.features.symbolic.NoteWindowSpec;
import org.cadenza.features.symbolic.SymbolicParams;
import org.cadenza.io.BadInputException;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.model.classical.ClassicalAlgorithm;
import org.cadenza.model.classical.ClassicalConfig;
import org.cadenza.model.notes.NotesSettings;
import org.cadenza.model.notes.NotesTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cadenza.model.run.RunManifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training split's counts (run manifest section), windows once each before oversampling and as trained on. */
class TrainingCountsTest {

    private static final List<String> CLASSES = List.of("bach", "chopin", "liszt");

    @Test
    void roundTripsAndReadsInTheModelsClassOrder(@TempDir Path dir) throws Exception {
        new TrainingCounts(CLASSES, new long[] {3, 2, 1}, new long[] {3, 2, 1}, new long[] {30, 12, 5},
                new long[] {30, 30, 30}).write(dir);
        JsonNode counts = new ObjectMapper().readTree(dir.resolve(RunManifest.FILE).toFile())
                .get(RunManifest.Section.COUNTS.key());
        assertEquals(3, counts.size());
        assertEquals("chopin", counts.get(1).get("label").asText());
        assertEquals(30, counts.get(1).get("windowsTrained").asLong());
        TrainingCounts back = TrainingCounts.read(dir, List.of("liszt", "bach", "chopin", "mozart"));
        assertArrayEquals(new long[] {5, 30, 12, 0}, back.windows());
        assertArrayEquals(new long[] {30, 30, 30, 0}, back.windowsTrained());
        assertArrayEquals(new long[] {1, 3, 2, 0}, back.pieces());
    }

    @Test
    void readsFilesWrittenBeforeWindowsTrainedAndRefusesBadOnes(@TempDir Path dir) throws Exception {
        // runs made before the run manifest kept the counts in train-counts.csv
        Path csv = dir.resolve(TrainingCounts.LEGACY_FILE);
        Files.writeString(csv, "class,files,pieces,windows\nbach,3,3,30\nchopin,2,2,12\n");
        TrainingCounts old = TrainingCounts.read(dir, List.of("bach", "chopin"));
        assertArrayEquals(new long[] {30, 12}, old.windowsTrained());
        Files.writeString(csv, "class,files,pieces,windows\nbach,3,3,30\nravel,2,2,12\n");
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> TrainingCounts.read(dir, List.of("bach", "chopin")));
        assertEquals(csv, unknown.file());
        assertTrue(unknown.problem().contains("'ravel'"), unknown.problem());
        Files.writeString(csv, "class,files,pieces,windows\nbach,3,three,30\n");
        BadInputException number = assertThrows(BadInputException.class,
                () -> TrainingCounts.read(dir, List.of("bach", "chopin")));
        assertTrue(number.problem().startsWith("line 1:"), number.problem());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> TrainingCounts.read(dir.resolve("nowhere"), CLASSES));
        assertTrue(missing.getMessage().contains("train-counts.csv"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingCounts(List.of("a"), new long[] {1},
                new long[] {1}, new long[] {5}, new long[] {4}), "more distinct windows than trained on");
    }

    /** {@code seconds} of quarter notes at 120 BPM from {@code pitch}. */
    private static void melody(Path file, int pitch, int seconds) throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        try {
            for (int i = 0; i < seconds * 2; i++) {
                int p = pitch + (i * 5) % 12;
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, p, 90), i * 480L));
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, p, 0), i * 480L + 400));
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(file.getParent());
        MidiSystem.write(seq, 1, file.toFile());
    }

    @Test
    void oversamplingChangesTheWindowsTrainedOnNotTheWindowsCounted(@TempDir Path tmp) throws Exception {
        Path music = tmp.resolve("music");
        for (int i = 0; i < 12; i++) {
            melody(music.resolve("Bach/b" + i + ".mid"), 40 + i, 12);
        }
        for (int i = 0; i < 5; i++) {
            melody(music.resolve("Chopin/c" + i + ".mid"), 70 + i, 12);
        }
        NotesSettings settings = new NotesSettings(SymbolicParams.defaults(), NoteWindowSpec.parse("4s/4s"),
                OptionalDouble.empty(), NoteReader.Pedal.EXTEND);
        ClassicalConfig knn = ClassicalConfig.defaults(ClassicalAlgorithm.KNN);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            new Ingestor().ingest(ws, music, IngestOptions.DEFAULTS, ProgressListener.NONE);
            NotesTraining.Result plain = NotesTraining.train(ws, settings, DatasetSpec.DEFAULTS, knn,
                    tmp.resolve("plain"), ProgressListener.NONE, 1);
            NotesTraining.Result over = NotesTraining.train(ws, settings, DatasetSpec.DEFAULTS.toBuilder()
                    .optBalancing(Balancing.oversample()).build(), knn, tmp.resolve("over"), ProgressListener.NONE, 1);
            List<String> classes = plain.split().classes();
            assertEquals(List.of("bach", "chopin"), classes);
            TrainingCounts p = TrainingCounts.read(tmp.resolve("plain"), classes);
            TrainingCounts o = TrainingCounts.read(tmp.resolve("over"), classes);
            // without balancing every window is trained on once
            assertArrayEquals(p.windows(), p.windowsTrained());
            assertTrue(p.windows()[0] > p.windows()[1], "bach has more training windows: " + p);
            // oversampling repeats chopin's windows up to bach's number; each is still counted once
            assertArrayEquals(p.windows(), o.windows());
            assertArrayEquals(p.pieces(), o.pieces());
            assertEquals(o.windowsTrained()[0], o.windowsTrained()[1]);
            assertEquals(p.windows()[0], o.windowsTrained()[0]);
            // what the command prints: the rows trained on
            assertArrayEquals(o.windowsTrained(), over.windowsPerClass());

            // the same run folder again: a parameter kNN does not use (trees) is the same model, reused; k is not
            NotesTraining.train(ws, settings, DatasetSpec.DEFAULTS, knn.toBuilder().optTrees(60).build(),
                    tmp.resolve("plain"), ProgressListener.NONE, 1);
            org.cadenza.io.CadenzaException other = assertThrows(org.cadenza.io.CadenzaException.class,
                    () -> NotesTraining.train(ws, settings, DatasetSpec.DEFAULTS, knn.toBuilder().optNeighbours(9)
                            .build(), tmp.resolve("plain"), ProgressListener.NONE, 1));
            assertTrue(other.getMessage().contains("other settings"), other.getMessage());
        }
    }
}
