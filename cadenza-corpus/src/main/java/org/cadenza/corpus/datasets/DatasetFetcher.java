package org.cadenza.corpus.datasets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gets a public MIDI corpus onto this machine, in the layout Cadenza's datasets use:
 * {@code <root>/<dataset>/<composer>/.../<file>.mid} plus a {@code labels.csv} ({@code path,composer,piece_id,...}).
 *
 * <p>Order of preference: a local copy under {@code CADENZA_DATA} (used in place, nothing copied); a copy fetched
 * earlier under the target root; an archive the user downloaded by hand ({@code --from FILE.zip}); a download of the
 * pinned commit from the dataset's home repository. Offline, the error says exactly what to do instead.
 * Downloads resume where they stopped (HTTP range requests); the dataset folder appears only when complete.
 */
public final class DatasetFetcher {

    /** Where the dataset came from. */
    public enum Source { LOCAL_COPY, ALREADY_FETCHED, FROM_ARCHIVE, DOWNLOADED }

    /** The outcome: the folder holding {@code labels.csv} and how many MIDI files it lists. */
    public record Result(PublicDataset dataset, Path folder, Source source, int files) {
    }

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
        if (localRoot.isPresent()) {
            Path local = localRoot.get().resolve(dataset.id());
            if (Files.isRegularFile(local.resolve("labels.csv"))) {
                return new Result(dataset, local, Source.LOCAL_COPY, countLabelRows(local.resolve("labels.csv")));
            }
        }
        Path folder = targetRoot.resolve(dataset.id());
        if (Files.isRegularFile(folder.resolve("labels.csv"))) {
            return new Result(dataset, folder, Source.ALREADY_FETCHED, countLabelRows(folder.resolve("labels.csv")));
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
            int files = unpack(dataset, zip, targetRoot, downloads, progress);
            return new Result(dataset, folder, source, files);
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, targetRoot);
            throw new CadenzaException("could not write " + dataset.id() + " under " + targetRoot + ": " + e.getMessage(), e);
        }
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

    /** Unpacks the MIDI files and the source metadata, writes labels.csv, then moves the folder into place. */
    private int unpack(PublicDataset dataset, Path zip, Path targetRoot, Path downloads, ProgressListener progress)
            throws IOException {
        Path extract = downloads.resolve(dataset.id() + "-extract");
        deleteTree(extract);
        List<SafeZip.Member> members = SafeZip.extract(zip, extract, SafeZip.Limits.DEFAULTS, name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".mid") || lower.endsWith(".midi") || lower.endsWith("/" + dataset.metadataFile());
        });
        Path top = commonTop(members, zip);
        Path metadata = top.resolve(dataset.metadataFile());
        if (!Files.isRegularFile(metadata)) {
            throw new BadInputException(zip, "holds no " + dataset.metadataFile() + " at its top level: is it the "
                    + dataset.repository() + " repository?");
        }
        Map<String, Path> byLowerPath = new HashMap<>();
        for (SafeZip.Member m : members) {
            byLowerPath.put(top.relativize(m.extracted()).toString().replace('\\', '/').toLowerCase(Locale.ROOT),
                    m.extracted());
        }
        List<LabelRow> rows = dataset == PublicDataset.ASAP ? asapRows(metadata) : pianoMidiRows(metadata);

        Path staging = targetRoot.resolve("." + dataset.id() + ".partial");
        deleteTree(staging);
        Files.createDirectories(staging);
        progress.start("unpack " + dataset.id(), rows.size());
        List<LabelRow> written = new ArrayList<>();
        try {
            for (LabelRow row : rows) {
                Path source = byLowerPath.get(row.sourcePath().toLowerCase(Locale.ROOT));
                if (source == null) {
                    progress.advance(row.sourcePath(), false);
                    continue;
                }
                Path dest = staging.resolve(row.path());
                Files.createDirectories(dest.getParent());
                Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                written.add(row);
                progress.advance(row.path(), true);
            }
        } finally {
            progress.finish();
        }
        try (Writer w = Files.newBufferedWriter(staging.resolve("labels.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("path", "composer", "piece_id", "work_id", "source_path", "title").build())) {
            for (LabelRow r : written) {
                csv.printRecord(r.path(), r.composer(), r.pieceId(), r.workId(), r.sourcePath(), r.title());
            }
        }
        Files.writeString(staging.resolve("SOURCE.txt"), "Fetched by Cadenza from https://github.com/"
                + dataset.repository() + "\nCommit: " + dataset.commit() + " (archive " + zip.getFileName() + ")\n"
                + "Licence: " + dataset.licence() + "\n");
        Path folder = targetRoot.resolve(dataset.id());
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(extract);
        return written.size();
    }

    /** One line of the labels.csv written for a fetched dataset. */
    record LabelRow(String path, String composer, String pieceId, String workId, String sourcePath, String title) {
    }

    /** ASAP's metadata.csv: one row per performance; the score MIDI of a folder is listed on every row. */
    static List<LabelRow> asapRows(Path metadata) throws IOException {
        Map<String, LabelRow> rows = new LinkedHashMap<>();
        for (CSVRecord r : readCsv(metadata)) {
            String composer = r.get("composer").trim();
            String id = composer.toLowerCase(Locale.ROOT);
            String title = r.get("title").trim();
            String piece = id + "/" + title;
            for (String column : new String[] {"midi_score", "midi_performance"}) {
                String src = r.get(column).trim();
                if (!src.isEmpty()) {
                    rows.putIfAbsent(src, new LabelRow(lowerFirstSegment(src), id, piece, piece, src, title));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * piano-midi.de metadata.csv ({@code composer,title,year,midi,duration}): one file per movement; the work id
     * strips a trailing {@code _<number>} from the title when at least two titles of the composer share the rest,
     * so that the movements of one work stay on one side of a split.
     */
    static List<LabelRow> pianoMidiRows(Path metadata) throws IOException {
        List<CSVRecord> records = readCsv(metadata);
        Map<String, Integer> stems = new HashMap<>();
        for (CSVRecord r : records) {
            stems.merge(r.get("composer").trim().toLowerCase(Locale.ROOT) + "/" + workStem(r.get("title").trim()), 1,
                    Integer::sum);
        }
        List<LabelRow> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            String src = r.get("midi").trim();
            String composer = r.get("composer").trim().toLowerCase(Locale.ROOT);
            String title = r.get("title").trim();
            String file = src.substring(src.lastIndexOf('/') + 1);
            String path = composer + "/" + file;
            String stem = file.replaceFirst("\\.[^.]+$", "");
            String work = composer + "/" + workStem(title);
            rows.add(new LabelRow(path, composer, composer + "/" + stem,
                    stems.getOrDefault(work, 0) >= 2 ? work : composer + "/" + title, src, title));
        }
        return rows;
    }

    static String workStem(String title) {
        return title.replaceFirst("_\\d+$", "");
    }

    private static String lowerFirstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash).toLowerCase(Locale.ROOT) + path.substring(slash);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    /** GitHub archives put everything under one {@code <repo>-<commit>/} folder; returns it (or the root). */
    private static Path commonTop(List<SafeZip.Member> members, Path zip) {
        if (members.isEmpty()) {
            throw new BadInputException(zip, "holds no MIDI files");
        }
        Path first = members.get(0).extracted();
        Path candidate = first.getParent();
        while (candidate != null) {
            Path c = candidate;
            if (members.stream().allMatch(m -> m.extracted().startsWith(c))
                    && Files.isRegularFile(c.resolve("metadata.csv"))) {
                return c;
            }
            candidate = candidate.getParent();
        }
        return first.getParent();
    }

    private static int countLabelRows(Path labels) {
        try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords().size();
        } catch (IOException e) {
            throw new BadInputException(labels, "cannot read labels: " + e.getMessage(), e);
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
