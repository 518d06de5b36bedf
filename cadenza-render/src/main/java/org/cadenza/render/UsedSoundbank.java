package org.cadenza.render;

import org.cadenza.io.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The soundbank audio was really rendered with, as a run or a render cache records it: a soundfont file (absolute path
 * and SHA-256 of its content), or the JDK's built-in bank (no file). Unlike a {@link RenderSettings#soundfont()} left
 * empty, it does not follow the default: it names one bank.
 *
 * <p>Example: {@code UsedSoundbank.of(RenderSettings.DEFAULTS.soundfont()).describe()} gives
 * {@code "FluidR3_GM.sf2 (/usr/share/sounds/sf2/FluidR3_GM.sf2, sha256 5f1c...)"} where FluidR3_GM is installed, and
 * {@code "the JDK's built-in bank"} where no soundfont is.
 *
 * @param file   the {@code .sf2} file (absolute), empty for the JDK's built-in bank
 * @param sha256 SHA-256 of the file's bytes (64 lower-case hex digits); empty for the JDK's bank, or when not known
 */
public record UsedSoundbank(Optional<Path> file, Optional<String> sha256) {

    /** Hashes by (path, size, modification time): FluidR3_GM takes about half a second to hash. */
    private static final Map<List<Object>, String> HASHES = new HashMap<>();

    public UsedSoundbank {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        file = file.map(p -> p.toAbsolutePath().normalize());
        if (file.isEmpty() && sha256.isPresent()) {
            throw new IllegalArgumentException("the JDK's built-in bank has no file to hash");
        }
    }

    /** The JDK's built-in (emergency) bank. */
    public static UsedSoundbank jdk() {
        return new UsedSoundbank(Optional.empty(), Optional.empty());
    }

    /**
     * The bank {@code soundfont} resolves to now ({@link Soundbanks#resolve(Optional)}: empty = the default), with
     * the SHA-256 of its file.
     *
     * @throws BadInputException when the file cannot be read
     */
    public static UsedSoundbank of(Optional<Path> soundfont) {
        Optional<Path> resolved = Soundbanks.resolve(soundfont);
        return resolved.isEmpty() ? jdk() : new UsedSoundbank(resolved, Optional.of(sha256(resolved.get())));
    }

    /** Whether this is the JDK's built-in bank. */
    public boolean isJdk() {
        return file.isEmpty();
    }

    /** The soundfont to put in {@link RenderSettings} to render with this bank: the file, or {@link Soundbanks#JDK_BANK}. */
    public Path pin() {
        return file.orElse(Soundbanks.JDK_BANK);
    }

    /** E.g. {@code "FluidR3_GM.sf2 (/usr/share/sounds/sf2/FluidR3_GM.sf2, sha256 5f1c...)"} or {@code "the JDK's built-in bank"}. */
    public String describe() {
        if (file.isEmpty()) {
            return "the JDK's built-in bank";
        }
        return file.get().getFileName() + " (" + file.get() + ", sha256 " + sha256.orElse("unknown") + ")";
    }

    /**
     * Why this bank cannot be rendered with here, or empty when it can: its file is missing, or its content is not
     * the one recorded (another SHA-256).
     */
    public Optional<String> unavailableReason() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path f = file.get();
        if (!Files.isRegularFile(f)) {
            return Optional.of(f + " does not exist");
        }
        if (sha256.isPresent()) {
            String now;
            try {
                now = sha256(f);
            } catch (BadInputException e) {
                return Optional.of(f + " cannot be read (" + e.getMessage() + ")");
            }
            if (!now.equals(sha256.get())) {
                return Optional.of(f + " has other content here (sha256 " + now + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * SHA-256 (lower-case hex) of a file's bytes, remembered for the life of the process while its size and
     * modification time stay the same.
     *
     * @throws BadInputException when the file cannot be read
     */
    public static String sha256(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            List<Object> stamp = List.of(abs, Files.size(abs), Files.getLastModifiedTime(abs).toMillis());
            synchronized (HASHES) {
                String known = HASHES.get(stamp);
                if (known != null) {
                    return known;
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(abs)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(md.digest());
            synchronized (HASHES) {
                HASHES.put(stamp, hex);
            }
            return hex;
        } catch (IOException e) {
            throw new BadInputException(abs, "soundfont not found or unreadable (" + e + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
