package org.cadenza.api.run;

import org.cadenza.io.Parameters;
import org.cadenza.model.run.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cadenza.corpus.ContentHash;
import org.cadenza.corpus.catalog.CatalogFile;
import org.cadenza.corpus.copies.CopyIndex;
import org.cadenza.corpus.copies.CopyKind;
import org.cadenza.corpus.copies.Fingerprint;
import org.cadenza.corpus.copies.NearCopyRule;
import org.cadenza.corpus.dataset.Split;

/**
 * Which files of a blind corpus are copies of the files a run was trained on, found from the files themselves (no
 * labels CSV needed), on any corpus:
 *
 * <ol>
 *   <li>{@code byte}: the same SHA-256 as a training file (the catalog's content hash, {@value RunFiles#FILE}'s
 *       {@code sha256});</li>
 *   <li>{@code notes}: other bytes, the same notes ({@link org.cadenza.corpus.copies.NoteHash}: other track names,
 *       tempo events, resolution or velocities);</li>
 *   <li>{@code near}: the same music in another encoding or performance ({@link NearCopyRule#DEFAULT}: the same
 *       first 120 pitches, or a top-voice shingle containment of at least 0.25);</li>
 *   <li>{@code listed}: none of the above, but the {@code near_duplicates} column of the blind file's labels CSV
 *       names a training file ({@link NearDuplicates}).</li>
 * </ol>
 * The training files are read where {@value RunFiles#FILE} says they are (zip members from their zip) and compared by
 * content hash only when they are recordings, cannot be read, are missing or have changed since the run (another
 * SHA-256); the same for blind files that are recordings. A file of an audio run is compared by its notes as long as
 * the catalogued file is the MIDI it was rendered from.
 */
public final class TrainingCopies {

    /**
     * A blind file's training original.
     *
     * @param kind          how it is a copy: byte, notes, near or listed
     * @param trainingPath  the training file, as {@value RunFiles#FILE} names it
     * @param trainingPiece its piece
     * @param containment   the near-copy containment of the two files' top-voice shingles, 0..1 (1 for byte and
     *                      note copies; NaN for listed copies whose notes were not compared)
     */
    public record Copy(CopyKind kind, String trainingPath, String trainingPiece, double containment) {

        public Copy {
            Parameters.nonNull("kind, trainingPath, trainingPiece", kind, trainingPath, trainingPiece);
        }

        /** {@code near 0.62 of /data/asap/chopin/.../midi_score.mid} as written in blind-files.csv. */
        public String describe() {
            return kind.id() + (Double.isNaN(containment) || kind != CopyKind.NEAR ? ""
                    : String.format(Locale.ROOT, " %.2f", containment)) + " of " + trainingPath;
        }
    }

    private final Map<Long, Copy> copies;
    private final Map<Long, Boolean> comparedByNotes;
    private final int trainingFiles;
    private final Map<String, String> trainingWithoutNotes;
    private final boolean runFilesKnown;

    private TrainingCopies(Map<Long, Copy> copies, Map<Long, Boolean> comparedByNotes, int trainingFiles,
                           Map<String, String> trainingWithoutNotes, boolean runFilesKnown) {
        this.copies = copies;
        this.comparedByNotes = comparedByNotes;
        this.trainingFiles = trainingFiles;
        this.trainingWithoutNotes = trainingWithoutNotes;
        this.runFilesKnown = runFilesKnown;
    }

    /**
     * @param blind    the blind corpus's files
     * @param runFiles the run's files ({@value RunFiles#FILE}); without them nothing can be compared
     * @param listed   the near-duplicates the blind files' labels CSV names ({@link NearDuplicates#find})
     * @param rule     the near-copy rule
     */
    static TrainingCopies find(Collection<CatalogFile> blind, Optional<List<RunFiles.Entry>> runFiles,
                               NearDuplicates.Found listed, NearCopyRule rule) {
        if (runFiles.isEmpty()) {
            return new TrainingCopies(Map.of(), Map.of(), 0, Map.of(), false);
        }
        List<RunFiles.Entry> training = runFiles.get().stream().filter(e -> e.split() == Split.TRAIN).toList();
        Map<RunFiles.Entry, Fingerprint> prints = new ConcurrentHashMap<>();
        training.parallelStream().forEach(e -> prints.put(e, fingerprint(e, rule)));
        Map<RunFiles.Entry, Fingerprint> ordered = new LinkedHashMap<>();
        training.forEach(e -> ordered.put(e, prints.get(e)));
        CopyIndex<RunFiles.Entry> index = new CopyIndex<>(ordered, rule);
        Map<String, String> withoutNotes = new LinkedHashMap<>();
        index.withoutNotes().forEach((e, why) -> withoutNotes.put(e.path(), why));

        Map<Long, Copy> copies = new ConcurrentHashMap<>();
        Map<Long, Boolean> byNotes = new ConcurrentHashMap<>();
        blind.parallelStream().forEach(f -> {
            Fingerprint p = f.kind().hasNotes() ? Fingerprint.of(Path.of(f.storedPath()), f.sha256(), rule)
                    : Fingerprint.ofContent(f.sha256(), "a recording");
            byNotes.put(f.id(), p.noteHash().isPresent());
            index.copyOf(p).ifPresent(m -> copies.put(f.id(),
                    new Copy(m.kind(), m.of().path(), m.of().pieceId(), m.containment())));
        });
        // the labels CSV's near_duplicates column, where nothing stronger was found
        for (Map.Entry<Long, List<NearDuplicates.Match>> e : listed.matches().entrySet()) {
            if (copies.containsKey(e.getKey())) {
                continue;
            }
            e.getValue().stream().filter(m -> m.entry().split() == Split.TRAIN).findFirst().ifPresent(m ->
                    copies.put(e.getKey(), new Copy(CopyKind.LISTED, m.entry().path(), m.entry().pieceId(),
                            Double.NaN)));
        }
        return new TrainingCopies(Map.copyOf(copies), Map.copyOf(byNotes), training.size(), withoutNotes, true);
    }

