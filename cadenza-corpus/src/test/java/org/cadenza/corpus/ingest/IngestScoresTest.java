package org.cadenza.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.corpus.notes.NoteFiles;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.score.TestScores;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores (MusicXML, kern) through ingest, the notes reader and the renderer, as MIDI files go. */
class IngestScoresTest {

    @TempDir
    Path tmp;

    @Test
    void scoresAreCataloguedReadAndLabelledFromTheirOwnComposerWhereNoFolderSays() throws Exception {
        Path root = tmp.resolve("scores");
        TestScores.kern(root.resolve("Chopin/scale.krn"), null);
        TestScores.musicXml(root.resolve("mozart/scale.musicxml"), "Wolfgang Amadeus Mozart");
        TestScores.kern(root.resolve("loose.krn"), "Moniuszko, Stanisław");
        TestScores.kern(root.resolve("nameless.krn"), null);
        Files.writeString(root.resolve("Chopin/broken.krn"), "**kern\t**kern\n4c\n*-\t*-\n");
        try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
            IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
            Map<String, CatalogFile> files = ws.catalog().files().stream()
                    .collect(Collectors.toMap(f -> root.relativize(Path.of(f.sourcePath())).toString(), f -> f));

            CatalogFile kern = files.get("Chopin/scale.krn");
            assertEquals(MediaKind.SCORE, kern.kind());
            assertEquals(FileStatus.INGESTED, kern.status());
            assertEquals("chopin", kern.composerId());
            assertEquals(Long.valueOf(TestScores.KERN_NOTES), kern.notes().orElseThrow());
            assertEquals(TestScores.KERN_SECONDS, kern.seconds().orElseThrow(), 1e-6);
            assertEquals(java.util.List.of(0), kern.programs());

            assertEquals("mozart", files.get("mozart/scale.musicxml").composerId());
            assertEquals(Long.valueOf(TestScores.MUSICXML_NOTES), files.get("mozart/scale.musicxml").notes()
                    .orElseThrow());

            // outside any composer folder: the score's own !!!COM names the composer, through the alias rules
            CatalogFile loose = files.get("loose.krn");
            assertEquals("moniuszko", loose.composerId());
            assertEquals("Moniuszko, Stanisław", loose.composerWritten());
            assertEquals("moniuszko/loose", loose.pieceId());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("nameless.krn")
                    && w.contains("the score names no composer")), r.warnings().toString());

            CatalogFile broken = files.get("Chopin/broken.krn");
            assertEquals(FileStatus.QUARANTINED, broken.status());
            assertTrue(broken.reason().orElseThrow().contains("line"), broken.reason().orElseThrow());
            assertEquals(1, r.quarantined().size());

            // the notes route reads scores
            assertTrue(NoteFiles.readable(kern));
            assertEquals(TestScores.KERN_NOTES, NoteFiles.read(kern, NoteReader.Pedal.IGNORE).notes().size());
        }
    }

    @Test
    void theAudioRouteRendersAScore() {
        Path krn = TestScores.kern(tmp.resolve("scale.krn"), "Chopin");
        RenderSettings settings = RenderSettings.builder().build();
        try (MidiRenderer renderer = new MidiRenderer(settings)) {
            AudioClip clip = new MusicLoader(renderer).load(krn);
            assertEquals(settings.sampleRate(), clip.sampleRate());
            // 8 s of music, the last notes' release, then the trim
            assertTrue(clip.durationSeconds() > TestScores.KERN_SECONDS - 0.5
                    && clip.durationSeconds() < TestScores.KERN_SECONDS + 3, clip.durationSeconds() + " s");
        }
        assertEquals(MediaKind.SCORE, MusicLoader.kindOf(krn).orElseThrow());
    }
}
