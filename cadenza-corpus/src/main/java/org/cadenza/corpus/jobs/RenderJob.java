package org.cadenza.corpus.jobs;

import org.cadenza.corpus.MusicLoader;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.Artifact;
import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.RenderSoundbank;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.audio.AudioEncoder;
import org.cadenza.io.audio.Resampler;
import org.cadenza.render.MidiRenderer;
import org.cadenza.render.RenderSettings;
import org.cadenza.render.Soundbanks;
import org.cadenza.render.UsedSoundbank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The soundbank is resolved once per job ({@link RenderSettings#pinned()}: a default soundfont installed while
 * the job runs changes nothing) and recorded in the catalog for the render key, by path and SHA-256
 * ({@link RenderSoundbank}); {@link #renderedWith(Workspace, RenderSettings)} reads it back, so that a training
 * records the bank its audio was really rendered with, not the one the default resolves to later.
 */
public final class RenderJob {

    private static final Logger LOG = LoggerFactory.getLogger(RenderJob.class);

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
    public JobReport run(Workspace ws, RenderSettings requested, int threads, ProgressListener progress,
                         List<CatalogFile> only) {
        RenderSettings settings = requested.pinned();
        String key = settings.key();
        Path dir = ws.audioDir(key);
        JobRunner.removeStaleTemporaries(dir, ".part");
        Catalog catalog = ws.catalog();
        recordSoundbank(catalog, key, settings);
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

    /**
     * Records which soundbank renders with {@code key} use, unless the catalog already names the same file (hashing
     * a large soundfont takes a moment; done once per key).
     */
    private static void recordSoundbank(Catalog catalog, String key, RenderSettings pinned) {
        Optional<Path> file = Soundbanks.resolve(pinned.soundfont());
        Optional<RenderSoundbank> known = catalog.renderSoundbank(key);
        if (known.isPresent() && known.get().soundfontPath().equals(file.map(Path::toString))) {
            return;
        }
        UsedSoundbank bank = UsedSoundbank.of(pinned.soundfont());
        catalog.putRenderSoundbank(new RenderSoundbank(key, bank.file().map(Path::toString), bank.sha256(),
                Instant.now()));
    }

    /**
     * Render settings as the workspace's audio was really made with them.
     *
     * @param settings  {@code requested} with the soundbank pinned ({@link org.cadenza.render.Soundbanks#JDK_BANK}
     *                  or a file), so that its {@link RenderSettings#key()} is the key of that audio
     * @param soundbank the bank, from the catalog's record of the render job; empty when not known (nothing rendered
     *                  with these settings yet, or rendered by a Cadenza that did not record it and with a file no
     *                  longer found)
     */
    public record RenderedWith(RenderSettings settings, Optional<UsedSoundbank> soundbank) {
    }

    /**
     * The settings and soundbank that the workspace's audio for {@code requested} was rendered with: what training
     * must read and record, rather than what the default soundfont resolves to now.
     *
     * <ul>
     *   <li>An explicit soundfont: that file (its recorded hash when the catalog has one).</li>
     *   <li>The default (empty soundfont): the audio whose key is the default's now, when rendered; otherwise the
     *       one rendering of these settings with another bank (the default changed between {@code render} and now:
     *       a warning says so). Several such renderings and none with the default of now is refused.</li>
     * </ul>
     *
     * @throws CadenzaException when the default changed and audio from several other banks exists
     */
    public static RenderedWith renderedWith(Workspace ws, RenderSettings requested) {
        Catalog catalog = ws.catalog();
        if (requested.soundfont().isPresent()) {
            RenderSettings pinned = requested.pinned();
            String key = pinned.key();
            return new RenderedWith(pinned, Optional.of(recorded(catalog, key)
                    .orElseGet(() -> UsedSoundbank.of(pinned.soundfont()))));
        }
        String now = requested.key();
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> row : catalog.query("SELECT DISTINCT params_key AS k FROM artifacts "
                + "WHERE stage = 'render' ORDER BY k")) {
            keys.add((String) row.get("k"));
        }
        if (keys.contains(now) || keys.stream().noneMatch(k -> sameSettingsOtherBank(requested, k))) {
            RenderSettings pinned = requested.pinned();
            Optional<UsedSoundbank> bank = recorded(catalog, now);
            return new RenderedWith(pinned, Optional.of(bank.orElseGet(() -> UsedSoundbank.of(pinned.soundfont()))));
        }
        List<String> other = keys.stream().filter(k -> sameSettingsOtherBank(requested, k)).toList();
        if (other.size() > 1) {
            throw new CadenzaException(ws.dir() + ": the default soundfont is now "
                    + UsedSoundbank.of(Optional.empty()).describe() + ", with which nothing was rendered, and the "
                    + "audio of these settings was rendered with " + other.size() + " other soundbanks ("
                    + String.join(", ", other.stream().map(RenderSettings::soundbankOfKey).toList())
                    + "): pass --soundfont to say which");
        }
        String key = other.get(0);
        Optional<UsedSoundbank> bank = recorded(catalog, key);
        String identity = RenderSettings.soundbankOfKey(key);
        if (bank.isEmpty() && identity.equals(Soundbanks.JDK_EMERGENCY)) {
            bank = Optional.of(UsedSoundbank.jdk());
        }
        if (bank.isEmpty()) {
            // rendered before the catalog recorded banks: a default soundfont of the same name and size
            for (Path p : Soundbanks.defaultSearchPath()) {
                if (Files.isRegularFile(p) && Soundbanks.identity(Optional.of(p)).equals(identity)) {
                    bank = Optional.of(UsedSoundbank.of(Optional.of(p)));
                    break;
                }
            }
        }
        if (bank.isEmpty()) {
            LOG.warn("{}: the audio of these settings was rendered with the soundbank {}, which is not found here "
                    + "and the default soundfont is now {}: pass --soundfont", ws.dir(), identity,
                    UsedSoundbank.of(Optional.empty()).describe());
            return new RenderedWith(requested, Optional.empty());
        }
        LOG.warn("{}: the audio was rendered with {}; the default soundfont is now {}. Training reads (and the run "
                + "records) the audio as rendered; `cadenza render` again to use the new default", ws.dir(),
                bank.get().describe(), UsedSoundbank.of(Optional.empty()).describe());
        return new RenderedWith(requested.toBuilder().optSoundfont(bank.get().pin()).build(), bank);
    }

    /** Whether {@code key} is the key of {@code settings} with some soundbank. */
    private static boolean sameSettingsOtherBank(RenderSettings settings, String key) {
        try {
            return key.equals(settings.keyWithSoundbank(RenderSettings.soundbankOfKey(key)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<UsedSoundbank> recorded(Catalog catalog, String key) {
        return catalog.renderSoundbank(key).map(r -> new UsedSoundbank(r.soundfontPath().map(Path::of), r.sha256()));
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
