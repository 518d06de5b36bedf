package org.cadenza.corpus.jobs;

import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.WindowRecipe;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.catalog.Artifact;
import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.features.FeatureCache;
import org.cadenza.features.FeatureExtractor;
import org.cadenza.features.FeatureParams;
import org.cadenza.features.Spectrogram;
import org.cadenza.io.BadInputException;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.audio.AudioClip;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.render.RenderSettings;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes spectrogram features of every rendered file and stores them in the workspace's {@link FeatureCache}
 * ({@code features/}).
 *
 * <p>Input is the FLAC the {@link RenderJob} wrote with {@code renderedWith}; features are keyed in the cache by
 * {@link #contentHash(String, String) sha256-renderhash} (the same source rendered two ways gives two entries) and
 * {@link FeatureParams#key()}. One {@link FeatureExtractor} per worker thread. Files already featurised (row and
 * cache file present) are skipped; temporary files of a killed run are removed first; a file without rendered audio
 * (render failed or not run) or whose computation fails is recorded as a problem and the job goes on.
 */
public final class FeatureJob {

    /** The class holds no state between runs. */
    public FeatureJob() {
    }

    /**
     * The feature-cache content hash of a source file rendered with settings of key {@code renderKey}:
     * {@code <sha256>-<first 16 hex digits of sha256(renderKey)>}.
     */
    public static String contentHash(String sha256, String renderKey) {
        return sha256 + "-" + ContentHash.ofKey(renderKey);
    }

    /**
     * Featurises every ingested file rendered with {@code renderedWith}.
     *
     * @param params       feature parameters; {@code params.sampleRate()} must equal
     *                     {@code renderedWith.sampleRate()} (nothing is resampled here)
     * @param renderedWith the settings the audio was rendered with (selects {@code audio/<hash>/})
     * @param threads      worker threads (&ge; 1)
     * @throws IllegalArgumentException when the sample rates differ
     */
    public JobReport run(Workspace ws, FeatureParams params, RenderSettings renderedWith, int threads,
                         ProgressListener progress) {
        return run(ws, params, renderedWith, threads, progress, ws.catalog().files(FileStatus.INGESTED));
    }

    /**
     * Featurises the given ingested files rendered with {@code renderedWith}; otherwise as
     * {@link #run(Workspace, FeatureParams, RenderSettings, int, ProgressListener)}.
     *
     * @param only the files to do (catalog rows of {@code ws}; duplicates by content are done once)
     */
    public JobReport run(Workspace ws, FeatureParams params, RenderSettings renderedWith, int threads,
                         ProgressListener progress, List<CatalogFile> only) {
        WindowRecipe.requireSameRate(params, renderedWith);
        String renderKey = renderedWith.key();
        String paramsKey = params.key();
        FeatureCache cache = ws.featureCache();
        JobRunner.removeStaleTemporaries(ws.featuresDir().resolve(FeatureCache.paramsFolder(params)), ".tmp");
        Catalog catalog = ws.catalog();
        ThreadLocal<FeatureExtractor> extractors = ThreadLocal.withInitial(() -> new FeatureExtractor(params));
        List<JobRunner.Item> items = new ArrayList<>();
        for (CatalogFile f : RenderJob.uniqueBySha(only)) {
            items.add(new JobRunner.Item(f.displayPath(), f.sha256(),
                    () -> featuriseOne(ws, cache, extractors.get(), f, params, paramsKey, renderKey)));
        }
        return JobRunner.run(catalog, Stage.FEATURES, paramsKey, renderKey,
                "features " + paramsKey + " from " + renderKey, items, threads, progress);
    }

    private static boolean featuriseOne(Workspace ws, FeatureCache cache, FeatureExtractor extractor, CatalogFile f,
                                        FeatureParams params, String paramsKey, String renderKey) {
        Catalog catalog = ws.catalog();
        String hash = contentHash(f.sha256(), renderKey);
        Optional<Artifact> existing = catalog.artifact(f.sha256(), Stage.FEATURES, paramsKey, renderKey);
        if (existing.isPresent()) {
            if (Files.isRegularFile(ws.resolve(existing.get().path()))) {
                return false;
            }
            catalog.deleteArtifact(f.sha256(), Stage.FEATURES, paramsKey, renderKey);
        }
        Artifact audio = catalog.artifact(f.sha256(), Stage.RENDER, renderKey, "").orElseThrow(() ->
                new BadInputException(Path.of(f.storedPath()), "no rendered audio for these render settings "
                        + "(the render failed or has not run): run the render job first"));
        Path flac = ws.resolve(audio.path());
        AudioClip clip = AudioDecoder.decode(flac).toMono();
        Spectrogram spectrogram = extractor.compute(clip);
        Path written;
        try {
            written = cache.write(hash, spectrogram);
        } catch (UncheckedIOException e) {
            DiskFullException.rethrowIfDiskFull(e, cache.pathFor(hash, params));
            throw e;
        }
        catalog.putArtifact(new Artifact(f.sha256(), Stage.FEATURES, paramsKey, renderKey, ws.relativize(written),
                Optional.of(spectrogram.frames()), clip.durationSeconds(), Instant.now()));
        return true;
    }
}
