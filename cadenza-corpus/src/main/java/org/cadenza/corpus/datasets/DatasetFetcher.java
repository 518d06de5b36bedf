package org.cadenza.corpus.datasets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.CliName;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.archive.SafeZip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gets a public corpus onto this machine, in the layout Cadenza's datasets use:
 * {@code <root>/<dataset>/<composer>/.../<file>} plus a {@code labels.csv} ({@link FetchedLabel#HEADER}: path, composer,
 * piece_id, work_id, source_path, title, ...), a {@code skipped.csv} listing the files left out and why
 * ({@link SkippedFile}), and a {@code SOURCE.txt} naming the repository, commit and licence. How the files are found
 * and labelled is the dataset's own ({@link PublicDataset}: a metadata CSV for the MIDI corpora, each score's own
 * composer record for the score corpora).
 *
 * <p>Order of preference: a local copy under {@code CADENZA_DATA} (used in place, nothing copied); a copy fetched
 * earlier under the target root; an archive the user downloaded by hand ({@code --from FILE.zip}); a download of the
 * pinned commit from the dataset's home repository. Offline, the error says exactly what to do instead.
 * Downloads resume where they stopped (HTTP range requests); the dataset folder appears only when complete.
 */
public final class DatasetFetcher {

    /** Where the dataset came from. */
    public enum Source { LOCAL_COPY, ALREADY_FETCHED, FROM_ARCHIVE, DOWNLOADED }

