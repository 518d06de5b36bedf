package org.cadenza.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.cadenza.io.BadInputException;
import org.cadenza.io.TempFiles;

/**
 * Spectrograms on disk, keyed by (content hash of the audio, {@link FeatureParams#key()}), readable without
 * decoding the audio again.
 *
 * <p>Layout: {@code dir/<first 12 hex digits of SHA-256(params.key())>/<contentHash>.bin}. File format (all
 * little-endian):
 * <pre>
 *   8 bytes  magic "CDZSPEC\0"
 *   int32    format version ({@value #FORMAT_VERSION})
 *   int32    length L of the params key in bytes, then L bytes UTF-8 {@link FeatureParams#key()}
 *   int32    frames, int32 bins
 *   float32  frames * bins values, frame-major ([frame][bin])
 *   int32    CRC-32 of every preceding byte
 * </pre>
 * {@link #write} is atomic: it writes a temporary file in the target folder and renames it with
 * {@link StandardCopyOption#ATOMIC_MOVE}, so readers never see a half-written file and concurrent writers of the same
 * entry leave one complete copy. {@link #read} refuses, with a {@link BadInputException} naming the file and the
 * problem, a file that is truncated, corrupt (bad magic, version or checksum) or written with other parameters.
 * Thread-safe (no mutable state).
 */
public final class FeatureCache {

    /** Version of the binary layout. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "CDZSPEC\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONTENT_HASH = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_KEY_BYTES = 1 << 16;

    private final Path dir;

    /** A cache rooted at {@code dir} (created on first write). */
    public FeatureCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The cache's root folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Where the entry for ({@code contentHash}, {@code params}) lives.
     *
     * @param contentHash identifies the audio content, e.g. a hex SHA-256; letters, digits, {@code _} and {@code -},
     *                    1 to 128 characters (so it cannot escape the folder)
     */
    public Path pathFor(String contentHash, FeatureParams params) {
        Objects.requireNonNull(params, "params");
        if (contentHash == null || !CONTENT_HASH.matcher(contentHash).matches()) {
            throw new IllegalArgumentException("FeatureCache: content hash must be 1-128 letters, digits, '_' or '-', "
                    + "got \"" + contentHash + "\"");
        }
        return dir.resolve(paramsFolder(params)).resolve(contentHash + ".bin");
    }

    /** The folder name for {@code params}: the first 12 hex digits of SHA-256 of {@link FeatureParams#key()}. */
    public static String paramsFolder(FeatureParams params) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(params.key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether an entry exists for ({@code contentHash}, {@code params}) (it is not validated). */
    public boolean contains(String contentHash, FeatureParams params) {
        return Files.isRegularFile(pathFor(contentHash, params));
    }

    /**
     * Stores {@code spectrogram} under ({@code contentHash}, {@code spectrogram.params()}), replacing any previous
     * entry atomically.
     *
     * @return the file written
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path write(String contentHash, Spectrogram spectrogram) {
        Objects.requireNonNull(spectrogram, "spectrogram");
        Path target = pathFor(contentHash, spectrogram.params());
        byte[] key = spectrogram.params().key().getBytes(StandardCharsets.UTF_8);
        long size = headerSize(key.length) + 4L * spectrogram.frames() * spectrogram.bins() + 4;
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("FeatureCache: spectrogram of " + spectrogram.frames() + " x "
                    + spectrogram.bins() + " is too large for one cache file (" + size + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(key.length).put(key).putInt(spectrogram.frames())
                .putInt(spectrogram.bins());
        for (float[] row : spectrogram.data()) {
            buf.asFloatBuffer().put(row);
            buf.position(buf.position() + 4 * row.length);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        buf.flip();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + contentHash + "-", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
            }
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("FeatureCache: cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            // the temporary file is hidden (dot-name) and harmless; the write error is already propagating
            TempFiles.deleteQuietly(tmp);
        }
    }

    /**
     * The entry for ({@code contentHash}, {@code params}), or empty when there is none.
     *
     * @throws BadInputException    when the file exists but is truncated, corrupt, of another format version or was
     *                              written with different parameters (the message names the file and the problem)
     * @throws UncheckedIOException when the file cannot be read
     */
    public Optional<Spectrogram> read(String contentHash, FeatureParams params) {
        Path file = pathFor(contentHash, params);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("FeatureCache: cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(decode(file, bytes, params));
    }

    private static long headerSize(int keyBytes) {
        return MAGIC.length + 4 + 4 + keyBytes + 4 + 4;
    }

    private static Spectrogram decode(Path file, byte[] bytes, FeatureParams params) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < headerSize(0) + 4) {
            throw new BadInputException(file, "truncated feature cache file: " + bytes.length
                    + " bytes, shorter than the smallest header");
        }
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new BadInputException(file, "not a Cadenza feature cache file (bad magic at byte 0)");
        }
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new BadInputException(file, "feature cache format version " + version + ", this build reads "
                    + FORMAT_VERSION + "; delete the file to recompute it");
        }
        int keyLength = buf.getInt();
        if (keyLength < 0 || keyLength > MAX_KEY_BYTES || headerSize(keyLength) + 4 > bytes.length) {
            throw new BadInputException(file, "corrupt or truncated header: params key length " + keyLength
                    + " at byte 12 does not fit a file of " + bytes.length + " bytes");
        }
        byte[] key = new byte[keyLength];
        buf.get(key);
        String storedKey = new String(key, StandardCharsets.UTF_8);
        int frames = buf.getInt();
        int bins = buf.getInt();
        long expected = headerSize(keyLength) + 4L * frames * bins + 4;
        if (frames < 0 || bins < 0 || expected != bytes.length) {
            throw new BadInputException(file, "truncated or corrupt: header says " + frames + " frames x " + bins
                    + " bins (" + expected + " bytes) but the file has " + bytes.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int storedCrc = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if ((int) crc.getValue() != storedCrc) {
            throw new BadInputException(file, "corrupt: CRC-32 mismatch (stored " + Integer.toHexString(storedCrc)
                    + ", computed " + Integer.toHexString((int) crc.getValue()) + ")");
        }
        if (!storedKey.equals(params.key())) {
            throw new BadInputException(file, "written with different feature parameters: file has \"" + storedKey
                    + "\", expected \"" + params.key() + "\"");
        }
        if (bins != params.bins()) {
            throw new BadInputException(file, "has " + bins + " bins, the parameters give " + params.bins());
        }
        float[][] data = new float[frames][bins];
        for (float[] row : data) {
            buf.asFloatBuffer().get(row);
            buf.position(buf.position() + 4 * bins);
        }
        return new Spectrogram(data, params);
    }
}
