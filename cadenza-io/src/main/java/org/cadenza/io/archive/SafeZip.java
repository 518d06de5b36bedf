package org.cadenza.io.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.InputFiles;
import org.cadenza.io.ResourceLimitException;
import org.cadenza.io.TempFiles;

/**
 * Extracts chosen members of a {@code .zip} archive (read with {@link java.util.zip.ZipFile}) under a destination
 * folder, safely:
 * <ul>
 *   <li>never outside the destination: names that are absolute ({@code /x}, {@code \x}, {@code //server/x}), carry
 *       a drive letter or any colon ({@code C:x}, {@code a.mid:stream}), contain a {@code ..} segment or control
 *       characters are rejected; backslashes count as separators; a member is never written through a symbolic
 *       link that leads outside the destination;</li>
 *   <li>zip bombs are stopped mid-stream: the bytes actually inflated are counted (header sizes are not trusted) against
 *       the per-member and total limits and the compression ratio;</li>
 *   <li>each member's inflated size and CRC-32 are checked against its header;</li>
 *   <li>members are always written as plain files: an entry stored as a Unix symbolic link (which
 *       {@code java.util.zip} cannot tell apart) becomes a small file holding the link's target text, never a
 *       link;</li>
 *   <li>all or nothing: when a rule is broken, the files this call extracted (and any partial file) are deleted
 *       before the exception is thrown. Members are written under a temporary name and renamed when complete.</li>
 * </ul>
 * Violations are {@link ResourceLimitException} (limits) or {@link BadInputException} (names, corruption), whose
 * {@code file()} is {@code archive.zip!member} and whose message names the rule. Member names are read as UTF-8,
 * falling back to the ZIP standard's IBM437 for archives whose names are not valid UTF-8.
 */
public final class SafeZip {

    /**
     * The compression ratio is only checked once a member has inflated this many bytes (1 MiB), so that small,
     * very compressible files (a short silent WAV, a text full of spaces) pass.
     */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    private static final Charset IBM437 = Charset.forName("IBM437");

    /**
     * Limits of an extraction.
     *
     * @param maxEntries          most entries (members, folders included) the archive may hold, &gt; 0;
     *                            default 10,000
     * @param maxEntryBytes       most bytes one member may inflate to, &gt; 0; default 256 MiB
     * @param maxTotalBytes       most bytes all extracted members together may inflate to, &gt; 0; default 2 GiB
     * @param maxCompressionRatio highest inflated / compressed size ratio of a member (checked past
     *                            {@link #RATIO_GRACE_BYTES}), &gt; 1; default 200
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxCompressionRatio) {

        /** 10,000 entries, 256 MiB per member, 2 GiB in all, compression ratio 200. */
        public static final Limits DEFAULTS = new Limits(10_000, 256L << 20, 2L << 30, 200);