    /**
     * The outcome: the folder holding {@code labels.csv}, how many files it lists, and the files of the source left
     * out (from the folder's {@code skipped.csv}; none for a local copy without one).
     */
    public record Result(PublicDataset dataset, Path folder, Source source, int files, List<SkippedFile> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The repositories' archives hold many files besides the music (a score corpus: about 8,000 scores and their
     * other encodings): more entries are allowed than {@link SafeZip.Limits#DEFAULTS}; the size limits stay.
     */
    static final SafeZip.Limits ARCHIVE_LIMITS = new SafeZip.Limits(200_000, SafeZip.Limits.DEFAULTS.maxEntryBytes(),
            SafeZip.Limits.DEFAULTS.maxTotalBytes(), SafeZip.Limits.DEFAULTS.maxCompressionRatio());

    private static final String LABELS = "labels.csv";
    private static final String SKIPPED = "skipped.csv";
    private static final List<String> SKIPPED_HEADER = List.of("source_path", "reason", "detail");
    private static final long MIB = 1 << 20;

    private final HttpClient http;
    private final Optional<Path> localRoot;
    private final java.util.function.Function<PublicDataset, URI> archiveUris;

    /**
     * @param http      the HTTP client used for downloads
     * @param localRoot a folder that may already hold {@code <dataset>/labels.csv} (usually {@code CADENZA_DATA})
     */
    public DatasetFetcher(HttpClient http, Optional<Path> localRoot) {
        this(http, localRoot, PublicDataset::archiveUri);
    }

    /** As above, downloading from {@code archiveUris} instead of the home repositories (mirrors, tests). */
    public DatasetFetcher(HttpClient http, Optional<Path> localRoot,
                          java.util.function.Function<PublicDataset, URI> archiveUris) {
        this.http = Objects.requireNonNull(http, "http");
        this.localRoot = Objects.requireNonNull(localRoot, "localRoot");
        this.archiveUris = Objects.requireNonNull(archiveUris, "archiveUris");
    }

    /** A fetcher that looks at {@code CADENZA_DATA} first and downloads with a 30 s connect timeout. */
    public static DatasetFetcher fromEnvironment() {
        String env = System.getenv("CADENZA_DATA");
        return withLocalRoot(env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env)));
    }

    /** A fetcher that looks in {@code localRoot} first and downloads with a 30 s connect timeout. */
    public static DatasetFetcher withLocalRoot(Optional<Path> localRoot) {
        return new DatasetFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), localRoot);
    }

    /**
     * Makes {@code dataset} available and returns its folder.
     *
     * @param dataset    which corpus
     * @param targetRoot where fetched corpora live ({@code <targetRoot>/<dataset>/}); created when needed
     * @param archive    a zip of the repository at any commit, downloaded by hand; empty to download
     * @param progress   download and unpacking progress
     */
    public Result fetch(PublicDataset dataset, Path targetRoot, Optional<Path> archive, ProgressListener progress) {
        Optional<Path> local = localRoot.map(r -> r.resolve(dataset.id()));
        if (local.isPresent() && Files.isRegularFile(local.get().resolve(LABELS))) {
            return existing(dataset, local.get(), Source.LOCAL_COPY);
        }
        Path folder = targetRoot.resolve(dataset.id());
        if (Files.isRegularFile(folder.resolve(LABELS))) {
            return existing(dataset, folder, Source.ALREADY_FETCHED);
        }
        try {
            Path downloads = Files.createDirectories(targetRoot.resolve(".downloads"));
            Path zip;
            Source source;
            if (archive.isPresent()) {
                zip = archive.get();
                if (!Files.isRegularFile(zip)) {
                    throw new BadInputException(zip, "no such archive file");
                }
                source = Source.FROM_ARCHIVE;
            } else {
                zip = downloads.resolve(dataset.id() + "-" + dataset.commit().substring(0, 12) + ".zip");
                if (!Files.isRegularFile(zip)) {
                    download(dataset, archiveUris.apply(dataset), zip, progress);
                }
                source = Source.DOWNLOADED;
            }
            Unpacked unpacked = unpack(dataset, zip, targetRoot, downloads, progress);
            return new Result(dataset, folder, source, unpacked.files(), unpacked.skipped());
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, targetRoot);
            throw new CadenzaException("could not write " + dataset.id() + " under " + targetRoot + ": " + e.getMessage(), e);
        }
    }

    private static Result existing(PublicDataset dataset, Path folder, Source source) {
        return new Result(dataset, folder, source, countLabelRows(folder.resolve(LABELS)), readSkipped(folder));
    }

    private void download(PublicDataset dataset, URI uri, Path zip, ProgressListener progress) throws IOException {
        Path part = zip.resolveSibling(zip.getFileName() + ".part");
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | UnknownHostException | HttpTimeoutException e) {
            throw offline(dataset, uri, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnknownHostException || e.getCause() instanceof ConnectException) {
                throw offline(dataset, uri, e);
            }
            throw new CadenzaException("downloading " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadenzaException("download of " + uri + " interrupted", e);
        }
        int status = response.statusCode();
        boolean append = status == 206;
        if (status != 200 && status != 206) {
            response.body().close();
            throw new CadenzaException("downloading " + uri + " failed: HTTP " + status
                    + ". Download it by hand and run `cadenza datasets fetch " + dataset.id() + " --from FILE.zip`.");
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1L) + (append ? have : 0);
        // progress in MiB: one advance per MiB received
        progress.start("download " + dataset.id() + " (MiB)", total > 0 ? (total + MIB - 1) / MIB : 0);
        long received = append ? have : 0;
        for (long i = 0; i < received / MIB; i++) {
            progress.advance(uri.toString(), true);
        }
        try (InputStream in = response.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                long before = received / MIB;
                received += n;
                for (long i = before; i < received / MIB; i++) {
                    progress.advance(uri.toString(), true);
                }
            }
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, part); // what was received stays in the .part file: a rerun resumes
            throw e;
        } finally {
            progress.finish();
        }
        Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static CadenzaException offline(PublicDataset dataset, URI uri, Exception e) {
        return new CadenzaException("cannot reach " + uri.getHost() + " to download " + dataset.id()
                + " (offline?). Either set CADENZA_DATA to a folder that holds " + dataset.id()
                + "/labels.csv, or download https://github.com/" + dataset.repository() + " (commit "
                + dataset.commit() + ") as a zip on a machine with internet and run `cadenza datasets fetch "
                + dataset.id() + " --from FILE.zip`.", e);
    }

    /**
     * Unpacks the files the dataset's layout wants, labels them, copies the labelled ones into a staging folder with
     * labels.csv, skipped.csv and SOURCE.txt, then moves the folder into place.
     */
    private Unpacked unpack(PublicDataset dataset, Path zip, Path targetRoot, Path downloads, ProgressListener progress)
            throws IOException {
        DatasetLayout layout = dataset.layout();
        Path extract = downloads.resolve(dataset.id() + "-extract");
        deleteTree(extract);
        String top = topFolder(SafeZip.names(zip, ARCHIVE_LIMITS));
        List<String> files = SafeZip.extract(zip, extract, ARCHIVE_LIMITS,
                        name -> name.startsWith(top) && layout.wanted(name.substring(top.length()))).stream()
                .map(m -> m.name().substring(top.length())).toList();
        Path extractedTop = extract.resolve(top);
        DatasetLayout.Labelling labelling = layout.label(extractedTop, files, progress);
        if (labelling.rows().isEmpty()) {
            throw new BadInputException(zip, "holds no " + layout.expected() + ": is it the " + dataset.repository()
                    + " repository?" + (labelling.skipped().isEmpty() ? ""
                    : " (" + labelling.skipped().size() + " files left out, e.g. " + labelling.skipped().get(0) + ")"));
        }
        Path staging = targetRoot.resolve("." + dataset.id() + ".partial");
        deleteTree(staging);
        Files.createDirectories(staging);
        List<SkippedFile> skipped = new ArrayList<>(labelling.skipped());
        List<FetchedLabel> written = new ArrayList<>();
        Map<String, String> sourceByPath = new HashMap<>();
        progress.start("unpack " + dataset.id(), labelling.rows().size());
        try {
            for (FetchedLabel row : labelling.rows()) {
                Optional<String> error = dataset.knownError(row.sourcePath());
                String earlier = error.isPresent() ? null
                        : sourceByPath.putIfAbsent(row.path().toLowerCase(Locale.ROOT), row.sourcePath());
                if (error.isPresent() || earlier != null) {
                    skipped.add(error.map(e -> new SkippedFile(row.sourcePath(), SkippedFile.Reason.KNOWN_ERROR, e))
                            .orElseGet(() -> new SkippedFile(row.sourcePath(), SkippedFile.Reason.SAME_PATH,
                                    row.path() + " is already " + earlier)));
                    progress.advance(row.sourcePath(), false);
                    continue;
                }
                Path dest = staging.resolve(row.path());
                Files.createDirectories(dest.getParent());
                Files.copy(extractedTop.resolve(row.sourcePath()), dest, StandardCopyOption.REPLACE_EXISTING);
                written.add(row);
                progress.advance(row.path(), true);
            }
        } finally {
            progress.finish();
        }
        writeCsv(staging.resolve(LABELS), FetchedLabel.HEADER, written.stream().map(FetchedLabel::cells).toList());
        if (!skipped.isEmpty()) {
            writeCsv(staging.resolve(SKIPPED), SKIPPED_HEADER, skipped.stream()
                    .map(f -> List.of(f.sourcePath(), f.reason().cliName(), f.detail())).toList());
        }
        Files.writeString(staging.resolve("SOURCE.txt"), "Fetched by Cadenza from https://github.com/"
                + dataset.repository() + "\nCommit: " + dataset.commit() + " (archive " + zip.getFileName() + ")\n"
                + "Licence: " + dataset.licence() + "\n"
                + "Labels: " + layout.labelledBy() + "; " + written.size() + " files"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " left out (" + SKIPPED + ")") + "\n");
        Path folder = targetRoot.resolve(dataset.id());
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(extract);
        return new Unpacked(written.size(), skipped);
    }

    private record Unpacked(int files, List<SkippedFile> skipped) {
    }

    private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader(header.toArray(String[]::new)).build())) {
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        }
    }

    /**
     * GitHub archives put everything under one {@code <repo>-<commit>/} folder: returns it with its slash, or
     * {@code ""} when the members do not share one top folder (a zip of the repository's contents).
     */
    static String topFolder(List<String> names) {
        if (names.isEmpty() || names.get(0).indexOf('/') < 0) {
            return "";
        }
        String top = names.get(0).substring(0, names.get(0).indexOf('/') + 1);
        return names.stream().allMatch(n -> n.startsWith(top)) ? top : "";
    }

    /** The files a fetch left out, as its skipped.csv lists them (none when there is no such file). */
    private static List<SkippedFile> readSkipped(Path folder) {
        Path file = folder.resolve(SKIPPED);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return records(file).stream().map(rec -> new SkippedFile(rec.get("source_path"),
                    CliName.parse(SkippedFile.Reason.class, rec.get("reason"), "reason"), rec.get("detail"))).toList();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, "cannot read the files left out: " + e.getMessage(), e);
        }
    }

    private static int countLabelRows(Path labels) {
        return records(labels).size();
    }

    private static List<CSVRecord> records(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(csv, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
