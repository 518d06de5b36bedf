package org.cadenza.corpus.catalog;

import org.cadenza.io.Parameters;
import java.util.List;
import java.util.Optional;

/**
 * One row of the catalog's {@code files} table: a source file (or a member of a source zip) with its labels and the
 * outcome of validation.
 *
 * @param id              row id (0 before insertion)
 * @param sourcePath      the path as the user gave it (folder or CSV path joined with the relative path)
 * @param absolutePath    absolute, normalised path of the source file (for zip members: of the zip)
 * @param archiveMember   the member name inside the zip, empty for plain files
 * @param storedPath      absolute path of the bytes jobs read: the source file itself, or the copy extracted into
 *                        the workspace's {@code sources/} folder for zip members
 * @param sha256          SHA-256 of the file's bytes, lower-case hex
 * @param bytes           size in bytes
 * @param kind            MIDI or audio
 * @param composerId      normalised composer id ({@code bach}, {@code cpe-bach}, see {@code ComposerNames})
 * @param composerWritten the composer as written in the folder name or labels CSV
 * @param pieceId         piece id; files of one piece must stay in one split
 * @param period          style period, when labelled
 * @param split           {@code train}, {@code val} or {@code test}, when labelled
 * @param status          ingested, quarantined or duplicate
 * @param reason          why quarantined ({@code BadInputException.problem()}), empty otherwise
 * @param duplicateOf     id of the file with the same bytes that was kept, for duplicates
 * @param notes           MIDI note-on count, for valid MIDI files
 * @param seconds         duration in seconds (MIDI with its tempo map, audio from its header), for valid files
 * @param programs        GM programs the MIDI file plays (empty for audio and bad files)
 */
public record CatalogFile(long id, String sourcePath, String absolutePath, Optional<String> archiveMember,
                          String storedPath, String sha256, long bytes, MediaKind kind, String composerId,
                          String composerWritten, String pieceId, Optional<String> period, Optional<String> split,
                          FileStatus status, Optional<String> reason, Optional<Long> duplicateOf,
                          Optional<Long> notes, Optional<Double> seconds, List<Integer> programs) {

    public CatalogFile {
        Parameters.nonNull("sourcePath, absolutePath, archiveMember, storedPath, sha256, kind, composerId, "
                + "composerWritten, pieceId, period, split, status, reason, duplicateOf, notes, seconds",
                sourcePath, absolutePath, archiveMember, storedPath, sha256, kind, composerId, composerWritten, pieceId,
                period, split, status, reason, duplicateOf, notes, seconds);
        programs = List.copyOf(programs);
        if (status == FileStatus.QUARANTINED && reason.isEmpty()) {
            throw new IllegalArgumentException("a quarantined file needs a reason: " + sourcePath);
        }
        if (status == FileStatus.DUPLICATE && duplicateOf.isEmpty()) {
            throw new IllegalArgumentException("a duplicate needs the id of the file it duplicates: " + sourcePath);
        }
    }

    /** The path shown to users: {@code sourcePath}, or {@code zip!member} for archive members. */
    public String displayPath() {
        return archiveMember.map(m -> sourcePath + "!" + m).orElse(sourcePath);
    }

    /** A builder; {@code setX} for required fields, {@code optX} for those with defaults (empty / 0). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this row's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.sourcePath = sourcePath;
        b.absolutePath = absolutePath;
        b.archiveMember = archiveMember;
        b.storedPath = storedPath;
        b.sha256 = sha256;
        b.bytes = bytes;
        b.kind = kind;
        b.composerId = composerId;
        b.composerWritten = composerWritten;
        b.pieceId = pieceId;
        b.period = period;
        b.split = split;
        b.status = status;
        b.reason = reason;
        b.duplicateOf = duplicateOf;
        b.notes = notes;
        b.seconds = seconds;
        b.programs = programs;
        return b;
    }

    /** Builder for {@link CatalogFile}. */
    public static final class Builder {
        private long id;
        private String sourcePath;
        private String absolutePath;
        private Optional<String> archiveMember = Optional.empty();
        private String storedPath;
        private String sha256;
        private long bytes;
        private MediaKind kind;
        private String composerId;
        private String composerWritten;
        private String pieceId;
        private Optional<String> period = Optional.empty();
        private Optional<String> split = Optional.empty();
        private FileStatus status = FileStatus.INGESTED;
        private Optional<String> reason = Optional.empty();
        private Optional<Long> duplicateOf = Optional.empty();
        private Optional<Long> notes = Optional.empty();
        private Optional<Double> seconds = Optional.empty();
        private List<Integer> programs = List.of();

        private Builder() {
        }

        public Builder optId(long id) { this.id = id; return this; }
        public Builder setSourcePath(String v) { this.sourcePath = v; return this; }
        public Builder setAbsolutePath(String v) { this.absolutePath = v; return this; }
        public Builder optArchiveMember(String v) { this.archiveMember = Optional.ofNullable(v); return this; }
        public Builder setStoredPath(String v) { this.storedPath = v; return this; }
        public Builder setSha256(String v) { this.sha256 = v; return this; }
        public Builder setBytes(long v) { this.bytes = v; return this; }
        public Builder setKind(MediaKind v) { this.kind = v; return this; }
        public Builder setComposerId(String v) { this.composerId = v; return this; }
        public Builder setComposerWritten(String v) { this.composerWritten = v; return this; }
        public Builder setPieceId(String v) { this.pieceId = v; return this; }
        public Builder optPeriod(String v) { this.period = Optional.ofNullable(v); return this; }
        public Builder optSplit(String v) { this.split = Optional.ofNullable(v); return this; }
        /** Marks the file ingested (the default) and clears reason and duplicate link. */
        public Builder ingested() {
            this.status = FileStatus.INGESTED;
            this.reason = Optional.empty();
            this.duplicateOf = Optional.empty();
            return this;
        }
        /** Marks the file quarantined with the given reason. */
        public Builder quarantined(String why) {
            this.status = FileStatus.QUARANTINED;
            this.reason = Optional.of(why);
            this.duplicateOf = Optional.empty();
            return this;
        }
        /** Marks the file a duplicate of the row {@code keptId}. */
        public Builder duplicateOf(long keptId) {
            this.status = FileStatus.DUPLICATE;
            this.reason = Optional.empty();
            this.duplicateOf = Optional.of(keptId);
            return this;
        }
        public Builder optNotes(long v) { this.notes = Optional.of(v); return this; }
        public Builder optSeconds(double v) { this.seconds = Optional.of(v); return this; }
        public Builder optPrograms(List<Integer> v) { this.programs = v; return this; }

        public CatalogFile build() {
            return new CatalogFile(id, sourcePath, absolutePath, archiveMember, storedPath, sha256, bytes, kind,
                    composerId, composerWritten, pieceId, period, split, status, reason, duplicateOf, notes, seconds,
                    programs);
        }
    }
}
