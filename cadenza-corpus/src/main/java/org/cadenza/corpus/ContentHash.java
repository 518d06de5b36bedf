package org.cadenza.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex: the identity of a file's content in the catalog and the caches. */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 of a file's bytes, read in streaming fashion. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /**
     * A file's content hash and size, as the catalog records them.
     *
     * @param sha256 SHA-256 of the file's bytes, lower-case hex
     * @param bytes  the file's size in bytes
     */
    public record Sized(String sha256, long bytes) {
    }

    /** SHA-256 and size of a file (what ingest records of every file and zip it reads). */
    public static Sized sized(Path file) throws IOException {
        long bytes = Files.size(file);
        return new Sized(of(file), bytes);
    }

    /** SHA-256 of everything left in a stream (the stream is not closed). */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A stream that hashes what is written through it to {@code out}; {@link #of(DigestOutputStream)} reads it. */
    public static DigestOutputStream hashing(OutputStream out) {
        return new DigestOutputStream(out, digest());
    }

    /** SHA-256 of everything written through {@code out} (made by {@link #hashing}) so far. */
    public static String of(DigestOutputStream out) {
        return HexFormat.of().formatHex(out.getMessageDigest().digest());
    }

    /** SHA-256 of a byte array. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The first 16 hex digits of the SHA-256 of a parameter key: a short, stable folder name for it. */
    public static String ofKey(String key) {
        return of(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
