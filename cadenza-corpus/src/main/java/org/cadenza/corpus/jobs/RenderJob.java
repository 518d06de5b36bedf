package org.cadenza.corpus.jobs;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.Artifact;
import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.io.BadInputException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.audio.AudioEncoder;
import org.cadenza.io.audio.Resampler;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns every ingested catalog file into mono FLAC audio at the render sample rate:
 * {@code audio/<render key hash>/<sha256>.flac} in the workspace.
 *
 * <ul>
 *   <li>MIDI files are rendered with one {@link MidiRenderer} per job (thread-safe, soundbank loaded once).</li>
 *   <li>Audio files are decoded ({@link AudioDecoder}, at most {@link RenderSettings#maxSeconds()}), mixed down to
 *       mono, resampled to {@link RenderSettings#sampleRate()} with {@link Resampler} (which logs it), brought to
 *       the level {@link MusicLoader#RECORDING_LEVEL_DBFS}, and their trailing silence below
 *       {@link RenderSettings#trimThresholdDb()} is cut, keeping {@link RenderSettings#TRIM_KEEP_SECONDS} s, as the
 *       renderer does ({@link MusicLoader#load(Path, org.cadenza.corpus.catalog.MediaKind)}).</li>
 * </ul>
 * Duplicates and quarantined files are not processed. Files whose artifact row exists and whose FLAC is present are
 * skipped, so a rerun resumes where a killed run stopped; an artifact row whose file has vanished is dropped and
 * the file redone; temporary files left by a killed run are removed first. The FLAC is written atomically
 * ({@link AudioEncoder}) and its artifact row is inserted only afterwards. A file that fails (e.g. a render
 * time limit) is recorded as a problem and a stage failure (its catalog status stays {@code ingested}; the next run
 * retries it), and the job goes on.
 */
public final class RenderJob {

    /** Renders with the settings' defaults; the class holds no state between runs. */
    public RenderJob() {
    }

    /**
     * Renders or decodes every ingested file that has no audio for {@code settings} yet.
     *
     * @param threads  worker threads (&ge; 1); one render uses one core
     * @param progress receives one {@code advance} per file (skipped ones included)
     * @return counts and one problem per failed file; {@link JobReport#isPartialFailure()} when any failed
     * @throws BadInputException when the soundfont of {@code settings} is missing or corrupt
     */
    public JobReport run(Workspace ws, RenderSettings settings, int threads, ProgressListener progress) {
        return run(ws, settings, threads, progress, ws.catalog().files(FileStatus.INGESTED));
    }

    /**
     * Renders or decodes the given ingested files (e.g. only a training split's, for augmented copies) that have no
     * audio for {@code settings} yet; otherwise as {@link #run(Workspace, RenderSettings, int, ProgressListener)}.
     *
     * @param only the files to do (catalog rows of {@code ws}; duplicates by content are done once)
     */
    public JobReport run(Workspace ws, RenderSettings settings, int threads, ProgressListener progress,
                         List<CatalogFile> only) {
        String key = settings.key();
        Path dir = ws.audioDir(key);
        JobRunner.removeStaleTemporaries(dir, ".part");
        Catalog catalog = ws.catalog();
        List<CatalogFile> files = uniqueBySha(only);
        // the soundbank is loaded only when a MIDI file actually needs rendering (a rerun that skips all is quick)
        LazyRenderer renderer = new LazyRenderer(settings);
        try {
            List<JobRunner.Item> items = new ArrayList<>();
            for (CatalogFile f : files) {
                items.add(new JobRunner.Item(f.displayPath(), f.sha256(),
                        () -> renderOne(ws, f, settings, key, dir, renderer)));
            }
            return JobRunner.run(catalog, Stage.RENDER, key, "", "render " + key, items, threads, progress);
        } finally {
            renderer.close();
        }
    }

    /** One {@link MidiRenderer} per job, created on first use. */
    private static final class LazyRenderer {
        private final RenderSettings settings;
        private MidiRenderer renderer;

        LazyRenderer(RenderSettings settings) {
            this.settings = settings;
        }

        synchronized MidiRenderer get() {
            if (renderer == null) {
                renderer = new MidiRenderer(settings);
            }
            return renderer;
        }

        synchronized void close() {
            if (renderer != null) {
                renderer.close();
            }
        }
    }

    private static boolean renderOne(Workspace ws, CatalogFile f, RenderSettings settings, String key, Path dir,
                                     LazyRenderer renderer) {
        Catalog catalog = ws.catalog();
        Optional<Artifact> existing = catalog.artifact(f.sha256(), Stage.RENDER, key, "");
        if (existing.isPresent()) {
            if (Files.isRegularFile(ws.resolve(existing.get().path()))) {
                return false;
            }
            catalog.deleteArtifact(f.sha256(), Stage.RENDER, key, "");
        }
        AudioClip clip = new MusicLoader(settings, renderer::get).load(Path.of(f.storedPath()), f.kind());
        Path out = dir.resolve(f.sha256() + ".flac");
        AudioEncoder.write(clip, out);
        catalog.putArtifact(new Artifact(f.sha256(), Stage.RENDER, key, "", ws.relativize(out), Optional.empty(),
                clip.durationSeconds(), Instant.now()));
        return true;
    }

    static List<CatalogFile> uniqueBySha(List<CatalogFile> files) {
        Set<String> seen = new LinkedHashSet<>();
        List<CatalogFile> out = new ArrayList<>();
        for (CatalogFile f : files) {
            if (seen.add(f.sha256())) {
                out.add(f);
            }
        }
        return out;
    }
}
