package org.cadenza.corpus.dataset;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.corpus.jobs.FeatureJob;
import org.cadenza.corpus.jobs.RenderJob;
import org.cadenza.features.WindowSpec;
import org.cadenza.io.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark peers' example: ASAP's {@code bach/Fugue/bwv_880/Sun02.mid} is silent for its first 268 s
 * (379 s in all). Counting "the first 180 s" from the first note keeps the 22 windows of music that follow instead
 * of 36 windows of silence. One real file, rendered with the small GM bank (about 10 s).
 */
class RealDataFirstSoundTest {

    @TempDir
    Path tmp;

    @Test
    void firstWindowStartsAtTheFirstNoteAfter268SecondsOfSilence() throws Exception {
        Path sun = RealData.require("the first sound of a real MIDI file", "asap", "bach", "Fugue", "bwv_880",
                "Sun02.mid").toAbsolutePath();
        Path csv = tmp.resolve("labels.csv");
        Files.writeString(csv, "path,composer,piece_id\n\"" + sun + "\",bach,bach/Fugue_bwv_880\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            assertEquals(1, new Ingestor().ingest(ws, csv, IngestOptions.DEFAULTS, ProgressListener.NONE).ingested());
            assertEquals(1, new RenderJob().run(ws, DatasetBuilderTest.SETTINGS, 1, ProgressListener.NONE).done());
            assertEquals(1, new FeatureJob().run(ws, DatasetBuilderTest.FEATURES, DatasetBuilderTest.SETTINGS, 1,
                    ProgressListener.NONE).done());
            DatasetSpec base = DatasetSpec.builder().optMinPiecesPerClass(1).build();
            WindowSpec five = WindowSpec.of(5);
            SplitWindows fromStart = DatasetBuilder.build(ws, DatasetBuilderTest.FEATURES,
                    DatasetBuilderTest.SETTINGS, five, base.toBuilder()
                            .optSelection(WindowSelection.firstSeconds(180)).build(), Split.TRAIN);
            SplitWindows fromNote = DatasetBuilder.build(ws, DatasetBuilderTest.FEATURES,
                    DatasetBuilderTest.SETTINGS, five, base.toBuilder()
                            .optSelection(WindowSelection.firstSecondsFromFirstSound(180)).build(), Split.TRAIN);
            assertEquals(36, fromStart.size(), "180 s of 5-s windows");
            assertEquals(22, fromNote.size(), "only about 111 s of music follow the silence: 22 whole windows");
            assertEquals(0.0, fromStart.windows().get(0).ref().startSeconds());
            double first = fromNote.windows().get(0).ref().startSeconds();
            assertTrue(first > 260 && first < 272, "first note of Sun02 at about 268 s, window starts at " + first);
            float[] silent = fromStart.window(0);
            float[] music = fromNote.window(0);
            assertTrue(DatasetBuilderTest.max(music) > DatasetBuilderTest.max(silent) + 40,
                    "music is louder than the leading silence");
            assertEquals(List.of("bach"), fromNote.classes());
        }
    }
}
