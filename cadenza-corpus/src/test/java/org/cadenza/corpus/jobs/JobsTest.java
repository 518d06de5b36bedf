package org.cadenza.corpus.jobs;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.StatusReport;
import org.cadenza.corpus.TestMedia;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.Artifact;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.corpus.ingest.IngestOptions;
import org.cadenza.corpus.ingest.IngestReport;
import org.cadenza.corpus.ingest.Ingestor;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.FeatureWindow;
import org.cadenza.features.Spectrogram;
import org.cadenza.features.WindowSpec;
import org.cadenza.features.Windower;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.audio.AudioEncoder;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobsTest {

    /** The small GM bank loads in well under a second; the default FluidR3 takes seconds. */
    static final RenderSettings SETTINGS = RenderSettings.builder()
            .optSoundfont(Soundbanks.installed(Soundbanks.TIMGM6MB))
            .build();
    static final FeatureParams FEATURES = FeatureParams.builder().optNMels(40).build();

    @TempDir
    Path tmp;
    Path root;
    Workspace ws;

    @BeforeEach
    void corpus() throws Exception {
        root = tmp.resolve("music");
        TestMedia.midi(root.resolve("Bach/a.mid"), 0, 60, 62, 64, 65);
        TestMedia.midi(root.resolve("Chopin/b.mid"), 0, 72, 71, 69);
        // 1 s of a 440 Hz sine in stereo at 44.1 kHz, then 0.5 s of silence: decoded, mixed down, resampled, trimmed
        int rate = 44_100;
        float[] stereo = new float[(int) (1.5 * rate) * 2];
        for (int i = 0; i < rate; i++) {
            float v = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
            stereo[2 * i] = v;
            stereo[2 * i + 1] = v;
        }
        Files.createDirectories(root.resolve("Satie"));
        AudioEncoder.write(new AudioClip(stereo, rate, 2), root.resolve("Satie/sine.wav"));
        ws = Workspace.open(tmp.resolve("ws"));
        IngestReport r = new Ingestor().ingest(ws, root, IngestOptions.DEFAULTS, ProgressListener.NONE);
        assertEquals(3, r.ingested(), r.toText());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        ws.close();
    }

    @Test
    void rendersAndFeaturisesThenARerunSkipsEverything() throws Exception {
        String key = SETTINGS.key();
        JobReport render = new RenderJob().run(ws, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(3, render.done(), render.problems().toString());
        assertEquals(0, render.failed());
        assertFalse(render.isPartialFailure());
        for (CatalogFile f : ws.catalog().files(FileStatus.INGESTED)) {
            Artifact a = ws.catalog().artifact(f.sha256(), Stage.RENDER, key, "").orElseThrow();
            Path flac = ws.resolve(a.path());
            assertEquals(ws.audioDir(key).resolve(f.sha256() + ".flac"), flac);
            AudioClip clip = AudioDecoder.decode(flac);
            assertEquals(SETTINGS.sampleRate(), clip.sampleRate());
            assertEquals(1, clip.channels());
            assertEquals(clip.durationSeconds(), a.seconds(), 1e-3);
            if (f.composerId().equals("satie")) {
                // 1 s of sine kept, then RenderSettings.TRIM_KEEP_SECONDS of the silence
                assertEquals(1.0 + RenderSettings.TRIM_KEEP_SECONDS, a.seconds(), 0.01);
            } else {
                assertTrue(a.seconds() > 1.4 && a.seconds() < 2.0 + RenderSettings.RELEASE_LIMIT_SECONDS,
                        f.displayPath() + ": " + a.seconds());
            }
        }

        JobReport features = new FeatureJob().run(ws, FEATURES, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(3, features.done(), features.problems().toString());
        FeatureCache cache = new FeatureCache(ws.featuresDir());
        WindowSpec spec = new WindowSpec(0.5, 0.25);
        List<WindowIndex.WindowRef> windows = WindowIndex.list(ws, FEATURES, SETTINGS, spec);
        assertEquals(windows, WindowIndex.list(ws, FEATURES, spec), "one render setting: it need not be named");
        Map<Long, List<WindowIndex.WindowRef>> byFile = windows.stream()
                .collect(Collectors.groupingBy(WindowIndex.WindowRef::fileId));
        assertEquals(3, byFile.size());
        for (CatalogFile f : ws.catalog().files(FileStatus.INGESTED)) {
            Artifact audio = ws.catalog().artifact(f.sha256(), Stage.RENDER, key, "").orElseThrow();
            Spectrogram s = cache.read(FeatureJob.contentHash(f.sha256(), key), FEATURES).orElseThrow();
            int samples = AudioDecoder.decode(ws.resolve(audio.path())).frames();
            assertEquals(FEATURES.frameCount(samples), s.frames());
            Artifact fa = ws.catalog().artifact(f.sha256(), Stage.FEATURES, FEATURES.key(), key).orElseThrow();
            assertEquals(Optional.of(s.frames()), fa.frames());
            List<FeatureWindow> expected = Windower.windows(s, spec);
            List<WindowIndex.WindowRef> listed = byFile.get(f.id());
            assertEquals(expected.size(), listed.size(), f.displayPath());
            assertTrue(listed.size() >= 3, "1.1 s or more (48+ frames) in 22-frame windows every 11 frames");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).index(), listed.get(i).windowIndex());
                assertEquals(expected.get(i).startSeconds(), listed.get(i).startSeconds(), 1e-9);
                assertEquals(f.pieceId(), listed.get(i).pieceId());
                assertEquals(f.composerId(), listed.get(i).composerId());
            }
        }

        StatusReport status = ws.status();
        assertEquals(3, status.total().rendered());
        assertEquals(3, status.total().featurised());
        assertTrue(status.renderedHours() > 0);

        List<String> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProgressListener recorder = new ProgressListener() {
            @Override public void start(String task, long total) { calls.add("start " + task + " " + total); }
            @Override public void advance(String item, boolean ok) { calls.add("advance " + ok); }
            @Override public void finish() { calls.add("finish"); }
        };
        JobReport render2 = new RenderJob().run(ws, SETTINGS, 2, recorder);
        assertEquals(List.of("start render 3", "advance true", "advance true", "advance true", "finish"), calls);
        assertThrows(IllegalArgumentException.class, () -> new RenderJob().run(ws, SETTINGS, 0, recorder));
        JobReport features2 = new FeatureJob().run(ws, FEATURES, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(List.of(0, 3, 0), List.of(render2.done(), render2.skipped(), render2.failed()));
        assertEquals(List.of(0, 3, 0), List.of(features2.done(), features2.skipped(), features2.failed()));
        assertEquals(5, ws.catalog().runs().size(), "ingest + 4 job runs recorded");
        assertTrue(ws.catalog().runs().stream().allMatch(run -> run.finished().isPresent()));
        assertEquals(3L, ws.catalog().runs().get(4).counts().get("skipped"));
    }

    @Test
    void aSimulatedCrashResumes() throws Exception {
        String key = SETTINGS.key();
        new RenderJob().run(ws, SETTINGS, 1, ProgressListener.NONE);
        new FeatureJob().run(ws, FEATURES, SETTINGS, 1, ProgressListener.NONE);
        List<CatalogFile> files = ws.catalog().files(FileStatus.INGESTED);
        Path audioDir = ws.audioDir(key);
        // killed after the FLAC was moved into place but before its row was written
        assertTrue(ws.catalog().deleteArtifact(files.get(0).sha256(), Stage.RENDER, key, ""));
        // killed while the encoder was writing: a temporary file is left behind
        Path partial = Files.writeString(audioDir.resolve("." + files.get(1).sha256() + ".flac.1234abcd.part"), "x");
        // the FLAC of a file was lost, its row remains
        Path lost = audioDir.resolve(files.get(2).sha256() + ".flac");
        Files.delete(lost);
        Path featureDir = ws.featuresDir().resolve(FeatureCache.paramsFolder(FEATURES));
        Path partialFeatures = Files.writeString(featureDir.resolve("." + files.get(1).sha256() + "-1.tmp"), "x");

        JobReport render = new RenderJob().run(ws, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(List.of(2, 1, 0), List.of(render.done(), render.skipped(), render.failed()));
        assertFalse(Files.exists(partial), "temporary files of the killed run are removed");
        assertTrue(Files.isRegularFile(lost));
        assertTrue(ws.catalog().artifact(files.get(0).sha256(), Stage.RENDER, key, "").isPresent());

        // a feature row is lost, and a feature file is lost
        assertTrue(ws.catalog().deleteArtifact(files.get(0).sha256(), Stage.FEATURES, FEATURES.key(), key));
        Files.delete(new FeatureCache(ws.featuresDir()).pathFor(FeatureJob.contentHash(files.get(1).sha256(), key),
                FEATURES));
        JobReport features = new FeatureJob().run(ws, FEATURES, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(List.of(2, 1, 0), List.of(features.done(), features.skipped(), features.failed()));
        assertFalse(Files.exists(partialFeatures));
        try (Stream<Path> s = Files.list(audioDir)) {
            assertEquals(4, s.count(), "3 FLACs and settings.txt, nothing else");
        }
    }

    @Test
    void aRenderFailureIsRecordedWithoutQuarantine() {
        RenderSettings hopeless = SETTINGS.toBuilder().optTimeLimit(Duration.ofNanos(1)).build();
        JobReport r = new RenderJob().run(ws, hopeless, 2, ProgressListener.NONE);
        assertEquals(2, r.failed(), "both MIDI files exceed a 1 ns time limit: " + r.problems());
        assertEquals(1, r.done(), "the WAV is decoded, not rendered");
        assertTrue(r.isPartialFailure());
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().stream().allMatch(p -> p.stage() == Stage.RENDER), r.problems().toString());
        assertEquals(3, ws.catalog().files(FileStatus.INGESTED).size(), "failing to render does not quarantine");
        assertEquals(2, ws.catalog().stageFailures(Stage.RENDER).size());
        assertEquals(2, ws.catalog().problems(r.runId()).size());
        assertEquals(2, ws.status().total().failed());
        assertEquals(1, ws.status().total().rendered());
        assertTrue(ws.status().toJson().contains("\"failed\" : 2"), ws.status().toJson());

        JobReport f = new FeatureJob().run(ws, FEATURES, SETTINGS, 1, ProgressListener.NONE);
        assertEquals(List.of(1, 0, 2), List.of(f.done(), f.skipped(), f.failed()));
        assertTrue(f.problems().get(0).problem().contains("no rendered audio"), f.problems().toString());

        JobReport retry = new RenderJob().run(ws, SETTINGS, 2, ProgressListener.NONE);
        assertEquals(List.of(2, 1, 0), List.of(retry.done(), retry.skipped(), retry.failed()));
        assertTrue(ws.catalog().stageFailures(Stage.RENDER).isEmpty(), "success clears the failure");
        assertEquals(2, ws.status().total().failed(), "the two feature failures remain until features run again");
    }

    @Test
    void featureSampleRateMustMatchTheRender() {
        FeatureParams other = FeatureParams.builder().optSampleRate(16_000).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureJob().run(ws, other, SETTINGS, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("16000") && e.getMessage().contains("22050"), e.getMessage());
    }
}
