package org.cadenza.io.score.kern;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cadenza.io.BadInputException;
import org.cadenza.io.ResourceLimitException;

/**
 * The lines of a Humdrum text file: its size checked before it is read, decoded as UTF-8, or as ISO-8859-1 where it
 * is not valid UTF-8 (older Humdrum files are Latin-1); a file with a NUL byte is not text and is refused.
 */
final class KernText {

    private KernText() {
    }

    /**
     * @param maxBytes largest accepted file, bytes
     * @return the lines, without their line ends ({@code \n}, {@code \r\n} or {@code \r})
     * @throws BadInputException      missing, unreadable, empty or binary
     * @throws ResourceLimitException larger than {@code maxBytes}
     */
    static List<String> lines(Path file, long maxBytes) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ResourceLimitException(file, String.format(Locale.ROOT,
                        "too large: %,d bytes, over the limit of %,d bytes", size, maxBytes));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e, e);
        }
        if (bytes.length == 0) {
            throw new BadInputException(file, "empty file: no **kern spine");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(file, "not a text file: NUL byte at byte offset " + i
                        + " (a Humdrum **kern file is text)");
            }
        }
        String text = decode(bytes);
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList(); // a byte order mark
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
