package org.cadenza.corpus.ingest;

import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.catalog.MediaKind;
import org.cadenza.io.BadInputException;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.archive.SafeZip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts the music members of a source zip into {@code sources/<zip sha256>/} through {@link SafeZip} (path
 * traversal, entry count, sizes and compression ratio checked; all or nothing) and turns them into ingest
 * candidates labelled by the zip's labelling rule.
 */
final class ZipExtractor {

    /**
     * Outcome for one zip.
     *
     * @param sha256          SHA-256 of the zip file ("" when it could not be read)
     * @param bytes           its size
     * @param members         the music members, extracted and labelled
     * @param nonMusicMembers members skipped because they are not music
     * @param problem         why the whole zip was refused, if it was
     */
    record Result(String sha256, long bytes, List<Ingestor.Candidate> members, int nonMusicMembers,
                  Optional<String> problem) {
    }

    private ZipExtractor() {
    }

    static Result extract(Ingestor.ZipSource zip, Path sourcesDir, SafeZip.Limits limits, List<String> warnings) {
        ContentHash.Sized read;
        try {
            read = ContentHash.sized(zip.file());
        } catch (IOException e) {
            return new Result("", 0, List.of(), 0, Optional.of("cannot read the zip: " + e));
        }
        String sha = read.sha256();
        long bytes = read.bytes();
        AtomicInteger nonMusic = new AtomicInteger();
        List<SafeZip.Member> extracted;
        try {
            extracted = SafeZip.extract(zip.file(), sourcesDir.resolve(sha), limits, name -> {
                String ext = Ingestor.extension(name.replace('\\', '/'));
                boolean music = Ingestor.isMusic(ext);
                String base = name.replace('\\', '/');
                base = base.substring(base.lastIndexOf('/') + 1);
                if (!music || base.startsWith(".")) {
                    nonMusic.incrementAndGet();
                    return false;
                }
                return true;
            });
        } catch (DiskFullException e) {
            throw e; // the workspace's disk, not the zip: stop the ingest, quarantine nothing
        } catch (BadInputException e) {
            String where = e.file() == null ? "" : e.file().toString();
            int bang = where.indexOf('!');
            String member = bang >= 0 ? " (member " + where.substring(bang + 1) + ")" : "";
            return new Result(sha, bytes, List.of(), nonMusic.get(), Optional.of(e.problem() + member));
        }
        String absolute = zip.file().toAbsolutePath().normalize().toString();
        List<Ingestor.Candidate> members = new ArrayList<>();
        for (SafeZip.Member m : extracted) {
            String name = m.name().replace('\\', '/').replaceAll("^(\\./)+", "");
            Optional<Ingestor.Labels> labels = zip.labelling().label(name, warnings);
            if (labels.isEmpty()) {
                continue;
            }
            String ext = Ingestor.extension(name);
            MediaKind kind = Ingestor.kindOf(ext);
            members.add(new Ingestor.Candidate(m.extracted(), zip.sourcePath(), absolute, Optional.of(m.name()), kind,
                    labels.get()));
        }
        if (extracted.isEmpty()) {
            warnings.add(zip.sourcePath() + " holds no music files");
        }
        return new Result(sha, bytes, members, nonMusic.get(), Optional.empty());
    }
}
