package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.Workspace;
import org.cadenza.corpus.WorkspaceBusyException;
import org.cadenza.corpus.WorkspaceLock;
import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.catalog.FileStatus;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.corpus.catalog.Problem;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.corpus.labels.LabelRow;
import org.cadenza.corpus.labels.LabelsCsv;
import org.cadenza.corpus.names.ComposerNames;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.audio.AudioDecoder;
import org.cadenza.io.audio.AudioInfo;
import org.cadenza.io.midi.MidiInfo;
import org.cadenza.io.midi.MidiInspector;
import org.cadenza.io.midi.MidiLimits;
import org.cadenza.io.midi.Note;
import org.cadenza.io.midi.NoteReader;
import org.cadenza.io.midi.NoteSequence;
import org.cadenza.io.score.ScoreFormat;
import org.cadenza.io.score.Scores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings a user's music into a workspace's catalog: finds the files, labels them, validates each one and records
 * the outcome, one committed row per file.
 *
 * <h2>Input</h2>
 * <ul>
 *   <li><b>A folder</b>: the composer is the first folder level under the root, as written, normalised with the
 *       workspace's {@link ComposerNames} ({@code Bach/}, {@code bach/} and {@code J.S. Bach/} are all
 *       {@code bach}; folders that merge are named in a warning). The piece id is the composer id, a slash and the
 *       path under the composer folder without extension ({@code Bach/WTC1/fugue1.mid} → {@code bach/WTC1/fugue1}):
 *       every file is its own piece, so use a labels CSV to keep performances or movements of one piece together.
 *       Music files directly in the root have no composer folder: a score that names its composer (MusicXML
 *       {@code <creator type="composer">}, kern {@code !!!COM}) is labelled by it through the same
 *       {@link ComposerNames}, its file name being its piece; anything else is skipped with a warning. Hidden files and
 *       folders (names starting with '.') and the workspace folder itself are not entered. A {@code labels.csv}
 *       in the root is not used, but a warning suggests ingesting it instead. Symbolic links are followed
 *       (loops and broken links become warnings).</li>
 *   <li><b>A zip archive</b> given directly: read as a folder holding only that zip, so its members are labelled
 *       by their paths inside it, {@code <composer>/...} ({@code set.zip!Bach/WTC1/fugue1.mid} → composer
 *       {@code bach}, piece {@code bach/WTC1/fugue1}); members at its top take the composer from the zip's file
 *       name. An unsafe or corrupt zip is quarantined, as one found in a folder.</li>
 *   <li><b>A labels CSV</b> ({@link LabelsCsv}): composer, piece id, period and split from its columns. Listed
 *       files that do not exist are reported as missing (and recorded as problems).</li>
 * </ul>
 * Music files: {@code .mid .midi .kar} (MIDI), {@code .musicxml .xml .mxl .krn} (scores: MusicXML and Humdrum
 * kern), {@code .wav .flac .mp3 .ogg} (audio) and {@code .zip} archives,
 * whose music members are read with the io module's safe zip reader and extracted to
 * {@code sources/<zip sha256>/<member>} in the workspace (the zip itself is never modified). Zip members take the
 * labels of the zip: in folder mode the zip counts as a folder of the same name (a zip directly in the root takes
 * the composer from its own first folder level, or from its file name for members at its top); in CSV mode all
 * members get the row's labels, piece id included. Everything else (README, .txt, .pdf) is skipped and counted.
 *
 * <h2>Validation and outcome</h2>
 * MIDI files go through {@link MidiInspector#inspect} with the options' {@code MidiLimits}, scores through
 * {@link Scores#read} with the same limits; audio files through
 * {@link AudioDecoder#probe} (header only) and the length limit. A file that fails is catalogued as
 * {@code quarantined} with the exception's {@code problem()} text, recorded as a problem of the run, and the run
 * goes on. A file of 0 bytes is quarantined as {@value #EMPTY_FILE} before anything else, never as a duplicate of
 * another empty file. A file whose bytes (SHA-256) equal an already catalogued file's is catalogued as
 * {@code duplicate} pointing at it, and not validated again. Hashing and validation run on {@link IngestOptions#threads()} threads;
 * rows are written on one thread in file order, so the outcome does not depend on the thread count.
 *
 * <h2>One at a time</h2>
 * An ingest holds the workspace's {@link WorkspaceLock#ingest ingest lock} from start to end; a second ingest on the
 * same workspace, from this or another process, is refused at once with a {@link WorkspaceBusyException} ("another
 * ingest is running on ... since ...; wait for it to finish") and changes nothing.
 *
 * <h2>Idempotent and resumable</h2>
 * A file already catalogued at the same location with the same bytes is skipped, so re-running an ingest, or
 * running it again after a killed run, only adds what is missing. A file whose bytes changed since it was
 * catalogued is validated again and its row updated (with a warning).
 *
 * <p>Source files are only ever read: never modified, moved or deleted.
 */
public final class Ingestor {

    /** Extensions (lower case) read as MIDI. */
    public static final Set<String> MIDI_EXTENSIONS = extensions(ScoreFormat.MIDI);
    /** Extensions (lower case) read as scores: MusicXML and Humdrum kern. */
    public static final Set<String> SCORE_EXTENSIONS = extensions(ScoreFormat.MUSICXML, ScoreFormat.MXL,
            ScoreFormat.KERN);
    /** Extensions (lower case) read as audio. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "flac", "mp3", "ogg");
    /** Extension of archives whose members are ingested. */
    public static final String ZIP_EXTENSION = "zip";
    /** The quarantine reason of a file of 0 bytes (given before any duplicate check: empty files are not copies). */
    public static final String EMPTY_FILE = "empty file (0 bytes)";

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    /** The class holds no state between runs. */
    public Ingestor() {
    }

    /** Labels of a file or zip before validation. */
    record Labels(String composerWritten, String composerId, String pieceId, Optional<String> period,
                  Optional<String> split) {
    }

    /** A music file (or zip member already extracted) waiting for hashing and validation. */
    record Candidate(Path readable, String sourcePath, String absolutePath, Optional<String> member,
                     MediaKind kind, Labels labels) {
        String display() {
            return member.map(m -> sourcePath + "!" + m).orElse(sourcePath);
        }
    }

    /** A zip found in the input, with how its members are labelled. */
    record ZipSource(Path file, String sourcePath, ZipLabelling labelling) {
    }

    /** Labels a zip member from its name inside the zip. */
    interface ZipLabelling {
        /** The member's labels, or empty when it cannot be labelled (the reason goes to the warnings). */
        Optional<Labels> label(String member, List<String> warnings);
    }

    /** Outcome of hashing and validating one candidate, computed on a worker thread. */
    private record Checked(Candidate c, String sha256, long bytes, Optional<CatalogFile> existing,
                           Optional<MediaFacts> facts, Optional<String> problem) {
    }

    private record MediaFacts(Optional<Long> notes, double seconds, List<Integer> programs) {
    }

    /**
     * Ingests a folder, a zip archive or a labels CSV into {@code ws}.
     *
     * @param folderOrCsv a folder laid out {@code <composer>/...}, a {@code .zip} laid out the same way inside (read
     *                    as a folder holding only that zip: see the class comment), or a labels CSV
     * @param progress    one {@code advance} per music file (ok = not quarantined)
     * @return counts, duplicates, quarantined and missing files, warnings
     * @throws BadInputException the input does not exist, is neither a folder, a {@code .zip} nor a {@code .csv},
     *                           holds no music file at all, or the CSV is malformed (line named)
     * @throws WorkspaceBusyException another ingest (in this or another process) is running on {@code ws}: nothing
     *                           was done
     */
    public IngestReport ingest(Workspace ws, Path folderOrCsv, IngestOptions opts, ProgressListener progress) {
        long start = System.nanoTime();
        if (!Files.exists(folderOrCsv)) {
            throw new BadInputException(folderOrCsv, "no such folder or file");
        }
        try (WorkspaceLock lock = WorkspaceLock.ingest(ws)) {
            return ingestLocked(ws, folderOrCsv, opts, progress, start);
        }
    }

    private IngestReport ingestLocked(Workspace ws, Path folderOrCsv, IngestOptions opts, ProgressListener progress,
                                      long start) {
        Discovery d = new Discovery();
        if (Files.isDirectory(folderOrCsv)) {
            discoverFolder(ws, folderOrCsv, d);
        } else if (extension(folderOrCsv).equals("csv")) {
            discoverCsv(ws, folderOrCsv, opts.csvRoot(), d);
        } else if (extension(folderOrCsv).equals(ZIP_EXTENSION)) {
            // read as a folder holding only this zip: its own folders name the composers
            d.zips.add(new ZipSource(folderOrCsv, folderOrCsv.toString(), rootZipLabelling(ws.names(), folderOrCsv)));
        } else {
            throw new BadInputException(folderOrCsv, "expected a folder of music (<composer>/...), a .zip archive "
                    + "of one, or a labels .csv file, got a ." + extension(folderOrCsv) + " file");
        }
        if (d.candidates.isEmpty() && d.zips.isEmpty() && d.missing.isEmpty()) {
            throw new BadInputException(folderOrCsv, "no music files found (looked for ."
                    + String.join(", .", new TreeSet<>(MIDI_EXTENSIONS)) + ", ."
                    + String.join(", .", new TreeSet<>(SCORE_EXTENSIONS)) + ", ."
                    + String.join(", .", new TreeSet<>(AUDIO_EXTENSIONS)) + " and .zip"
                    + (d.nonMusic > 0 ? "; " + d.nonMusic + " other file(s) skipped" : "")
                    + (d.unlabelled > 0 ? "; " + d.unlabelled + " music file(s) directly in the root, outside any "
                    + "composer folder" : "") + ")");
        }
        Catalog catalog = ws.catalog();
        long runId = catalog.startRun("ingest " + folderOrCsv);
        Run run = new Run(ws, runId, opts, ProgressListener.synchronizedListener(progress), d);
        for (Problem p : d.missingProblems(runId)) {
            catalog.recordProblem(p);
        }
        for (ZipSource zip : d.zips) {
            run.expandZip(zip);
        }
        run.validateAndRecord();
        IngestReport report = new IngestReport(runId, folderOrCsv.toString(), d.candidates.size(), run.ingested,
                run.already, d.nonMusic, run.duplicates, run.quarantined, d.missing, d.warnings,
                Duration.ofNanos(System.nanoTime() - start));
        catalog.finishRun(runId, report.counts());
        LOG.info("ingest {}: {} found, {} ingested, {} already catalogued, {} duplicates, {} quarantined",
                folderOrCsv, report.found(), report.ingested(), report.alreadyCatalogued(),
                report.duplicates().size(), report.quarantined().size());
        return report;
    }

    // ------------------------------------------------------------------ discovery

    /** What was found before validation. */
    private static final class Discovery {
        final List<Candidate> candidates = new ArrayList<>();
        final List<ZipSource> zips = new ArrayList<>();
        final List<IngestReport.Entry> missing = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int nonMusic;
        int unlabelled;

        List<Problem> missingProblems(long runId) {
            return missing.stream().map(m -> new Problem(runId, Stage.INGEST, m.path(), m.detail(), Instant.now()))
                    .toList();
        }
    }

    private static void discoverFolder(Workspace ws, Path root, Discovery d) {
        ComposerNames names = ws.names();
        Path absRoot = root.toAbsolutePath().normalize();
        Path wsDir = ws.dir();
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(absRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(absRoot) && (dir.getFileName().toString().startsWith(".") || dir.equals(wsDir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        // with FOLLOW_LINKS only a link whose target cannot be read arrives as a link
                        d.warnings.add(root.resolve(absRoot.relativize(file)) + ": broken symbolic link, skipped");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // unreadable entries, broken symbolic links, and link cycles (FileSystemLoopException)
                    Path shown = root.resolve(absRoot.relativize(file));
                    d.warnings.add(e instanceof java.nio.file.FileSystemLoopException
                            ? shown + ": symbolic link loop, skipped" : "cannot read " + shown + ": " + e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BadInputException(root, "cannot list the folder: " + e, e);
        }
        files.sort(null);
        if (Files.isRegularFile(absRoot.resolve("labels.csv"))) {
            d.warnings.add(root.resolve("labels.csv") + " exists: ingest that file instead of the folder to use its "
                    + "piece ids (folder mode makes every file its own piece)");
        }
        Map<String, SortedSet<String>> foldersById = new TreeMap<>();
        for (Path file : files) {
            Path rel = absRoot.relativize(file);
            String ext = extension(file);
            boolean music = isMusic(ext);
            boolean zip = ext.equals(ZIP_EXTENSION);
            if (file.getFileName().toString().startsWith(".") || (!music && !zip)) {
                d.nonMusic++;
                continue;
            }
            String sourcePath = root.resolve(rel).toString();
            if (rel.getNameCount() < 2) {
                if (zip) {
                    // a zip in the root: its own folders name the composers
                    d.zips.add(new ZipSource(file, sourcePath, rootZipLabelling(names, file)));
                } else {
                    labelFromFile(names, file, sourcePath, root, d);
                }
                continue;
            }
            String folder = rel.getName(0).toString();
            String composerId;
            try {
                composerId = names.toId(folder);
            } catch (IllegalArgumentException e) {
                d.warnings.add("folder '" + folder + "' does not name a composer (" + e.getMessage()
                        + "): " + sourcePath + " skipped");
                d.unlabelled++;
                continue;
            }
            foldersById.computeIfAbsent(composerId, k -> new TreeSet<>()).add(folder);
            String underComposer = slashPath(rel.subpath(1, rel.getNameCount()));
            if (zip) {
                String zipBase = composerId + "/" + stripExtension(underComposer);
                d.zips.add(new ZipSource(file, sourcePath, (member, warnings) -> Optional.of(new Labels(folder,
                        composerId, zipBase + "/" + stripExtension(member), Optional.empty(), Optional.empty()))));
            } else {
                Labels labels = new Labels(folder, composerId, composerId + "/" + stripExtension(underComposer),
                        Optional.empty(), Optional.empty());
                d.candidates.add(new Candidate(file, sourcePath, file.toString(), Optional.empty(),
                        kindOf(ext), labels));
            }
        }
        foldersById.forEach((id, folders) -> {
            if (folders.size() > 1) {
                d.warnings.add("folders " + String.join(" and ", folders.stream().map(f -> "'" + f + "/'").toList())
                        + " in " + root + " all map to composer id '" + id + "': their files are merged");
            }
        });
    }

    private static ZipLabelling rootZipLabelling(ComposerNames names, Path zip) {
        String zipName = stripExtension(zip.getFileName().toString());
        return (member, warnings) -> {
            int slash = member.indexOf('/');
            String folder = slash > 0 ? member.substring(0, slash) : zipName;
            String rest = slash > 0 ? member.substring(slash + 1) : member;
            try {
                String id = names.toId(folder);
                return Optional.of(new Labels(folder, id, id + "/" + stripExtension(rest), Optional.empty(),
                        Optional.empty()));
            } catch (IllegalArgumentException e) {
                warnings.add(zip + "!" + member + ": '" + folder + "' does not name a composer: skipped");
                return Optional.empty();
            }
        };
    }

    private static void discoverCsv(Workspace ws, Path csv, Optional<Path> root, Discovery d) {
        ComposerNames names = ws.names();
        List<LabelRow> rows = root.isPresent() ? LabelsCsv.read(csv, root.get().toAbsolutePath().normalize())
                : LabelsCsv.read(csv);
        if (rows.isEmpty()) {
            throw new BadInputException(csv, "no rows after the header: nothing to ingest");
        }
        Path givenFolder = root.orElse(csv.getParent() == null ? Path.of("") : csv.getParent());
        for (LabelRow row : rows) {
            String sourcePath = givenFolder.resolve(row.writtenPath()).normalize().toString();
            String composerId;
            try {
                composerId = names.toId(row.composerWritten());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(csv, "line " + row.line() + ": composer '" + row.composerWritten()
                        + "': " + e.getMessage(), e);
            }
            Labels labels = new Labels(row.composerWritten(), composerId, row.pieceId(), row.period(), row.split());
            String ext = extension(row.file());
            if (!Files.isRegularFile(row.file())) {
                d.missing.add(new IngestReport.Entry(sourcePath, Files.isDirectory(row.file())
                        ? "is a folder, listed on line " + row.line() + " of " + csv
                        : "not found, listed on line " + row.line() + " of " + csv));
            } else if (ext.equals(ZIP_EXTENSION)) {
                d.zips.add(new ZipSource(row.file(), sourcePath, (member, warnings) -> Optional.of(labels)));
            } else if (isMusic(ext)) {
                d.candidates.add(new Candidate(row.file(), sourcePath, row.file().toString(), Optional.empty(),
                        kindOf(ext), labels));
            } else {
                d.nonMusic++;
                d.warnings.add("line " + row.line() + " of " + csv + ": " + sourcePath
                        + " is not a music file (." + ext + "): skipped");
            }
        }
    }

    // ------------------------------------------------------------------ the run

    private static final class Run {
        final Workspace ws;
        final Catalog catalog;
        final long runId;
        final IngestOptions opts;
        final ProgressListener progress;
        final Discovery d;
        int ingested;
        int already;
        final List<IngestReport.Entry> duplicates = new ArrayList<>();
        final List<IngestReport.Entry> quarantined = new ArrayList<>();

        Run(Workspace ws, long runId, IngestOptions opts, ProgressListener progress, Discovery d) {
            this.ws = ws;
            this.catalog = ws.catalog();
            this.runId = runId;
            this.opts = opts;
            this.progress = progress;
            this.d = d;
        }

        void expandZip(ZipSource zip) {
            ZipExtractor.Result result = ZipExtractor.extract(zip, ws.sourcesDir(), opts.zipLimits(), d.warnings);
            if (result.problem().isPresent()) {
                quarantineZip(zip, result);
                return;
            }
            d.candidates.addAll(result.members());
            d.nonMusic += result.nonMusicMembers();
        }

        private void quarantineZip(ZipSource zip, ZipExtractor.Result result) {
            String abs = zip.file().toAbsolutePath().normalize().toString();
            String problem = result.problem().get();
            Optional<CatalogFile> existing = catalog.findByLocation(abs, Optional.empty());
            if (existing.isPresent() && existing.get().sha256().equals(result.sha256())) {
                already++;
                return;
            }
            CatalogFile row = CatalogFile.builder().setSourcePath(zip.sourcePath()).setAbsolutePath(abs)
                    .setStoredPath(abs).setSha256(result.sha256()).setBytes(result.bytes())
                    .setKind(MediaKind.ARCHIVE).setComposerId(zipComposer(zip)).setComposerWritten(zipComposer(zip))
                    .setPieceId(zipComposer(zip)).quarantined(problem).build();
            if (existing.isPresent()) {
                catalog.updateFile(existing.get().id(), row);
            } else {
                catalog.insertFile(row, runId);
            }
            catalog.recordProblem(new Problem(runId, Stage.INGEST, zip.sourcePath(), problem, Instant.now()));
            quarantined.add(new IngestReport.Entry(zip.sourcePath(), problem));
        }

        private String zipComposer(ZipSource zip) {
            return zip.labelling().label("", new ArrayList<>()).map(Labels::composerId).orElse("unknown");
        }

        void validateAndRecord() {
            List<Candidate> all = d.candidates;
            progress.start("ingest", all.size());
            ExecutorService pool = Executors.newFixedThreadPool(opts.threads(), r -> {
                Thread t = new Thread(r, "cadenza-ingest");
                t.setDaemon(true);
                return t;
            });
            try {
                Deque<Future<Checked>> window = new ArrayDeque<>();
                int next = 0;
                int inFlight = opts.threads() * 4;
                while (next < all.size() || !window.isEmpty()) {
                    while (next < all.size() && window.size() < inFlight) {
                        Candidate c = all.get(next++);
                        window.add(pool.submit(() -> check(c)));
                    }
                    record(window.poll().get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CadenzaException("ingest interrupted; files catalogued so far are kept, rerun to resume", e);
            } catch (ExecutionException e) {
                DiskFullException.rethrowIfDiskFull(e.getCause(), ws.dir());
                throw new CadenzaException("ingest failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
                progress.finish();
            }
        }

        /** Hashes and validates one candidate (worker thread; reads the catalog only). */
        private Checked check(Candidate c) {
            ContentHash.Sized read;
            try {
                read = ContentHash.sized(c.readable());
            } catch (IOException e) {
                return new Checked(c, "", 0, Optional.empty(), Optional.empty(),
                        Optional.of("cannot read the file: " + e));
            }
            String sha = read.sha256();
            long bytes = read.bytes();
            Optional<CatalogFile> existing = catalog.findByLocation(c.absolutePath(), c.member());
            if (existing.isPresent() && existing.get().sha256().equals(sha)) {
                return new Checked(c, sha, bytes, existing, Optional.empty(), Optional.empty());
            }
            if (bytes == 0) {
                // before the duplicate check: all empty files have the same hash, but none is a copy of another
                return new Checked(c, sha, bytes, existing, Optional.empty(), Optional.of(EMPTY_FILE));
            }
            Optional<CatalogFile> original = catalog.findOriginal(sha);
            if (original.isPresent()) {
                // a duplicate: no need to validate the same bytes again
                return new Checked(c, sha, bytes, existing, Optional.empty(), Optional.empty());
            }
            try {
                return new Checked(c, sha, bytes, existing, Optional.of(validate(c)), Optional.empty());
            } catch (DiskFullException e) {
                throw e; // not the file's fault: never a quarantine reason
            } catch (BadInputException e) {
                return new Checked(c, sha, bytes, existing, Optional.empty(), Optional.of(e.problem()));
            } catch (RuntimeException e) {
                LOG.warn("unexpected failure validating {}", c.display(), e);
                return new Checked(c, sha, bytes, existing, Optional.empty(),
                        Optional.of("cannot validate: " + e));
            }
        }

        private MediaFacts validate(Candidate c) {
            if (c.kind() == MediaKind.SCORE) {
                NoteSequence notes = Scores.readNotes(c.readable(), opts.midiLimits(), NoteReader.Pedal.IGNORE);
                if (notes.notes().isEmpty()) {
                    throw new BadInputException(c.readable(), "no notes");
                }
                return new MediaFacts(Optional.of((long) notes.notes().size()), notes.durationSeconds(),
                        notes.notes().stream().filter(n -> !n.isPercussion()).map(Note::program).distinct().sorted()
                                .toList());
            }
            if (c.kind() == MediaKind.MIDI) {
                MidiInfo info = MidiInspector.inspect(c.readable(), opts.midiLimits());
                if (info.noteCount() == 0) {
                    throw new BadInputException(c.readable(), "no notes");
                }
                return new MediaFacts(Optional.of(info.noteCount()), info.durationSeconds(),
                        List.copyOf(info.programs()));
            }
            AudioInfo info = AudioDecoder.probe(c.readable());
            if (info.durationSeconds() > opts.maxAudioSeconds()) {
                throw new BadInputException(c.readable(), String.format(Locale.ROOT,
                        "too long: %.0f s of audio, the limit is %.0f s", info.durationSeconds(),
                        opts.maxAudioSeconds()));
            }
            if (info.durationSeconds() == 0) {
                throw new BadInputException(c.readable(), "no audio: the stream lasts 0 s");
            }
            return new MediaFacts(Optional.empty(), info.durationSeconds(), List.of());
        }

        /** Writes one outcome (main thread, file order): its own committed transaction. */
        private void record(Checked r) {
            Candidate c = r.c();
            if (r.sha256().isEmpty()) {
                // unreadable: nothing to hash, nothing to catalogue
                String problem = r.problem().orElseThrow();
                catalog.recordProblem(new Problem(runId, Stage.INGEST, c.display(), problem, Instant.now()));
                quarantined.add(new IngestReport.Entry(c.display(), problem));
                progress.advance(c.display(), false);
                return;
            }
            Optional<CatalogFile> existing = r.existing();
            if (existing.isPresent() && existing.get().sha256().equals(r.sha256())) {
                already++;
                progress.advance(c.display(), existing.get().status() != FileStatus.QUARANTINED);
                return;
            }
            CatalogFile.Builder b = CatalogFile.builder().setSourcePath(c.sourcePath())
                    .setAbsolutePath(c.absolutePath()).optArchiveMember(c.member().orElse(null))
                    .setStoredPath(c.readable().toAbsolutePath().normalize().toString()).setSha256(r.sha256())
                    .setBytes(r.bytes()).setKind(c.kind()).setComposerId(c.labels().composerId())
                    .setComposerWritten(c.labels().composerWritten()).setPieceId(c.labels().pieceId())
                    .optPeriod(c.labels().period().orElse(null)).optSplit(c.labels().split().orElse(null));
            Optional<CatalogFile> original = r.bytes() == 0 ? Optional.empty() : catalog.findOriginal(r.sha256())
                    .filter(o -> existing.isEmpty() || o.id() != existing.get().id());
            boolean ok = true;
            if (original.isPresent()) {
                CatalogFile kept = original.get();
                b.duplicateOf(kept.id());
                duplicates.add(new IngestReport.Entry(c.display(), kept.displayPath()));
                if (!kept.composerId().equals(c.labels().composerId())) {
                    d.warnings.add(c.display() + " (composer '" + c.labels().composerId() + "') has the same bytes "
                            + "as " + kept.displayPath() + " (composer '" + kept.composerId() + "'): kept as "
                            + "'" + kept.composerId() + "'");
                }
            } else if (r.problem().isPresent()) {
                b.quarantined(r.problem().get());
                ok = false;
                catalog.recordProblem(new Problem(runId, Stage.INGEST, c.display(), r.problem().get(),
                        Instant.now()));
                quarantined.add(new IngestReport.Entry(c.display(), r.problem().get()));
            } else {
                MediaFacts facts = r.facts().orElseThrow(() -> new IllegalStateException(
                        "no validation result for " + c.display()));
                facts.notes().ifPresent(b::optNotes);
                b.optSeconds(facts.seconds()).optPrograms(facts.programs());
                ingested++;
            }
            if (existing.isPresent()) {
                d.warnings.add(c.display() + " changed since it was catalogued: its row was updated");
                // copies of the old bytes recorded as its duplicates take over the old row's role
                catalog.promoteDuplicates(existing.get().id());
                catalog.updateFile(existing.get().id(), b.build());
            } else {
                catalog.insertFile(b.build(), runId);
            }
            progress.advance(c.display(), ok);
        }
    }

    // ------------------------------------------------------------------ helpers

    static MediaKind kindOf(String ext) {
        return MIDI_EXTENSIONS.contains(ext) ? MediaKind.MIDI
                : SCORE_EXTENSIONS.contains(ext) ? MediaKind.SCORE : MediaKind.AUDIO;
    }

    /** Whether a file with this lower-case extension is music Cadenza reads (MIDI, a score or audio). */
    static boolean isMusic(String ext) {
        return MIDI_EXTENSIONS.contains(ext) || SCORE_EXTENSIONS.contains(ext) || AUDIO_EXTENSIONS.contains(ext);
    }

    private static Set<String> extensions(ScoreFormat... formats) {
        Set<String> out = new TreeSet<>();
        for (ScoreFormat f : formats) {
            f.extensions().forEach(e -> out.add(e.substring(1)));
        }
        return Set.copyOf(out);
    }

    /**
     * A music file directly in the root, outside any composer folder: a score that names its composer
     * (MusicXML {@code <creator type="composer">}, kern {@code !!!COM}) is labelled by it, its piece being its file
     * name; anything else is skipped with a warning.
     */
    private static void labelFromFile(ComposerNames names, Path file, String sourcePath, Path root, Discovery d) {
        String ext = extension(file);
        Optional<String> composer = Optional.empty();
        String why = "";
        if (SCORE_EXTENSIONS.contains(ext)) {
            try {
                composer = Scores.read(file, MidiLimits.DEFAULTS, NoteReader.Pedal.IGNORE).metadata().composer();
                why = composer.isEmpty() ? " and the score names no composer" : "";
            } catch (CadenzaException e) {
                why = " and its composer could not be read (" + e.getMessage() + ")";
            }
        }
        if (composer.isPresent()) {
            try {
                String id = names.toId(composer.get());
                d.candidates.add(new Candidate(file, sourcePath, file.toString(), Optional.empty(), MediaKind.SCORE,
                        new Labels(composer.get(), id, id + "/" + stripExtension(file.getFileName().toString()),
                                Optional.empty(), Optional.empty())));
                return;
            } catch (IllegalArgumentException e) {
                why = " and the composer it names, '" + composer.get() + "', is no name (" + e.getMessage() + ")";
            }
        }
        d.unlabelled++;
        d.warnings.add(sourcePath + " lies directly in " + root + ", outside any composer folder" + why
                + ": skipped (move it into <composer>/ or use a labels CSV)");
    }

    /** Lower-case extension without the dot, "" when none. */
    static String extension(Path file) {
        return extension(file.getFileName() == null ? "" : file.getFileName().toString());
    }

    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    static String stripExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    private static String slashPath(Path rel) {
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