    /** The training file {@code fileId} (a blind catalog id) is a copy of, if any. */
    public Optional<Copy> of(long fileId) {
        return Optional.ofNullable(copies.get(fileId));
    }

    /** The files among {@code ids} that are copies of training files. */
    public Set<Long> among(Collection<Long> ids) {
        Set<Long> out = new TreeSet<>();
        ids.stream().filter(copies::containsKey).forEach(out::add);
        return out;
    }

    /** Copies among {@code ids} by kind, every kind but {@link CopyKind#NONE} present (0 when none). */
    public Map<CopyKind, Integer> countByKind(Collection<Long> ids) {
        Map<CopyKind, Integer> out = new EnumMap<>(CopyKind.class);
        for (CopyKind k : CopyKind.values()) {
            if (k != CopyKind.NONE) {
                out.put(k, 0);
            }
        }
        ids.stream().map(copies::get).filter(Objects::nonNull).forEach(c -> out.merge(c.kind(), 1, Integer::sum));
        return out;
    }

    /** Whether the run lists its files, so that anything could be compared. */
    public boolean known() {
        return runFilesKnown;
    }

    /**
     * One sentence about the blind files {@code ids}: "3 of 40 files are copies of the run's 120 training files
     * (byte 1, notes 1, near 1, listed 0); compared by notes: 39 of 40 blind files, 118 of 120 training files (2 by
     * content hash only: a recording, ...)".
     */
    public String describe(Collection<Long> ids) {
        if (!runFilesKnown) {
            return "not known: the run has no " + RunFiles.FILE + " (trained before it was written; "
                    + "TrainingRun.recordExisting adds it)";
        }
        Map<CopyKind, Integer> byKind = countByKind(ids);
        StringBuilder b = new StringBuilder();
        b.append(among(ids).size()).append(" of ").append(ids.size()).append(" files are copies of the run's ")
                .append(trainingFiles).append(" training files (").append(kinds(byKind)).append("); compared by notes: ")
                .append(ids.stream().filter(id -> comparedByNotes.getOrDefault(id, false)).count()).append(" of ")
                .append(ids.size()).append(" blind files, ").append(trainingFiles - trainingWithoutNotes.size())
                .append(" of ").append(trainingFiles).append(" training files");
        if (!trainingWithoutNotes.isEmpty()) {
            Map<String, Integer> why = new LinkedHashMap<>();
            trainingWithoutNotes.values().forEach(w -> why.merge(w.startsWith("missing") ? "missing"
                    : w.startsWith("changed") ? "changed since the run" : w.equals("a recording") ? w
                    : "unreadable", 1, Integer::sum));
            b.append(" (the others by content hash only: ").append(why.toString().replaceAll("[{}]", ""))
                    .append(')');
        }
        return b.toString();
    }

    /** "byte 1, notes 0, near 2, listed 0". */
    static String kinds(Map<CopyKind, Integer> byKind) {
        StringBuilder b = new StringBuilder();
        byKind.forEach((k, n) -> b.append(b.length() == 0 ? "" : ", ").append(k.id()).append(' ').append(n));
        return b.toString();
    }

    /** A training file's fingerprint, read where the run found it; by content hash only when that fails. */
    static Fingerprint fingerprint(RunFiles.Entry e, NearCopyRule rule) {
        String path = e.path();
        int bang = path.indexOf('!');
        try {
            if (bang > 0) {
                Path tmp = Files.createTempFile("cadenza-training-", "-" + Path.of(path.substring(bang + 1))
                        .getFileName());
                try (ZipFile zip = new ZipFile(path.substring(0, bang))) {
                    ZipEntry member = zip.getEntry(path.substring(bang + 1));
                    if (member == null) {
                        return Fingerprint.ofContent(e.sha256(), "missing: " + path);
                    }
                    try (InputStream in = zip.getInputStream(member)) {
                        Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    return checked(e, tmp, rule);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            Path file = Path.of(path);
            if (!Files.isRegularFile(file)) {
                return Fingerprint.ofContent(e.sha256(), "missing: " + path);
            }
            return checked(e, file, rule);
        } catch (IOException | RuntimeException ex) {
            return Fingerprint.ofContent(e.sha256(), "missing: " + path + " (" + ex.getMessage() + ")");
        }
    }

    private static Fingerprint checked(RunFiles.Entry e, Path file, NearCopyRule rule) throws IOException {
        if (!ContentHash.of(file).equals(e.sha256())) {
            return Fingerprint.ofContent(e.sha256(), "changed since the run: " + e.path());
        }
        return Fingerprint.of(file, e.sha256(), rule);
    }
}