        public Limits {
            if (maxEntries <= 0) {
                throw new IllegalArgumentException("maxEntries must be > 0, got " + maxEntries);
            }
            if (maxEntryBytes <= 0) {
                throw new IllegalArgumentException("maxEntryBytes must be > 0, got " + maxEntryBytes);
            }
            if (maxTotalBytes <= 0) {
                throw new IllegalArgumentException("maxTotalBytes must be > 0, got " + maxTotalBytes);
            }
            if (!(maxCompressionRatio > 1) || Double.isInfinite(maxCompressionRatio)) {
                throw new IllegalArgumentException("maxCompressionRatio must be finite and > 1, got "
                        + maxCompressionRatio);
            }
        }
    }

    /**
     * An extracted member.
     *
     * @param name      the member's name as stored in the archive
     * @param extracted where it was written, under the destination folder
     * @param bytes     its size in bytes (as inflated)
     */
    public record Member(String name, Path extracted, long bytes) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(extracted, "extracted");
        }
    }

    private SafeZip() {
    }

    /**
     * Extracts the members whose name {@code wanted} accepts (folders are skipped) under {@code destDir}, keeping
     * their relative paths.
     *
     * @param zip     the archive
     * @param destDir destination folder, created if missing; existing files of the same names are replaced
     * @param limits  size, count and ratio limits
     * @param wanted  chooses members by their name as stored, e.g. {@code n -> n.toLowerCase().endsWith(".mid")}
     * @return the extracted members, in archive order
     * @throws BadInputException      missing, unreadable, empty or not a zip; corrupt member; unsafe or duplicate
     *                                member name
     * @throws ResourceLimitException too many entries, a member or the total too large, too high a compression
     *                                ratio
     * @throws DiskFullException      the disk under {@code destDir} filled up (what this call extracted is
     *                                deleted)
     */
    public static List<Member> extract(Path zip, Path destDir, Limits limits, Predicate<String> wanted) {
        InputFiles.requireReadable(zip, "a zip archive", "a zip archive");
        Path dest;
        try {
            Files.createDirectories(destDir);
            dest = destDir.toRealPath();
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, destDir);
            throw new CadenzaException("cannot create the destination folder " + destDir + ": " + e, e);
        }
        List<Member> done = new ArrayList<>();
        boolean ok = false;
        try (ZipFile zf = open(zip, limits)) {
            long[] total = {0};
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !wanted.test(name)) {
                    continue;
                }
                String relative = safeRelativeName(zip, name);
                if (!seen.add(relative)) {
                    throw new BadInputException(memberPath(zip, name), "duplicate member name: the archive holds"
                            + " more than one '" + relative + "'");
                }
                done.add(extractOne(zf, zip, entry, dest, relative, limits, total));
            }
            ok = true;
            return Collections.unmodifiableList(done);
        } catch (IOException e) {
            throw new BadInputException(zip, "cannot read the archive: " + e, e);
        } finally {
            if (!ok) {
                for (Member m : done) {
                    TempFiles.deleteQuietly(m.extracted());
                }
            }
        }
    }

    /**
     * The names of the archive's members as stored, folders left out, in archive order: to choose what to
     * {@link #read} (nothing is extracted).
     *
     * @throws BadInputException      missing, unreadable, empty or not a zip
     * @throws ResourceLimitException more entries than {@link Limits#maxEntries()}
     */
    public static List<String> names(Path zip, Limits limits) {
        try (ZipFile zf = open(zip, limits)) {
            return zf.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).toList();
        } catch (IOException e) {
            throw new BadInputException(zip, "cannot read the archive: " + e, e);
        }
    }

    /**
     * One member's bytes, read into memory with the checks of {@link #extract} (entry count, bytes actually
     * inflated against the per-member and total limits and the compression ratio, size and CRC-32 against the
     * header); for a member a reader parses at once, such as the score of a compressed MusicXML file.
     *
     * @param name the member's name as stored ({@link #names})
     * @throws BadInputException      missing, unreadable, empty or not a zip; no such member; corrupt member
     * @throws ResourceLimitException too many entries, the member too large, too high a compression ratio
     */
    public static byte[] read(Path zip, String name, Limits limits) {
        try (ZipFile zf = open(zip, limits)) {
            ZipEntry entry = zf.getEntry(name);
            Path where = memberPath(zip, name);
            if (entry == null || entry.isDirectory()) {
                throw new BadInputException(where, "no such member in the archive");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entry.getSize(), 0),
                    Math.min(limits.maxEntryBytes(), 1 << 24)));
            try (InputStream in = memberStream(zf, entry, where)) {
                copyChecked(in, out, entry, where, limits, new long[1]);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BadInputException(zip, "cannot read the archive: " + e, e);
        }
    }

    /** Opens a readable archive whose entry count is within the limits. */
    private static ZipFile open(Path zip, Limits limits) throws IOException {
        InputFiles.requireReadable(zip, "a zip archive", "a zip archive");
        ZipFile zf = open(zip);
        if (zf.size() > limits.maxEntries()) {
            int size = zf.size();
            zf.close();
            throw new ResourceLimitException(zip, String.format(Locale.ROOT,
                    "too many entries: %,d, over the limit of %,d", size, limits.maxEntries()));
        }
        return zf;
    }

    private static InputStream memberStream(ZipFile zf, ZipEntry entry, Path where) {
        try {
            return zf.getInputStream(entry);
        } catch (IOException e) {
            throw new BadInputException(where, "cannot read the member (compression method " + entry.getMethod()
                    + "): " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path zip) {
        try {
            ZipFile zf = new ZipFile(zip.toFile());
            try {
                // names are decoded lazily; fail here, not halfway through the extraction
                zf.stream().forEach(ZipEntry::getName);
                return zf;
            } catch (IllegalArgumentException notUtf8) {
                zf.close();
                return new ZipFile(zip.toFile(), IBM437);
            }
        } catch (ZipException e) {
            throw new BadInputException(zip, "not a zip archive, or a corrupt one: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(zip, "cannot read the archive: " + e, e);
        }
    }

    /** The member's path relative to the destination, or a BadInputException naming the broken rule. */
    static String safeRelativeName(Path zip, String name) {
        Path where = memberPath(zip, name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new BadInputException(where, "unsafe member name: control character 0x"
                        + Integer.toHexString(c) + " in the name");
            }
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) {
            throw new BadInputException(where, "unsafe member name: absolute path");
        }
        if (n.indexOf(':') >= 0) {
            throw new BadInputException(where, "unsafe member name: drive letter or colon in the name");
        }
        List<String> parts = new ArrayList<>();
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                throw new BadInputException(where, "unsafe member name: '..' would leave the destination folder");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        if (parts.isEmpty()) {
            throw new BadInputException(where, "unsafe member name: empty after removing '.' and '/'");
        }
        return String.join("/", parts);
    }

    private static Member extractOne(ZipFile zf, Path zip, ZipEntry entry, Path dest, String relative,
                                     Limits limits, long[] total) throws IOException {
        String name = entry.getName();
        Path where = memberPath(zip, name);
        Path target = dest.resolve(relative).normalize();
        if (!target.startsWith(dest) || target.equals(dest)) {
            throw new BadInputException(where, "unsafe member name: resolves outside the destination folder");
        }
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            DiskFullException.rethrowIfDiskFull(e, parent);
            throw new CadenzaException("cannot create " + parent + " for " + where + ": " + e, e);
        }
        if (!parent.toRealPath().startsWith(dest)) {
            throw new BadInputException(where, "unsafe destination: a symbolic link under " + dest
                    + " leads outside it");
        }
        Path tmp = parent.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        long bytes;
        boolean moved = false;
        try (InputStream in = memberStream(zf, entry, where);
             OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            bytes = copyChecked(in, out, entry, where, limits, total);
            out.close();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            // a failure to write is the workspace's disk, not the archive: never "cannot read the archive"
            DiskFullException.rethrowIfDiskFull(e, target);
            throw e;
        } finally {
            if (!moved) {
                TempFiles.deleteQuietly(tmp);
            }
        }
        return new Member(name, target, bytes);
    }

    /**
     * Copies one member's inflated bytes from {@code in} to {@code out}, counting them against the per-member and
     * total limits and the compression ratio as they come, then checks the size and CRC-32 against the header.
     *
     * @param total the bytes inflated so far by this call, all members together; updated
     * @return the member's inflated size, bytes
     */
    private static long copyChecked(InputStream in, OutputStream out, ZipEntry entry, Path where, Limits limits,
                                    long[] total) throws IOException {
        long compressed = Math.max(1, entry.getCompressedSize());
        long bytes = 0;
        CRC32 crc = new CRC32();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = read(in, buf, where)) > 0) {
            bytes += n;
            total[0] += n;
            if (bytes > limits.maxEntryBytes()) {
                throw new ResourceLimitException(where, String.format(Locale.ROOT,
                        "member too large: inflated past %,d bytes, the per-member limit (header says %,d)",
                        limits.maxEntryBytes(), entry.getSize()));
            }
            if (total[0] > limits.maxTotalBytes()) {
                throw new ResourceLimitException(where, String.format(Locale.ROOT,
                        "archive too large: extracted members inflated past %,d bytes, the total limit",
                        limits.maxTotalBytes()));
            }
            if (bytes > RATIO_GRACE_BYTES && (double) bytes / compressed > limits.maxCompressionRatio()) {
                throw new ResourceLimitException(where, String.format(Locale.ROOT,
                        "compression ratio over %.0f (%,d bytes inflated from %,d compressed): a zip bomb?",
                        limits.maxCompressionRatio(), bytes, entry.getCompressedSize()));
            }
            crc.update(buf, 0, n);
            out.write(buf, 0, n);
        }
        if (entry.getSize() >= 0 && entry.getSize() != bytes) {
            throw new BadInputException(where, String.format(Locale.ROOT,
                    "corrupt member: inflated to %,d bytes, its header says %,d", bytes, entry.getSize()));
        }
        if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
            throw new BadInputException(where, String.format(Locale.ROOT,
                    "corrupt member: CRC-32 %08x, its header says %08x", crc.getValue(), entry.getCrc()));
        }
        return bytes;
    }

    private static int read(InputStream in, byte[] buf, Path where) {
        try {
            return in.read(buf);
        } catch (IOException e) {
            throw new BadInputException(where, "corrupt member: cannot inflate it: " + e.getMessage(), e);
        }
    }

    /** {@code archive.zip!member}, with characters a path cannot hold replaced by '?'. */
    static Path memberPath(Path zip, String name) {
        StringBuilder clean = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            clean.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return Path.of(zip + "!" + clean);
    }
}
