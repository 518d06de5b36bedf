package org.cadenza.corpus;

import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.names.ComposerNames;
import org.cadenza.features.FeatureCache;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Cadenza workspace: one folder holding everything derived from a user's music.
 *
 * <pre>
 * catalog.sqlite                       the catalog (files, artifacts, problems, runs)
 * aliases.csv                          editable composer alias table (alias,id); written with the built-in
 *                                      defaults when the workspace is created
 * sources/&lt;zip sha256&gt;/&lt;member&gt;      members extracted from source zips (source zips are never modified)
 * audio/&lt;render key hash&gt;/&lt;sha256&gt;.flac rendered or decoded mono audio, one folder per RenderSettings.key()
 * features/                            a FeatureCache root (spectrograms keyed by content and parameters)
 * ingest.lock                          the lock an ingest holds while it runs (see {@link WorkspaceLock})
 * </pre>
 *
 * <p>Source files stay where they are and are never modified, moved or deleted. Closing the workspace closes the
 * catalog.
 */
public final class Workspace implements AutoCloseable {

    /** File name of the catalog database. */
    public static final String CATALOG_FILE = "catalog.sqlite";
    /** File name of the alias table. */
    public static final String ALIASES_FILE = "aliases.csv";

    private final Path dir;
    private final Catalog catalog;
    private final ComposerNames names;

    private Workspace(Path dir, Catalog catalog, ComposerNames names) {
        this.dir = dir;
        this.catalog = catalog;
        this.names = names;
    }

    /**
     * Opens the workspace in {@code dir}, creating the folder, its sub-folders, the catalog and the default
     * alias table when absent.
     *
     * @throws CadenzaException when {@code dir} is a file or cannot be created, or the catalog cannot be opened
     * @throws org.cadenza.io.BadInputException when {@code aliases.csv} is malformed (file and line named)
     */
    public static Workspace open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new CadenzaException("workspace " + abs + " is a file, not a folder");
        }
        try {
            Files.createDirectories(abs);
            Files.createDirectories(abs.resolve("sources"));
            Files.createDirectories(abs.resolve("audio"));
            Files.createDirectories(abs.resolve("features"));
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, abs);
            throw new CadenzaException("cannot create the workspace " + abs + ": " + e, e);
        }
        Path aliases = abs.resolve(ALIASES_FILE);
        if (!Files.exists(aliases)) {
            ComposerNames.writeDefaults(aliases);
        }
        ComposerNames names = ComposerNames.load(aliases);
        return new Workspace(abs, Catalog.open(abs.resolve(CATALOG_FILE)), names);
    }

    /** The workspace folder (absolute). */
    public Path dir() {
        return dir;
    }

    /** The catalog. */
    public Catalog catalog() {
        return catalog;
    }

    /** Composer-name normalisation: the built-in aliases overridden by this workspace's {@code aliases.csv}. */
    public ComposerNames names() {
        return names;
    }

    /** Folder of members extracted from source zips. */
    public Path sourcesDir() {
        return dir.resolve("sources");
    }

    /** Root folder of rendered audio. */
    public Path audioRoot() {
        return dir.resolve("audio");
    }

    /**
     * The folder for audio rendered with the settings whose {@code key()} is {@code renderKey}:
     * {@code audio/<first 16 hex digits of sha256(key)>/}. Created on demand, with a {@code settings.txt} holding
     * the full key for people reading the folder.
     */
    public Path audioDir(String renderKey) {
        Path d = audioRoot().resolve(ContentHash.ofKey(renderKey));
        try {
            Files.createDirectories(d);
            Path note = d.resolve("settings.txt");
            if (!Files.exists(note)) {
                Path tmp = Files.createTempFile(d, "settings", ".tmp");
                Files.writeString(tmp, renderKey + System.lineSeparator(), StandardCharsets.UTF_8);
                Files.move(tmp, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, d.resolve("settings.txt"));
            throw new CadenzaException("cannot create the audio folder " + d + ": " + e, e);
        }
        return d;
    }

    /** Root folder of the feature cache. */
    public Path featuresDir() {
        return dir.resolve("features");
    }

    /** The feature cache rooted at {@link #featuresDir()} (where {@code FeatureJob} writes). */
    public FeatureCache featureCache() {
        return new FeatureCache(featuresDir());
    }

    /** An artifact path as stored in the catalog (relative to the workspace, '/' separated). */
    public String relativize(Path file) {
        return dir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Resolves an artifact path stored in the catalog. */
    public Path resolve(String storedPath) {
        return dir.resolve(storedPath).normalize();
    }

    /** Counts per composer and stage, audio hours and the quarantine list. */
    public StatusReport status() {
        return StatusReport.of(catalog);
    }

    /** Closes the catalog. */
    @Override
    public void close() {
        catalog.close();
    }

    @Override
    public String toString() {
        return "Workspace[" + dir + "]";
    }
}
